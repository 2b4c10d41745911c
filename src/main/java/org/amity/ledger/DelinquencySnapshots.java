package org.amity.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amity.identity.CurrentUser;
import org.amity.ledger.domain.BucketPolicy;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole portfolio's delinquency as of one instant, computed inside PostgreSQL in one statement and kept
 * per business date. It applies exactly the rules of {@link LoanService#delinquency}: the oldest instalment
 * with a remainder above the tolerance that is due on or before the business date, and the remainder of
 * those due before it. For "now" it reads the instalments' current paid amounts; for a past instant it
 * re-adds what was allocated from payments received after that instant.
 */
@Service
public class DelinquencySnapshots {

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final LedgerProperties properties;
    private final BucketPolicy buckets;
    private final AuditTrail audit;

    DelinquencySnapshots(JdbcClient jdbc, BusinessClock clock, LedgerProperties properties, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.buckets = BucketPolicy.parse(properties.buckets());
        this.audit = audit;
    }

    public record Summary(LocalDate businessDate, Instant asOf, long loans, long overdueLoans, BigDecimal overdueAmount,
                          Map<String, Long> loansByBucket, long elapsedMs) {
    }

    @Transactional
    public Summary take(Instant asOf) {
        long started = System.nanoTime();
        LocalDate date = LocalDate.ofInstant(asOf, clock.bankZone());
        boolean current = !asOf.isBefore(clock.instant());
        // one snapshot of a date at a time, across application instances
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(0x534e4150L + date.toEpochDay()).query().singleValue();
        String partition = "delinquency_snapshot_" + date.toString().replace("-", "");
        String building = partition + "_new";
        jdbc.sql("DELETE FROM delinquency_snapshot_run WHERE business_date = ?").param(date).update();
        // Literals, not parameters: CREATE TABLE AS takes none; all come from typed values (a LocalDate, an Instant,
        // the configured tolerance). The tolerance is a literal so that the planner can prove the partial index
        // (remaining > 0) applies and read unpaid instalments from it alone.
        String dateLiteral = "DATE '" + date + "'";
        String tolerance = properties.tolerance().toPlainString();
        String days = "COALESCE(%s - u.oldest, 0)".formatted(dateLiteral);
        // Built as a new table with CREATE TABLE AS, which PostgreSQL can run with parallel workers (INSERT … SELECT
        // cannot), then swapped in for the date's partition: readers of an earlier snapshot of the date see it
        // until this transaction commits, and never a half-built one.
        jdbc.sql("DROP TABLE IF EXISTS " + building).update();
        long loans = jdbc.sql("""
                CREATE UNLOGGED TABLE %s AS %s
                SELECT %s AS business_date, l.id AS loan_id, l.customer_id, %s AS days_past_due, %s AS bucket,
                       COALESCE(u.overdue, 0)::numeric(19, 2) AS overdue_amount, u.oldest AS oldest_unpaid_due_date, l.grace_days
                  FROM loan l
                  LEFT JOIN (%s) u ON u.loan_id = l.id
                """.formatted(building, current ? "" : inForceCte(asOf), dateLiteral, days, bucketCase(days),
                current ? unpaidNow(dateLiteral, tolerance) : unpaidAt(asOf, dateLiteral, tolerance))).update();
        // the partition's constraints, checked in one pass; the CHECK lets ATTACH skip its own scan
        jdbc.sql("""
                ALTER TABLE %s ALTER business_date SET NOT NULL, ALTER loan_id SET NOT NULL, ALTER customer_id SET NOT NULL,
                  ALTER days_past_due SET NOT NULL, ALTER bucket SET NOT NULL, ALTER overdue_amount SET NOT NULL,
                  ALTER grace_days SET NOT NULL, ADD CONSTRAINT %s_date CHECK (business_date = %s)"""
                .formatted(building, partition, dateLiteral)).update();
        jdbc.sql("DROP TABLE IF EXISTS " + partition).update();
        jdbc.sql("ALTER TABLE " + building + " RENAME TO " + partition).update();
        jdbc.sql("ALTER TABLE delinquency_snapshot ATTACH PARTITION " + partition + " FOR VALUES IN ('" + date + "')").update();
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        jdbc.sql("INSERT INTO delinquency_snapshot_run (business_date, as_of, loans, elapsed_ms, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(date, Timestamp.from(asOf), loans, elapsed, CurrentUser.name(), Timestamp.from(clock.instant())).update();
        Summary summary = summary(date).orElseThrow();
        audit.record("DELINQUENCY_SNAPSHOT_TAKEN", "DelinquencySnapshot", date.toString(), null,
                Map.of("asOf", asOf.toString(), "loans", loans, "overdueLoans", summary.overdueLoans()));
        return summary;
    }

    /** Per loan with an unpaid instalment due by the date: the oldest one's due date and the remainder of those due before it. */
    private static String unpaidNow(String date, String tolerance) {
        return """
                SELECT i.loan_id, min(i.due_date) AS oldest, sum(i.remaining) FILTER (WHERE i.due_date < %1$s) AS overdue
                  FROM instalment i
                 WHERE i.due_date <= %1$s AND i.remaining > %2$s
                 GROUP BY i.loan_id""".formatted(date, tolerance);
    }

    /**
     * {@link #unpaidNow} as of a past instant, where what was unpaid then = unpaid now + what payments received
     * after that instant have allocated to the instalment since ({@code later}). Every snapshot of "now" comes
     * here too: its instant is read before {@link #take} reads the clock.
     *
     * <p>Written so that PostgreSQL can run it with parallel workers and read the instalments that are unpaid now
     * from the partial index, like {@link #unpaidNow}: an instalment unpaid then is either unpaid now (remaining
     * above the tolerance: the index) or paid now and paid by a later payment (remaining at most the tolerance:
     * found through the later allocations, a few); the two sets are disjoint. A loan rescheduled after the
     * instant, whose archived schedule then in force exists ({@link #inForceCte}), is judged by that schedule
     * instead: its row from the current instalments is dropped after aggregation (a CTE below the aggregate
     * would keep the whole plan out of parallel workers) and one from the archived rows added.
     */
    private static String unpaidAt(Instant asOf, String date, String tolerance) {
        String later = """
                (SELECT loan_id, instalment_number, sum(amount) AS later FROM payment_allocation
                  WHERE received_at > TIMESTAMPTZ '%s' GROUP BY loan_id, instalment_number)""".formatted(asOf);
        return """
                SELECT c.loan_id, c.oldest, c.overdue
                  FROM (SELECT x.loan_id, min(x.due_date) AS oldest, sum(x.remaining) FILTER (WHERE x.due_date < %2$s) AS overdue
                          FROM (SELECT i.loan_id, i.due_date, i.remaining + COALESCE(a.later, 0) AS remaining
                                  FROM instalment i LEFT JOIN %1$s a ON a.loan_id = i.loan_id AND a.instalment_number = i.number
                                 WHERE i.due_date <= %2$s AND i.remaining > %3$s
                                UNION ALL
                                SELECT i.loan_id, i.due_date, i.remaining + a.later
                                  FROM %1$s a JOIN instalment i ON i.loan_id = a.loan_id AND i.number = a.instalment_number
                                 WHERE i.due_date <= %2$s AND i.remaining <= %3$s AND i.remaining + a.later > %3$s) x
                         GROUP BY x.loan_id) c
                 WHERE NOT EXISTS (SELECT 1 FROM in_force f WHERE f.loan_id = c.loan_id)
                UNION ALL
                SELECT ar.loan_id, min(ar.due_date), sum(ar.remaining + COALESCE(a.later, 0)) FILTER (WHERE ar.due_date < %2$s)
                  FROM (SELECT ar.loan_id, ar.number, ar.due_date,
                               ar.principal + ar.interest + ar.fees + ar.penalties - ar.paid_principal - ar.paid_interest
                                 - ar.paid_fees - ar.paid_penalties AS remaining
                          FROM instalment_archive ar JOIN in_force f ON f.loan_id = ar.loan_id AND f.version = ar.version) ar
                  LEFT JOIN %1$s a ON a.loan_id = ar.loan_id AND a.instalment_number = ar.number
                 WHERE ar.due_date <= %2$s AND ar.remaining + COALESCE(a.later, 0) > %3$s
                 GROUP BY ar.loan_id""".formatted(later, date, tolerance);
    }

    /**
     * The loans that {@link LoanService#delinquency} judges by an archived schedule at a past instant: rescheduled
     * after it, with the archived version then in force present.
     */
    private static String inForceCte(Instant asOf) {
        return """
                WITH in_force AS (
                  SELECT d.loan_id, d.version
                    FROM (SELECT l.id AS loan_id,
                                 COALESCE((SELECT max(v.version) FROM loan_schedule_version v
                                            WHERE v.loan_id = l.id AND v.created_at <= TIMESTAMPTZ '%1$s'), 1) AS version
                            FROM loan l WHERE l.rescheduled_at > TIMESTAMPTZ '%1$s') d
                   WHERE EXISTS (SELECT 1 FROM instalment_archive ar WHERE ar.loan_id = d.loan_id AND ar.version = d.version))"""
                .formatted(asOf);
    }

    public java.util.Optional<Summary> summary(LocalDate date) {
        record Run(Instant asOf, long elapsed) {
        }
        java.util.Optional<Run> run = jdbc.sql("SELECT as_of, elapsed_ms FROM delinquency_snapshot_run WHERE business_date = ?")
                .param(date).query((rs, n) -> new Run(rs.getTimestamp(1).toInstant(), rs.getLong(2))).optional();
        if (run.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, Long> byBucket = new LinkedHashMap<>();
        buckets.buckets().forEach(b -> byBucket.put(b.name(), 0L));
        record Row(String bucket, long loans, BigDecimal overdue) {
        }
        List<Row> rows = jdbc.sql("SELECT bucket, count(*), sum(overdue_amount) FROM delinquency_snapshot WHERE business_date = ? GROUP BY bucket")
                .param(date).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3))).list();
        long total = 0;
        long overdueLoans = 0;
        BigDecimal overdue = BigDecimal.ZERO.setScale(2);
        for (Row r : rows) {
            byBucket.put(r.bucket(), r.loans());
            total += r.loans();
            overdue = overdue.add(r.overdue());
            if (!r.bucket().equals(buckets.bucketFor(0))) {
                overdueLoans += r.loans();
            }
        }
        return java.util.Optional.of(new Summary(date, run.get().asOf(), total, overdueLoans, overdue, byBucket, run.get().elapsed()));
    }

    private String bucketCase(String daysExpression) {
        StringBuilder sql = new StringBuilder("CASE");
        for (BucketPolicy.Bucket b : buckets.buckets()) {
            sql.append(" WHEN ").append(daysExpression).append(" >= ").append(b.fromDays());
            if (b.toDays() != null) {
                sql.append(" AND ").append(daysExpression).append(" <= ").append(b.toDays());
            }
            // bucket names come from configuration, not from requests; quote them as SQL literals anyway
            sql.append(" THEN '").append(b.name().replace("'", "''")).append('\'');
        }
        return sql.append(" END").toString();
    }
}
