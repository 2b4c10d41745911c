package org.amity.ledger.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.amity.ledger.ImportError;
import org.amity.ledger.ImportJobView;
import org.amity.ledger.ImportJobView.Status;
import org.amity.ledger.ImportKind;
import org.amity.ledger.ImportResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code import_job} rows. Every write commits on its own ({@code REQUIRES_NEW}) because the import itself
 * runs in one long transaction that nobody else can see into until it ends; progress must be visible meanwhile,
 * also to the other application nodes.
 */
@Repository
class ImportJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ImportError>> ERRORS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void create(UUID id, ImportKind kind, String fileName, long bytesTotal, String createdBy, Instant now) {
        jdbc.sql("""
                INSERT INTO import_job (id, kind, file_name, status, bytes_total, created_by, created_at)
                VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)""")
                .params(id, kind.name(), fileName, bytesTotal, createdBy, Timestamp.from(now)).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(UUID id, long processedRows, long bytesRead) {
        jdbc.sql("UPDATE import_job SET processed_rows = ?, bytes_read = ? WHERE id = ? AND status = 'RUNNING'")
                .params(processedRows, bytesRead, id).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(UUID id, ImportResult result, long bytesRead, Instant now) {
        List<ImportError> errors = result.errors().stream()
                .sorted(Comparator.comparingLong(ImportError::line)).toList();
        jdbc.sql("""
                UPDATE import_job SET status = ?, processed_rows = ?, imported_rows = ?, skipped_rows = ?, bytes_read = ?,
                                      errors = ?, error_count = ?, finished_at = ?
                 WHERE id = ?""")
                .params(result.succeeded() ? Status.SUCCEEDED.name() : Status.FAILED.name(), result.processedRows(),
                        result.importedRows(), result.skippedRows(), bytesRead,
                        errors.isEmpty() ? null : JSON.writeValueAsString(errors),
                        (int) Math.min(Integer.MAX_VALUE, result.errorCount()), Timestamp.from(now), id)
                .update();
    }

    public Optional<ImportJobView> find(UUID id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = ?").param(id).query(ImportJobs::map).optional();
    }

    public List<ImportJobView> recent(int limit) {
        return jdbc.sql("SELECT * FROM import_job ORDER BY created_at DESC LIMIT ?").param(limit).query(ImportJobs::map).list();
    }

    private static ImportJobView map(ResultSet rs, int n) throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        long read = rs.getLong("bytes_read");
        long total = rs.getLong("bytes_total");
        // bytes are read before the last steps (payments are allocated after the whole file is in), so a running
        // job stops at 99 % until it has really finished
        int percent = status != Status.RUNNING ? 100 : total <= 0 ? 0 : (int) Math.min(99, read * 100 / total);
        String errors = rs.getString("errors");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJobView(rs.getObject("id", UUID.class), ImportKind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), status, rs.getLong("processed_rows"), rs.getLong("imported_rows"),
                rs.getLong("skipped_rows"), read, total, percent, rs.getInt("error_count"),
                errors == null ? List.of() : JSON.readValue(errors, ERRORS), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
