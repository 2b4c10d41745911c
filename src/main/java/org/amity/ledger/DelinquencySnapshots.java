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
        // Paid as of asOf = paid now − allocations from payments received after asOf (none when asOf is now).
        // Literals, not parameters: CREATE TABLE AS takes none; both come from typed values (a LocalDate, an Instant).
        String dateLiteral = "DATE '" + date + "'";
        String paidLater = current ? "" : """
                LEFT JOIN (SELECT loan_id, instalment_number, sum(amount) AS later
                             FROM payment_allocation WHERE received_at > TIMESTAMPTZ '%s'
                            GROUP BY loan_id, instalment_number) a
                       ON a.loan_id = i.loan_id AND a.instalment_number = i.number""".formatted(asOf);
        String remaining = current ? "i.remaining" : "(i.remaining + COALESCE(a.later, 0))";
        // The tolerance is configuration, written as a literal so that the planner can prove the partial index
        // (remaining > 0) applies and read unpaid instalments from it alone.
        String tolerance = properties.tolerance().toPlainString();
        String unpaidFilter = current ? "i.remaining > " + tolerance : "i.remaining + COALESCE(a.later, 0) > " + tolerance;
        String days = "COALESCE(%s - u.oldest, 0)".formatted(dateLiteral);
        // Built as a new table with CREATE TABLE AS, which PostgreSQL can run with parallel workers (INSERT … SELECT
        // cannot), then swapped in for the date's partition: readers of an earlier snapshot of the date see it
        // until this transaction commits, and never a half-built one.
        jdbc.sql("DROP TABLE IF EXISTS " + building).update();
        long loans = jdbc.sql("""
                CREATE UNLOGGED TABLE %s AS
                SELECT %s AS business_date, l.id AS loan_id, l.customer_id, %s AS days_past_due, %s AS bucket,
                       COALESCE(u.overdue, 0)::numeric(19, 2) AS overdue_amount, u.oldest AS oldest_unpaid_due_date, l.grace_days
                  FROM loan l
                  LEFT JOIN (SELECT i.loan_id, min(i.due_date) AS oldest,
                                    sum(%s) FILTER (WHERE i.due_date < %s) AS overdue
                               FROM %s i %s
                              WHERE i.due_date <= %s AND %s
                              GROUP BY i.loan_id) u ON u.loan_id = l.id
                """.formatted(building, dateLiteral, days, bucketCase(days), remaining, dateLiteral,
                current ? "instalment" : schedulesInForceAt(asOf), paidLater, dateLiteral, unpaidFilter)).update();
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

    /**
     * The instalments each loan was judged by at a past instant, as {@link LoanService#delinquency} reads them: the
     * current ones, except for a loan rescheduled after that instant, whose archived schedule version then in force
     * is used (with what had been paid on it when it was archived; later payments are re-added by the caller).
     */
    private static String schedulesInForceAt(Instant asOf) {
        return """
                (WITH archived AS (
                   SELECT l.id AS loan_id,
                          COALESCE((SELECT max(v.version) FROM loan_schedule_version v
                                     WHERE v.loan_id = l.id AND v.created_at <= TIMESTAMPTZ '%1$s'), 1) AS version
                     FROM loan l WHERE l.rescheduled_at > TIMESTAMPTZ '%1$s'),
                 in_force AS (
                   SELECT d.loan_id, d.version FROM archived d
                    WHERE EXISTS (SELECT 1 FROM instalment_archive ar WHERE ar.loan_id = d.loan_id AND ar.version = d.version))
                 SELECT c.loan_id, c.number, c.due_date, c.remaining FROM instalment c
                  WHERE NOT EXISTS (SELECT 1 FROM in_force f WHERE f.loan_id = c.loan_id)
                 UNION ALL
                 SELECT ar.loan_id, ar.number, ar.due_date,
                        ar.principal + ar.interest + ar.fees + ar.penalties - ar.paid_principal - ar.paid_interest
                          - ar.paid_fees - ar.paid_penalties
                   FROM instalment_archive ar JOIN in_force f ON f.loan_id = ar.loan_id AND f.version = ar.version)"""
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
