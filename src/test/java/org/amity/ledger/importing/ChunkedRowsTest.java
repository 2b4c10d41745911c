package org.amity.ledger.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amity.ledger.ImportKind;
import org.junit.jupiter.api.Test;

/** Rows are read on one thread and written on the caller's, in file order, and a failure on either side stops both. */
class ChunkedRowsTest {

    private static ImportContext context() {
        return new ImportContext(null, null, Instant.parse("2026-11-23T00:00:00Z"), rows -> {
        });
    }

    private static String payments(int rows) {
        StringBuilder csv = new StringBuilder("loan_external_id,reference,amount,received_at\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("L-").append(i).append(",R-").append(i).append(",1.00,2026-11-23T00:00:00Z\n");
        }
        return csv.toString();
    }

    @Test
    void everyRowIsWrittenOnceInFileOrderOnTheCallersThread() {
        List<String> written = new ArrayList<>();
        List<String> writerThreads = new ArrayList<>();
        long read = ChunkedRows.read(context(), new StringReader(payments(2_503)), ImportKind.PAYMENTS, 100,
                (row, errors) -> row.text("reference"), chunk -> {
                    written.addAll(chunk);
                    writerThreads.add(Thread.currentThread().getName());
                });

        assertThat(read).isEqualTo(2_503);
        assertThat(written).hasSize(2_503).startsWith("R-1", "R-2").endsWith("R-2503");
        assertThat(writerThreads).hasSize(26).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void rowsThatDoNotParseAreLeftOutAndTheirErrorsKept() {
        ImportContext ctx = context();
        List<String> written = new ArrayList<>();
        ChunkedRows.read(ctx, new StringReader(payments(10)), ImportKind.PAYMENTS, 3, (row, errors) -> {
            if (row.line() % 2 == 0) {
                errors.add(row.line(), "amount", "BAD", "bad row");
                return null;
            }
            return row.text("reference");
        }, written::addAll);

        assertThat(written).containsExactly("R-2", "R-4", "R-6", "R-8", "R-10");
        assertThat(ctx.errors.count()).isEqualTo(5);
    }

    @Test
    void aWriteFailureStopsTheReaderAndIsThrown() {
        AtomicInteger parsed = new AtomicInteger();
        assertThatThrownBy(() -> ChunkedRows.read(context(), new StringReader(payments(100_000)), ImportKind.PAYMENTS, 10,
                (row, errors) -> parsed.incrementAndGet(), chunk -> {
                    throw new IllegalStateException("the database went away");
                })).hasMessage("the database went away");

        int afterFailure = parsed.get();
        assertThat(afterFailure).isLessThan(100_000);
        sleepQuietly(300);
        assertThat(parsed.get()).as("the reader stopped").isLessThanOrEqualTo(afterFailure + 10);
    }

    @Test
    void aReadFailureIsThrownToTheCaller() {
        assertThatThrownBy(() -> ChunkedRows.read(context(), new StringReader(payments(50)), ImportKind.PAYMENTS, 10,
                (row, errors) -> {
                    if (row.line() == 30) {
                        throw new IllegalArgumentException("cannot parse line 30");
                    }
                    return row;
                }, chunk -> {
                })).hasMessage("cannot parse line 30");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
