package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.amity.platform.BusinessClock;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link PortfolioReads#standing} reuses an answer while the customer's ledger version is unchanged and the instant is
 * within the answer's time validity. Whatever changes the ledger, through the API or straight in the tables (as another
 * application instance would), the very next answer must be the one the single, uncached reads give; and an answer
 * must not outlive the instant at which it changes by itself (a claim expiring, the business date turning).
 */
@AmityIntegrationTest
class StandingFreshnessIT {

    @LocalServerPort
    int port;

    @Autowired
    PortfolioReads portfolio;

    @Autowired
    CustomerService customers;

    @Autowired
    LoanService loans;

    @Autowired
    PaymentClaimService claims;

    @Autowired
    LoanApplicationService applications;

    @Autowired
    BusinessClock clock;

    @Autowired
    JdbcClient jdbc;

    PortfolioReads.Standing assertSameAsTheSingleReads(UUID customerId, UUID loanId, Instant at) {
        PortfolioReads.Standing s = portfolio.standing(customerId, loanId, at).orElseThrow();
        assertThat(s.customer()).isEqualTo(customers.find(customerId).orElseThrow());
        assertThat(s.applicationNeedsCustomerAction()).isEqualTo(applications.anyNeedingCustomerAction(customerId));
        Delinquency d = loans.delinquency(loanId, at);
        LoanService.LoanSummary summary = loans.summary(loanId).orElseThrow();
        assertThat(s.loan()).isEqualTo(new PortfolioReads.LoanState(loanId, customerId, summary.product(), summary.currency(),
                d.graceDays(), d.daysPastDue(), summary.nextUnpaidDueDate(), claims.hasOpenClaim(loanId, at)));
        return s;
    }

    @Test
    void aPaymentPostedThroughTheApiCountsInTheVeryNextAnswer() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID customerId = UUID.fromString(b.customerId());
        UUID loanId = UUID.fromString(b.loanId());
        Instant now = clock.instant();
        assertThat(assertSameAsTheSingleReads(customerId, loanId, now).loan().daysPastDue()).isPositive();

        Api.Response paid = Api.as(port, "admin").post("/api/v1/loans/" + b.loanId() + "/payments",
                "{\"amount\":\"20000.00\",\"currency\":\"CNY\",\"reference\":\"FRESH-" + UUID.randomUUID() + "\"}");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        assertThat(assertSameAsTheSingleReads(customerId, loanId, clock.instant()).loan().daysPastDue())
                .as("paid a moment ago: not overdue now").isZero();
    }

    @Test
    void writesStraightIntoTheLedgerTablesCountInTheVeryNextAnswer() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID customerId = UUID.fromString(b.customerId());
        UUID loanId = UUID.fromString(b.loanId());
        Instant now = clock.instant();
        PortfolioReads.Standing before = assertSameAsTheSingleReads(customerId, loanId, now);
        assertThat(before.loan().openPaymentClaim()).isTrue();

        jdbc.sql("""
                INSERT INTO contact_point (id, customer_id, type, value, verified, owner, created_at)
                VALUES (gen_random_uuid(), ?, 'PHONE', '+8613800000999', true, 'SELF', now())""").param(customerId).update();
        assertThat(assertSameAsTheSingleReads(customerId, loanId, now.plusMillis(1)).customer().contactPoints()).hasSize(3);

        jdbc.sql("UPDATE payment_claim SET matched_at = ? WHERE loan_id = ?").params(Timestamp.from(now), loanId).update();
        assertThat(assertSameAsTheSingleReads(customerId, loanId, now.plusMillis(2)).loan().openPaymentClaim()).isFalse();

        jdbc.sql("UPDATE instalment SET paid_principal = principal, paid_interest = interest, paid_fees = fees WHERE loan_id = ?")
                .param(loanId).update();
        assertThat(assertSameAsTheSingleReads(customerId, loanId, now.plusMillis(3)).loan().daysPastDue()).isZero();

        jdbc.sql("UPDATE customer SET name = 'renamed elsewhere' WHERE id = ?").param(customerId).update();
        assertThat(assertSameAsTheSingleReads(customerId, loanId, now.plusMillis(4)).customer().name()).isEqualTo("renamed elsewhere");
    }

    @Test
    void anAnswerDoesNotOutliveAClaimExpiringOrTheBusinessDateTurning() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID customerId = UUID.fromString(b.customerId());
        UUID loanId = UUID.fromString(b.loanId());
        Instant now = clock.instant();
        Instant expires = jdbc.sql("SELECT max(expires_at) FROM payment_claim WHERE loan_id = ?").param(loanId)
                .query(Timestamp.class).single().toInstant();
        PortfolioReads.Standing s = assertSameAsTheSingleReads(customerId, loanId, now);
        assertThat(s.loan().openPaymentClaim()).isTrue();
        assertThat(assertSameAsTheSingleReads(customerId, loanId, now.plusSeconds(60)).loan().openPaymentClaim())
                .as("a minute later, from the kept answer").isTrue();
        assertThat(assertSameAsTheSingleReads(customerId, loanId, expires.plusSeconds(1)).loan().openPaymentClaim())
                .as("after the claim expired").isFalse();

        int today = assertSameAsTheSingleReads(customerId, loanId, now).loan().daysPastDue();
        Instant tomorrow = java.time.LocalDate.ofInstant(now, clock.bankZone()).plusDays(1).atStartOfDay(clock.bankZone()).toInstant().plusSeconds(1);
        assertThat(assertSameAsTheSingleReads(customerId, loanId, tomorrow).loan().daysPastDue()).isEqualTo(today + 1);
    }
}
