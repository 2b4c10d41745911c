package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link LoanService#delinquency} keeps its answer per loan while the customer's ledger version is unchanged and the
 * instant is within the answer's time validity. Whatever changes the ledger — through the API, straight in the tables
 * as another application instance would, or not at all (the business date turning, a payment already posted taking
 * effect) — the very next answer must be the one read from the ledger ({@link LoanService#readDelinquency}); and an
 * answer read inside a transaction that rolls back must never be served.
 */
@AmityIntegrationTest
class KeptDelinquencyIT {

    @LocalServerPort
    int port;

    @Autowired
    LoanService loans;

    @Autowired
    BusinessClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** The answer (kept or not) and the one read from the ledger at the same instant agree; returns the answer. */
    Delinquency assertAsRead(UUID loanId, Instant at) {
        Delinquency answer = loans.delinquency(loanId, at);
        assertThat(answer).isEqualTo(loans.readDelinquency(loanId, at));
        return answer;
    }

    @Test
    void aPaymentPostedThroughTheApiMakesTheLoanCurrentInTheVeryNextAnswer() {
        OverdueBorrower b = OverdueBorrower.book(port);
        Api dialer = Api.as(port, "dialer");
        String path = "/api/v1/loans/" + b.loanId() + "/delinquency";
        Api.Response first = dialer.get(path);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().get("daysPastDue").asInt()).isPositive();
        Api.Response again = dialer.get(path);
        assertThat(again.body().get("daysPastDue").asInt()).as("a second answer, kept").isEqualTo(first.body().get("daysPastDue").asInt());
        assertThat(again.body().get("asOf").asText()).as("each answer is as of its own request").isNotEmpty();

        Api.Response paid = Api.as(port, "admin").post("/api/v1/loans/" + b.loanId() + "/payments",
                "{\"amount\":\"20000.00\",\"currency\":\"CNY\",\"reference\":\"KEPT-" + UUID.randomUUID() + "\"}");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        Api.Response after = dialer.get(path);
        assertThat(after.body().get("daysPastDue").asInt()).as("paid a moment ago: not overdue now").isZero();
        assertThat(after.body().get("overdueAmount").asText()).isEqualTo("0.00");
    }

    @Test
    void writesStraightIntoTheLedgerTablesCountInTheVeryNextAnswer() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID loanId = b.loanUuid();
        Instant now = clock.instant();
        assertThat(assertAsRead(loanId, now).daysPastDue()).isPositive();

        jdbc.sql("UPDATE loan SET grace_days = 9 WHERE id = ?").param(loanId).update();
        assertThat(assertAsRead(loanId, now.plusMillis(1)).graceDays()).isEqualTo(9);

        jdbc.sql("UPDATE instalment SET paid_principal = principal, paid_interest = interest, paid_fees = fees WHERE loan_id = ?")
                .param(loanId).update();
        Delinquency paidUp = assertAsRead(loanId, now.plusMillis(2));
        assertThat(paidUp.daysPastDue()).isZero();
        assertThat(paidUp.overdueAmount()).isEqualByComparingTo("0");
    }

    @Test
    void anAnswerDoesNotOutliveTheBusinessDateOrAPaymentReceivedLaterTakingEffect() {
        Api admin = Api.as(port, "admin");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customer = Borrowers.cnCustomer(admin, "KD-" + run, "保留", "+8613800000124");
        String loan = Borrowers.consumerLoanFromFebruary2026(admin, "KDL-" + run, customer);
        // the first instalment paid in full at 10:00 Shanghai time on 20 February, ten days late
        admin.post("/api/v1/loans/" + loan + "/payments", """
                {"amount":"1032.80","reference":"KDP-%s","receivedAt":"2026-02-20T10:00:00+08:00"}""".formatted(run));
        UUID loanId = UUID.fromString(loan);

        Instant morning = Instant.parse("2026-02-20T00:30:00Z"); // 08:30 in Shanghai, before the payment was received
        assertThat(assertAsRead(loanId, morning).daysPastDue()).isEqualTo(10);
        assertThat(assertAsRead(loanId, morning.plusSeconds(60)).daysPastDue()).as("a minute later, kept").isEqualTo(10);
        assertThat(assertAsRead(loanId, Instant.parse("2026-02-20T03:00:00Z")).daysPastDue())
                .as("11:00 the same day: the payment received at 10:00 counts").isZero();

        Instant evening = Instant.parse("2026-03-20T12:00:00Z"); // the second instalment (due 10 March) unpaid
        int days = assertAsRead(loanId, evening).daysPastDue();
        assertThat(days).isEqualTo(10);
        Instant nextMorning = LocalDate.of(2026, 3, 21).atStartOfDay(clock.bankZone()).toInstant().plusSeconds(1);
        assertThat(assertAsRead(loanId, nextMorning).daysPastDue()).as("the business date turned").isEqualTo(days + 1);
    }

    @Test
    void anAnswerReadInsideATransactionThatRollsBackIsNeverServed() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID loanId = b.loanUuid();
        Instant now = clock.instant();
        int overdue = assertAsRead(loanId, now).daysPastDue();
        assertThat(overdue).isPositive();

        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE instalment SET paid_principal = principal, paid_interest = interest, paid_fees = fees WHERE loan_id = ?")
                    .param(loanId).update();
            assertThat(loans.delinquency(loanId, now.plusMillis(1)).daysPastDue()).as("inside: paid up").isZero();
            status.setRollbackOnly();
        });
        // a committed write moves the version to the number the rolled-back write had given it
        jdbc.sql("UPDATE customer SET name = name WHERE id = ?").param(b.customerUuid()).update();
        assertThat(assertAsRead(loanId, now.plusMillis(2)).daysPastDue()).as("the payment was rolled back").isEqualTo(overdue);
    }
}
