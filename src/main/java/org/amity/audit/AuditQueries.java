package org.amity.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail and verifies its hash chain. */
@Service
public class AuditQueries {

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ChainVerification(boolean valid, long rowsChecked, Long firstBrokenSeq, String problem) {
    }

    public List<AuditRow> recent(String entityType, String entityId, String actor, int limit) {
        return jdbc.sql("""
                SELECT * FROM audit_event
                 WHERE (CAST(:type AS text) IS NULL OR entity_type = :type)
                   AND (CAST(:id AS text) IS NULL OR entity_id = :id)
                   AND (CAST(:actor AS text) IS NULL OR actor = :actor)
                 ORDER BY seq DESC LIMIT :limit""")
                .param("type", blankToNull(entityType)).param("id", blankToNull(entityId))
                .param("actor", blankToNull(actor)).param("limit", limit)
                .query(AuditQueries::row).list();
    }

    /** Recomputes every row's hash from its content and its predecessor's hash, streaming the table. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AtomicReference<String> prev = new AtomicReference<>(JdbcAuditTrail.GENESIS);
        AtomicLong checked = new AtomicLong();
        AtomicReference<ChainVerification> broken = new AtomicReference<>();
        jdbc.sql("SELECT * FROM audit_event ORDER BY seq").withFetchSize(1000).query(rs -> {
            if (broken.get() != null) {
                return;
            }
            AuditRow row = row(rs, 0);
            checked.incrementAndGet();
            if (!row.prevHash().equals(prev.get())) {
                broken.set(new ChainVerification(false, checked.get(), row.seq(), "previous-hash link does not match (a row was removed or inserted)"));
            } else if (!JdbcAuditTrail.hash(row).equals(row.hash())) {
                broken.set(new ChainVerification(false, checked.get(), row.seq(), "content does not match its hash (the row was altered)"));
            }
            prev.set(row.hash());
        });
        return broken.get() != null ? broken.get() : new ChainVerification(true, checked.get(), null, null);
    }

    private static AuditRow row(ResultSet rs, int n) throws SQLException {
        return new AuditRow(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("actor_roles"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("before_state"), rs.getString("after_state"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
