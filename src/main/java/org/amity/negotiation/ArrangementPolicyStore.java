package org.amity.negotiation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.amity.identity.CurrentUser;
import org.amity.negotiation.domain.ArrangementPolicy;
import org.amity.negotiation.domain.ArrangementPolicyYaml;
import org.amity.negotiation.domain.PolicyFormatException;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arrangement policies per product as versioned YAML (bundled files seed the first version; later versions are
 * added with an effective-from instant and never edited). A quote uses the version in effect at its instant.
 */
@Service
public class ArrangementPolicyStore implements SmartInitializingSingleton {

    /** The products with a bundled policy under {@code negotiation/policies/}. */
    public static final List<String> BUNDLED = List.of("CONSUMER", "HOUSING", "CREDIT_CARD");

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final Map<UUID, ArrangementPolicy> parsed = new ConcurrentHashMap<>();

    ArrangementPolicyStore(JdbcClient jdbc, BusinessClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public record PolicyVersion(UUID id, String product, String version, String yaml, Instant effectiveFrom, String createdBy,
                                Instant createdAt, String comment) {
    }

    /** A policy in effect and the row it came from. */
    public record InEffect(PolicyVersion row, ArrangementPolicy policy) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String product : BUNDLED) {
            String yaml = bundled(product);
            ArrangementPolicy policy = ArrangementPolicyYaml.parse(yaml);
            // the bundled version is in effect from the beginning of time, so demo and test clocks moved back still find it
            jdbc.sql("""
                    INSERT INTO arrangement_policy_version (id, product, version, yaml, effective_from, created_by, created_at, comment)
                    VALUES (?, ?, ?, ?, ?, 'system', ?, 'bundled') ON CONFLICT (product, version) DO NOTHING""")
                    .params(UUID.randomUUID(), product, policy.version(), yaml, Timestamp.from(Instant.EPOCH),
                            Timestamp.from(Instant.now(clock)))
                    .update();
        }
    }

    static String bundled(String product) {
        try (InputStream in = ArrangementPolicyStore.class.getClassLoader()
                .getResourceAsStream("negotiation/policies/" + product + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InEffect inEffect(String product, Instant at) {
        PolicyVersion row = jdbc.sql("""
                SELECT * FROM arrangement_policy_version WHERE product = ? AND effective_from <= ?
                 ORDER BY effective_from DESC, created_at DESC LIMIT 1""")
                .params(product, Timestamp.from(at)).query(ArrangementPolicyStore::map).optional()
                .orElseThrow(() -> ApiProblem.conflict("NO_ARRANGEMENT_POLICY", "loanId",
                        "No arrangement policy is in effect for product " + product + "; a supervisor handles this request"));
        return new InEffect(row, parsed.computeIfAbsent(row.id(), id -> ArrangementPolicyYaml.parse(row.yaml())));
    }

    public ArrangementPolicy version(String product, String version) {
        PolicyVersion row = jdbc.sql("SELECT * FROM arrangement_policy_version WHERE product = ? AND version = ?")
                .params(product, version).query(ArrangementPolicyStore::map).optional()
                .orElseThrow(() -> ApiProblem.notFound("POLICY_VERSION_NOT_FOUND", "No policy " + product + " " + version));
        return parsed.computeIfAbsent(row.id(), id -> ArrangementPolicyYaml.parse(row.yaml()));
    }

    public List<PolicyVersion> history(String product) {
        return jdbc.sql("SELECT * FROM arrangement_policy_version WHERE product = ? ORDER BY effective_from DESC, created_at DESC")
                .param(product).query(ArrangementPolicyStore::map).list();
    }

    public List<String> products() {
        return jdbc.sql("SELECT DISTINCT product FROM arrangement_policy_version ORDER BY product").query(String.class).list();
    }

    /** Stores a new version after validating it; it takes effect at {@code effectiveFrom} (null: now). Audited. */
    @Transactional
    public PolicyVersion publish(String product, String yaml, Instant effectiveFrom, String comment) {
        if (yaml == null || yaml.isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "yaml", "yaml is required");
        }
        if (yaml.length() > 100_000) {
            throw ApiProblem.badRequest("POLICY_TOO_LARGE", "yaml", "A policy document is at most 100,000 characters");
        }
        ArrangementPolicy policy;
        try {
            policy = ArrangementPolicyYaml.parse(yaml);
        } catch (PolicyFormatException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", e.path(), e.getMessage());
        }
        if (!policy.product().equals(product)) {
            throw ApiProblem.badRequest("PRODUCT_MISMATCH", "product", "The document is for " + policy.product() + ", not " + product);
        }
        Instant now = clock.instant();
        Instant from = effectiveFrom == null ? now : effectiveFrom;
        if (from.isBefore(now.minusSeconds(60))) {
            throw ApiProblem.badRequest("EFFECTIVE_IN_PAST", "effectiveFrom", "A new version cannot take effect in the past");
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM arrangement_policy_version WHERE product = ? AND version = ?)")
                .params(product, policy.version()).query(Boolean.class).single()) {
            throw ApiProblem.conflict("DUPLICATE_POLICY_VERSION", "version", "Version " + policy.version() + " of " + product + " exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO arrangement_policy_version (id, product, version, yaml, effective_from, created_by, created_at, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, product, policy.version(), yaml, Timestamp.from(from), CurrentUser.name(), Timestamp.from(now), comment)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("product", product);
        after.put("version", policy.version());
        after.put("effectiveFrom", from.toString());
        after.put("comment", comment);
        audit.record("ARRANGEMENT_POLICY_PUBLISHED", "ArrangementPolicy", id.toString(), null, after);
        return history(product).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private static PolicyVersion map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PolicyVersion(rs.getObject("id", UUID.class), rs.getString("product"), rs.getString("version"),
                rs.getString("yaml"), rs.getTimestamp("effective_from").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("comment"));
    }
}
