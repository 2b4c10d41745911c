package org.amity.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.amity.platform.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit rows in the caller's transaction: if the change rolls back, so does its audit row, and a
 * committed change always has one. Appends are serialised by a transaction-scoped advisory lock so that the
 * chain stays linear across application instances.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x41554449544cL; // "AUDITL"

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcAuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, Map<String, ?> before, Map<String, ?> after) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null ? "system" : auth.getName();
        String roles = auth == null ? "" : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .sorted().collect(Collectors.joining(","));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String beforeJson = toJson(before);
        String afterJson = toJson(after);
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleValue();
        String prev = jdbc.sql("SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1").query(String.class)
                .optional().orElse(GENESIS);
        AuditRow row = new AuditRow(0, at, actor, roles, action, entityType, entityId, beforeJson, afterJson, prev, null);
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, actor_roles, action, entity_type, entity_id,
                                         before_state, after_state, prev_hash, hash)
                VALUES (:at, :actor, :roles, :action, :type, :id, :before, :after, :prev, :hash)""")
                .param("at", java.sql.Timestamp.from(at)).param("actor", actor).param("roles", roles)
                .param("action", action).param("type", entityType).param("id", entityId)
                .param("before", beforeJson).param("after", afterJson).param("prev", prev)
                .param("hash", hash(row)).update();
    }

    private String toJson(Map<String, ?> state) {
        // sorted keys: the stored text is exactly what was hashed, and reads the same every time
        return state == null ? null : json.writeValueAsString(new TreeMap<>(state));
    }

    static String hash(AuditRow row) {
        String material = String.join("\u001f", row.prevHash(), row.occurredAt().toString(), row.actor(), row.actorRoles(),
                row.action(), row.entityType(), row.entityId(), String.valueOf(row.before()), String.valueOf(row.after()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
