package org.amity.ledger;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bulk import of customers, loans and payments from CSV (formats in {@code docs/import.md}). A file is imported
 * all-or-nothing in one transaction; rows are validated exactly like the JSON API validates them, and every
 * error is reported with its line and column. Files are streamed, so size is bounded by time, not memory.
 */
public interface LedgerImports {

    /** Imports {@code csv} in the caller's thread, in one transaction; returns once committed or rolled back. */
    ImportResult importNow(ImportKind kind, Reader csv);

    /** Starts a background import of a file the caller keeps (it is only read). */
    ImportJobView start(ImportKind kind, Path csvFile, String fileName);

    /** Starts a background import of an upload; the stream is first copied to a temporary file the job owns. */
    ImportJobView start(ImportKind kind, InputStream upload, String fileName);

    Optional<ImportJobView> job(UUID id);

    List<ImportJobView> recentJobs(int limit);

    /** Waits until the job has finished or {@code timeoutMillis} has passed; returns its latest state. */
    ImportJobView await(UUID id, long timeoutMillis);
}
