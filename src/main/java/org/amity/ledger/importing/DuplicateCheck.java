package org.amity.ledger.importing;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Finds external ids that repeat within a chunk, or that the table already holds. Earlier chunks of the same
 * file are already in the table (inside the import's transaction), so one query per chunk also catches
 * repeats across chunks without remembering every id of a million-row file.
 */
final class DuplicateCheck {

    private DuplicateCheck() {
    }

    /** Reports each duplicate and returns the rows that may be written. */
    static <R> List<R> keepUnique(ImportContext ctx, String table, List<R> rows, Function<R, String> externalId,
                                  ToLongFunction<R> line) {
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, Boolean> existing = new HashMap<>();
        // rows written by this import carry its timestamp: that tells "earlier in this file" from "already in the ledger"
        ctx.jdbc.sql("SELECT external_id, created_at = ? FROM " + table + " WHERE external_id = ANY(?)")
                .params(Timestamp.from(ctx.now), ctx.textArray(rows.stream().map(externalId).toList()))
                .query(rs -> {
                    existing.put(rs.getString(1), rs.getBoolean(2));
                });
        String entity = table.equals("customer") ? "A customer" : "A loan";
        return rows.stream().filter(r -> {
            String id = externalId.apply(r);
            Boolean fromThisFile = existing.get(id);
            if (fromThisFile != null) {
                ctx.errors.add(line.applyAsLong(r), "external_id", "DUPLICATE_EXTERNAL_ID", fromThisFile
                        ? "external_id '" + id + "' appears earlier in this file"
                        : entity + " with externalId '" + id + "' already exists");
                return false;
            }
            Long earlier = firstLine.putIfAbsent(id, line.applyAsLong(r));
            if (earlier != null) {
                ctx.errors.add(line.applyAsLong(r), "external_id", "DUPLICATE_EXTERNAL_ID",
                        "external_id '" + id + "' appears earlier in this file, on line " + earlier);
                return false;
            }
            return true;
        }).toList();
    }
}
