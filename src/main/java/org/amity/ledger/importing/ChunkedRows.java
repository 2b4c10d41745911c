package org.amity.ledger.importing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.amity.ledger.ImportKind;

/**
 * Streams a file row by row and hands the parsed rows on in chunks, so memory stays flat however large the file.
 * Rows that do not parse are left out (their errors are already recorded); the last, partial chunk is written too.
 *
 * <p>Reading, parsing and validating (including schedule generation) run on a second thread while the caller's
 * thread writes the previous chunk: the database backend is never idle waiting for the next chunk to be prepared,
 * and at most two chunks are in memory besides the one being written (a hand-off queue of one). The writes stay
 * on the caller's thread, which owns the import's transaction.
 */
final class ChunkedRows {

    private static final Object END = new Object();

    private ChunkedRows() {
    }

    /** @return the number of data rows read */
    static <R> long read(ImportContext ctx, Reader csv, ImportKind kind, int chunkSize,
                         BiFunction<CsvRow, ImportErrors, R> parse, Consumer<List<R>> write) {
        BlockingQueue<Object> handOff = new ArrayBlockingQueue<>(1);
        Reading reading = new Reading();
        Thread reader = new Thread(() -> {
            try {
                List<R> chunk = new ArrayList<>(chunkSize);
                reading.processed = CsvSource.read(csv, kind, ctx.errors, row -> {
                    ctx.rowRead();
                    R parsed = parse.apply(row, ctx.errors);
                    if (parsed != null) {
                        chunk.add(parsed);
                    }
                    if (chunk.size() == chunkSize) {
                        put(handOff, new ArrayList<>(chunk), reading);
                        chunk.clear();
                    }
                });
                if (!chunk.isEmpty()) {
                    put(handOff, chunk, reading);
                }
            } catch (Cancelled e) {
                return;
            } catch (RuntimeException | Error e) {
                reading.failure = e;
            }
            put(handOff, END, reading);
        }, "ledger-import-read");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Object next = handOff.take();
                if (next == END) {
                    break;
                }
                @SuppressWarnings("unchecked")
                List<R> chunk = (List<R>) next;
                write.accept(chunk);
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } finally {
            // the writer failed or was interrupted: stop the reader rather than leave it parsing a file nobody wants
            reading.cancelled = true;
            reader.interrupt();
        }
        if (reading.failure instanceof RuntimeException e) {
            throw e;
        }
        if (reading.failure instanceof Error e) {
            throw e;
        }
        return reading.processed;
    }

    private static void put(BlockingQueue<Object> handOff, Object item, Reading reading) {
        try {
            while (!handOff.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (reading.cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException e) {
            throw new Cancelled();
        }
    }

    /** What the reading thread leaves for the writing one; published through the hand-off queue and join(). */
    private static final class Reading {
        volatile long processed;
        volatile Throwable failure;
        volatile boolean cancelled;
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
