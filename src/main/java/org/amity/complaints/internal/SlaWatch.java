package org.amity.complaints.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amity.complaints.domain.ComplaintPolicy;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises the deadline warnings on the case timelines: once per open case when 75 % and 90 % of the time from receipt
 * to the deadline have passed, and once when the deadline is breached. The queue shows the same states live; these
 * entries make them part of the case file. One instance at a time (transaction-scoped advisory lock).
 */
@Component
public class SlaWatch {

    private static final long LOCK = 0x434d505f534c41L; // "CMP_SLA"

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ComplaintPolicy policy;

    SlaWatch(JdbcClient jdbc, BusinessClock clock, ComplaintPolicy policy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
    }

    @Scheduled(fixedDelayString = "${amity.complaints.sla-watch-interval:PT5M}", initialDelayString = "PT1M")
    public void scheduled() {
        run(clock.instant());
    }

    /** Records the warnings due at {@code now}; returns how many were recorded per kind. */
    @Transactional
    public Map<String, Integer> run(Instant now) {
        Map<String, Integer> recorded = new LinkedHashMap<>();
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single())) {
            return recorded;
        }
        List<Double> warnings = policy.warnings();
        for (Double share : warnings) {
            String type = "SLA_WARNING_" + Math.round(share * 100);
            recorded.put(type, record(type, share, now, Math.round(share * 100) + "% of the time to the deadline has passed"));
        }
        recorded.put("SLA_BREACHED", record("SLA_BREACHED", 1.0, now, "the deadline has passed"));
        return recorded;
    }

    private int record(String type, double share, Instant now, String detail) {
        return jdbc.sql("""
                INSERT INTO complaint_event (id, complaint_id, customer_id, at, actor, type, detail)
                SELECT gen_random_uuid(), c.id, c.customer_id, ?, 'system', ?, ? || ' (' || to_char(c.resolve_by, 'YYYY-MM-DD HH24:MI TZ') || ')'
                  FROM complaint_case c
                 WHERE c.status <> 'CLOSED' AND c.received_at + (c.resolve_by - c.received_at) * ? <= ?
                   AND NOT EXISTS (SELECT 1 FROM complaint_event e WHERE e.complaint_id = c.id AND e.type = ?)""")
                .params(Timestamp.from(now), type, detail, share, Timestamp.from(now), type).update();
    }
}
