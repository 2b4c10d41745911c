package org.amity.messaging.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's cadence as versioned YAML in the database, seeded from the bundled {@code messaging/cadence.yaml}; a
 * new version applies from its effective instant, every change is audited, nothing is ever overwritten.
 */
@Service
public class CadenceStore implements SmartInitializingSingleton {

    static final String BUNDLED = "messaging/cadence.yaml";
    private static final int MAX_YAML_CHARS = 50_000;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;

    CadenceStore(JdbcClient jdbc, BusinessClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public record CadenceVersion(UUID id, String version, String yaml, Instant effectiveFrom, String createdBy, Instant createdAt,
                                 String comment) {
        public Cadence cadence() {
            return Cadence.parse(yaml);
        }
    }

    public record NewCadence(String yaml, Instant effectiveFrom, String comment) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        String yaml;
        try {
            yaml = new ClassPathResource(BUNDLED).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Cadence cadence = Cadence.parse(yaml);
        jdbc.sql("""
                INSERT INTO contact_cadence_version (id, version, yaml, effective_from, created_by, created_at, comment)
                SELECT ?, ?, ?, ?, 'system', ?, 'bundled with Amity'
                 WHERE NOT EXISTS (SELECT 1 FROM contact_cadence_version)
                ON CONFLICT DO NOTHING""")
                .params(UUID.randomUUID(), cadence.version(), yaml, Timestamp.from(Instant.EPOCH), Timestamp.from(clock.instant()))
                .update();
    }

    /** The version in effect at {@code at}. */
    public CadenceVersion at(Instant at) {
        return jdbc.sql("SELECT * FROM contact_cadence_version WHERE effective_from <= ? ORDER BY effective_from DESC, created_at DESC LIMIT 1")
                .param(Timestamp.from(at)).query(CadenceStore::map).optional()
                .orElseThrow(() -> new IllegalStateException("no contact cadence in effect"));
    }

    public CadenceVersion current() {
        return at(clock.instant());
    }

    /** Every version, latest effective first. */
    public List<CadenceVersion> history() {
        return jdbc.sql("SELECT * FROM contact_cadence_version ORDER BY effective_from DESC, created_at DESC").query(CadenceStore::map).list();
    }

    @Transactional
    public CadenceVersion add(NewCadence request) {
        if (request == null || request.yaml() == null || request.yaml().isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "yaml", "yaml is required");
        }
        if (request.yaml().length() > MAX_YAML_CHARS) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", "yaml", "A cadence is at most " + MAX_YAML_CHARS + " characters");
        }
        Cadence cadence;
        try {
            cadence = Cadence.parse(request.yaml());
        } catch (Cadence.InvalidCadence e) {
            throw ApiProblem.badRequest("INVALID_CADENCE", "yaml", e.getMessage());
        }
        Instant now = clock.instant();
        Instant from = request.effectiveFrom() == null ? now : request.effectiveFrom();
        if (from.isBefore(now.minusSeconds(60))) {
            throw ApiProblem.badRequest("EFFECTIVE_IN_PAST", "effectiveFrom", "A new cadence cannot apply to the past");
        }
        CadenceVersion before = current();
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO contact_cadence_version (id, version, yaml, effective_from, created_by, created_at, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING""")
                .params(id, cadence.version(), request.yaml(), Timestamp.from(from), CurrentUser.name(), Timestamp.from(now),
                        request.comment()).update();
        if (inserted == 0) {
            throw ApiProblem.conflict("CADENCE_VERSION_EXISTS", "yaml", "Version " + cadence.version() + " already exists; give the new text a new version");
        }
        audit.record("CONTACT_CADENCE_CHANGED", "ContactCadence", cadence.version(),
                Map.of("version", before.version(), "yaml", before.yaml()),
                Map.of("version", cadence.version(), "yaml", request.yaml(), "effectiveFrom", from.toString(),
                        "comment", request.comment() == null ? "" : request.comment()));
        return jdbc.sql("SELECT * FROM contact_cadence_version WHERE id = ?").param(id).query(CadenceStore::map).single();
    }

    private static CadenceVersion map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CadenceVersion(rs.getObject("id", UUID.class), rs.getString("version"), rs.getString("yaml"),
                rs.getTimestamp("effective_from").toInstant(), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("comment"));
    }
}
