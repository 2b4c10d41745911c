package org.amity.ledger;

import java.util.List;

/**
 * The outcome of an all-or-nothing import: either every row was written ({@code errorCount == 0}) or none was.
 *
 * @param processedRows data rows read
 * @param importedRows  rows written (0 when the import failed)
 * @param skippedRows   rows that repeat what the ledger already holds (a payment reference posted before with
 *                      the same amount) and were left alone
 * @param errorCount    every error found; {@code errors} keeps at most the first {@value #MAX_ERRORS}
 */
public record ImportResult(ImportKind kind, long processedRows, long importedRows, long skippedRows, long errorCount,
                           List<ImportError> errors) {

    public static final int MAX_ERRORS = 1000;

    public boolean succeeded() {
        return errorCount == 0;
    }
}
