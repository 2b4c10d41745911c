package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.amity.platform.BusinessClock;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The set-based portfolio snapshot gives every loan exactly what the single-loan delinquency query gives. */
@AmityIntegrationTest
class DelinquencySnapshotIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoanService loans;

    @Autowired
    BusinessClock clock;

    @Autowired
    PaymentService payments;

    record Row(UUID loanId, int daysPastDue, String bucket, BigDecimal overdue, LocalDate oldest) {
    }

    @Test
    void agreesWithTheSingleLoanQueryForEveryLoanNowAndInThePast() {
        Api admin = Api.as(port, "admin");
        // an instalment due three months ago, paid off now: paid as of now, still unpaid 45 days ago
        OverdueBorrower late = OverdueBorrower.book(port);
        payments.post(UUID.fromString(late.loanId()), new PaymentService.NewPayment(new BigDecimal("2000.00"), "CNY", null,
                "SNAPSHOT-" + late.loanNumber()));
        Instant now = clock.instant();
        for (Instant asOf : List.of(now, now.minus(Duration.ofDays(45)))) {
            Api.Response taken = admin.post("/api/v1/delinquency-snapshots", "{\"asOf\":\"" + asOf + "\"}");
            assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
            LocalDate date = LocalDate.ofInstant(asOf, clock.bankZone());
            List<Row> rows = jdbc.sql("""
                    SELECT loan_id, days_past_due, bucket, overdue_amount, oldest_unpaid_due_date
                      FROM delinquency_snapshot WHERE business_date = ?""").param(date)
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getObject(5, LocalDate.class))).list();
            long loanCount = jdbc.sql("SELECT count(*) FROM loan").query(Long.class).single();
            assertThat(rows).hasSize((int) loanCount);
            assertThat(taken.body().path("loans").asLong()).isEqualTo(loanCount);
            assertThat(rows).anyMatch(r -> r.daysPastDue() > 0);
            if (asOf.isBefore(now)) {
                // the past includes instalments that are paid now but were unpaid then (the snapshot finds those
                // through the later allocations, not through the index of unpaid instalments)
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM instalment i
                         WHERE i.due_date <= ? AND i.remaining <= 0 AND i.remaining + (SELECT COALESCE(sum(a.amount), 0)
                               FROM payment_allocation a WHERE a.loan_id = i.loan_id AND a.instalment_number = i.number
                                AND a.received_at > ?) > 0""").params(date, java.sql.Timestamp.from(asOf)).query(Long.class).single())
                        .isPositive();
            }
            for (Row row : rows) {
                Delinquency single = loans.delinquency(row.loanId(), asOf);
                assertThat(row).as("loan %s as of %s", row.loanId(), asOf).isEqualTo(new Row(row.loanId(), single.daysPastDue(),
                        single.bucket(), single.overdueAmount(), single.oldestUnpaidDueDate()));
            }
            // taking the same date again replaces it
            assertThat(admin.post("/api/v1/delinquency-snapshots", "{\"asOf\":\"" + asOf + "\"}").body().path("loans").asLong())
                    .isEqualTo(loanCount);
            assertThat(admin.get("/api/v1/delinquency-snapshots/" + date).body().path("loans").asLong()).isEqualTo(loanCount);
        }
        assertThat(admin.post("/api/v1/delinquency-snapshots", "{\"asOf\":\"" + now.plus(Duration.ofDays(2)) + "\"}").status())
                .isEqualTo(400);
        assertThat(Api.as(port, "agent").post("/api/v1/delinquency-snapshots", "{}").status()).isEqualTo(403);
    }
}
