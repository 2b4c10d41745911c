package org.amity.platform;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One small read for many concurrent callers, each still getting an answer as of after its own call began.
 *
 * <p>A caller adds its key to the open batch. If no read is in flight it leads: it takes the batch and reads all its
 * keys with one call of {@code read}. Callers arriving meanwhile join the next batch and wait; when the read in flight
 * ends, one of them leads the next. So a read always starts after every caller in its batch joined: none gets an answer
 * older than its own call, and under load one round trip serves many callers instead of one each.
 *
 * <p>A failed read fails every caller of its batch, with the same exception; the next batch is read afresh.
 */
public final class CoalescedReads<K, V> {

    private final Function<Set<K>, Map<K, V>> read;
    private final Object monitor = new Object();
    private Batch<K, V> open = new Batch<>();
    private boolean inFlight;

    /** @param read reads all the given keys at once; a key missing from its answer reads as null */
    public CoalescedReads(Function<Set<K>, Map<K, V>> read) {
        this.read = read;
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
            batch.complete(read.apply(batch.keys), null);
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
