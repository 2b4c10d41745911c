package org.amity.ledger.importing;

import java.util.ArrayList;
import java.util.List;
import org.amity.ledger.ImportError;
import org.amity.ledger.ImportResult;

/**
 * Collects errors: counts them all, keeps the first {@link ImportResult#MAX_ERRORS} so a bad 1M-row file stays small.
 * Thread-safe: the reading thread records parse errors while the writing thread records lookup errors.
 */
final class ImportErrors {

    private final List<ImportError> kept = new ArrayList<>();
    private long count;

    synchronized void add(long line, String column, String code, String message) {
        count++;
        if (kept.size() < ImportResult.MAX_ERRORS) {
            kept.add(new ImportError(line, column, code, message));
        }
    }

    /** Errors counted in bulk whose details were not kept (beyond the cap). */
    synchronized void addUnlisted(long n) {
        count += n;
    }

    synchronized boolean any() {
        return count > 0;
    }

    synchronized long count() {
        return count;
    }

    synchronized List<ImportError> kept() {
        return List.copyOf(kept);
    }
}
