package org.amity.ledger.importing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.amity.ledger.ImportKind;

/**
 * Streams a file row by row and hands the parsed rows on in chunks, so memory stays flat however large the file.
 * Rows that do not parse are left out (their errors are already recorded); the last, partial chunk is written too.
 */
final class ChunkedRows {

    private ChunkedRows() {
    }

    /** @return the number of data rows read */
    static <R> long read(ImportContext ctx, Reader csv, ImportKind kind, int chunkSize,
                         BiFunction<CsvRow, ImportErrors, R> parse, Consumer<List<R>> write) {
        List<R> chunk = new ArrayList<>(chunkSize);
        long processed = CsvSource.read(csv, kind, ctx.errors, row -> {
            ctx.rowRead();
            R parsed = parse.apply(row, ctx.errors);
            if (parsed != null) {
                chunk.add(parsed);
            }
            if (chunk.size() == chunkSize) {
                write.accept(chunk);
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            write.accept(chunk);
        }
        return processed;
    }
}
