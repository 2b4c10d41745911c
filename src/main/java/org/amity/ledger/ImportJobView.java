package org.amity.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An import running in the background, or its outcome. {@code percent} follows the bytes read from the file. */
public record ImportJobView(UUID id, ImportKind kind, String fileName, Status status, long processedRows,
                            long importedRows, long skippedRows, long bytesRead, long bytesTotal, int percent,
                            long errorCount, List<ImportError> errors, String createdBy, Instant createdAt,
                            Instant finishedAt) {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    public boolean finished() {
        return status != Status.RUNNING;
    }
}
