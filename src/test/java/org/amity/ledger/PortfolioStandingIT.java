package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.amity.platform.BusinessClock;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Borrowers;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link PortfolioReads#standing} answers in one statement what a contact decision used to ask in six: it must give
 * exactly the answers of the single reads it replaces, now and at other instants. (Before a reschedule: in
 * {@code LoanRescheduleIT}, which already leaves a rescheduled loan behind; the snapshot test reads every loan.)
 *
 * <p>It also keeps answers while the customer's ledger version is unchanged and the instant is within the answer's time
 * validity: whatever changes the ledger, through the API or straight in the tables (as another application instance
 * would), the very next answer must be the one the single, uncached reads give; and an answer must not outlive the
 * instant at which it changes by itself (a claim expiring, the business date turning).
 */
@AmityIntegrationTest
class PortfolioStandingIT {

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
        Delinquency d = loans.readDelinquency(loanId, at);
        LoanService.LoanSummary summary = loans.summary(loanId).orElseThrow();
        assertThat(s.loan()).isEqualTo(new PortfolioReads.LoanState(loanId, customerId, summary.product(), summary.currency(),
                d.graceDays(), d.daysPastDue(), summary.nextUnpaidDueDate(), claims.hasOpenClaim(loanId, at)));
        return s;
    }

    @Test
    void anOverdueBorrowerWithAPaymentAClaimAndAnApplicationReadsAsTheSingleReadsSayNowBeforeAndLater() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID customerId = b.customerUuid();
        UUID loanId = b.loanUuid();
        Instant now = clock.instant();
        PortfolioReads.Standing s = portfolio.standing(customerId, loanId, now).orElseThrow();
        assertThat(s.loan().daysPastDue()).isPositive();
        assertThat(s.loan().openPaymentClaim()).isTrue();
        assertThat(s.applicationNeedsCustomerAction()).isTrue();
        assertThat(s.customer().contactPoints()).hasSize(2);
        for (Instant at : List.of(now, now.minusSeconds(3_600), now.minusSeconds(40L * 86_400), now.plusSeconds(10L * 86_400),
                now.plusSeconds(400L * 86_400))) {
            assertSameAsTheSingleReads(customerId, loanId, at);
        }
    }

    @Test
    void aPaymentReceivedAfterTheInstantDoesNotCountThen() {
        Api admin = Api.as(port, "admin");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customer = Borrowers.cnCustomer(admin, "ST-" + run, "立场", "+8613800000123");
        String loan = Borrowers.consumerLoanFromFebruary2026(admin, "STL-" + run, customer);
        // the first instalment paid in full ten days late, the second in part, on time
        admin.post("/api/v1/loans/" + loan + "/payments", """
                {"amount":"1032.80","reference":"STP1-%s","receivedAt":"2026-02-20T10:00:00+08:00"}""".formatted(run));
        admin.post("/api/v1/loans/" + loan + "/payments", """
                {"amount":"100.00","reference":"STP2-%s","receivedAt":"2026-03-10T10:00:00+08:00"}""".formatted(run));
        UUID customerId = UUID.fromString(customer);
        UUID loanId = UUID.fromString(loan);
        Instant beforeFirst = Instant.parse("2026-02-19T04:00:00Z");
        assertThat(portfolio.standing(customerId, loanId, beforeFirst).orElseThrow().loan().daysPastDue()).isEqualTo(9);
        for (Instant at : List.of(beforeFirst, Instant.parse("2026-02-21T04:00:00Z"), Instant.parse("2026-03-10T01:00:00Z"),
                Instant.parse("2026-03-11T04:00:00Z"), Instant.parse("2026-05-01T04:00:00Z"), clock.instant())) {
            assertSameAsTheSingleReads(customerId, loanId, at);
        }
    }

    @Test
    void anUnknownCustomerIsEmptyAndAnotherCustomersLoanIsNoLoan() {
        OverdueBorrower b = OverdueBorrower.book(port);
        OverdueBorrower other = OverdueBorrower.book(port);
        Instant now = clock.instant();
        assertThat(portfolio.standing(UUID.randomUUID(), UUID.fromString(b.loanId()), now)).isEmpty();
        PortfolioReads.Standing s = portfolio.standing(UUID.fromString(b.customerId()), UUID.fromString(other.loanId()), now).orElseThrow();
        assertThat(s.loan()).isNull();
        assertThat(portfolio.standing(UUID.fromString(b.customerId()), null, now).orElseThrow().loan()).isNull();
    }

    @Test
    void aPaymentPostedThroughTheApiCountsInTheVeryNextAnswer() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID customerId = b.customerUuid();
        UUID loanId = b.loanUuid();
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
        UUID customerId = b.customerUuid();
        UUID loanId = b.loanUuid();
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
        UUID customerId = b.customerUuid();
        UUID loanId = b.loanUuid();
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
