package org.amity.platform;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One statement for many concurrent callers that read small things by key (the ledger's version checks), each caller
 * still getting an answer from a statement that began after its own call.
 *
 * <p>A caller adds its key to the open batch. If no statement is in flight it leads: it takes the batch and runs
 * {@code statement} on all its keys at once. Callers arriving meanwhile join the next batch and wait; when the statement
 * in flight ends, one of them leads the next. So a statement always starts after every caller in its batch joined:
 * none gets an answer older than its own call, and under load one round trip serves many callers instead of one each.
 *
 * <p>A failed statement fails every caller of its batch, with the same exception; the next batch runs afresh.
 */
public final class CoalescedStatements<K, V> {

    private final Function<Set<K>, Map<K, V>> statement;
    private final Object monitor = new Object();
    private Batch<K, V> open = new Batch<>();
    private boolean inFlight;

    /**
     * @param statement reads all the given keys at once; a key missing from its answer answers null
     */
    public CoalescedStatements(Function<Set<K>, Map<K, V>> statement) {
        this.statement = statement;
    }

    public V get(K key) {
        Batch<K, V> batch;
        boolean lead;
        synchronized (monitor) {
            batch = open;
            batch.keys.add(key);
            lead = !inFlight;
            if (lead) {
                inFlight = true;
                open = new Batch<>();
            }
        }
        if (!lead && !batch.awaitResultOrLead()) {
            return batch.answer(key);
        }
        try {
            batch.complete(statement.apply(batch.keys), null);
        } catch (RuntimeException | Error e) {
            batch.complete(null, e);
        } finally {
            synchronized (monitor) {
                if (open.keys.isEmpty()) {
                    inFlight = false;
                } else {
                    Batch<K, V> next = open;
                    open = new Batch<>();
                    next.handOver();
                }
            }
        }
        return batch.answer(key);
    }

    private static final class Batch<K, V> {
        /** Written under the owner's monitor until a leader takes the batch; read only by that leader after. */
        final Set<K> keys = new LinkedHashSet<>();
        private Map<K, V> answers;
        private Throwable failure;
        private boolean done;
        private boolean leaderWanted;

        synchronized void complete(Map<K, V> answers, Throwable failure) {
            this.answers = answers;
            this.failure = failure;
            this.done = true;
            notifyAll();
        }

        synchronized void handOver() {
            leaderWanted = true;
            notifyAll();
        }

        /** Waits (uninterruptibly) until the batch is done (false) or this caller is to lead it (true). */
        synchronized boolean awaitResultOrLead() {
            boolean interrupted = false;
            try {
                while (!done && !leaderWanted) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (done) {
                    return false;
                }
                leaderWanted = false;
                return true;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        synchronized V answer(K key) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return answers.get(key);
        }
    }
}
