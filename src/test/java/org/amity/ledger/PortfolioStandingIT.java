package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * {@link PortfolioReads#standing} answers in one statement what a contact decision used to ask in six: it must give
 * exactly the answers of the single reads it replaces, now and at other instants. (Before a reschedule: in
 * {@code LoanRescheduleIT}, which already leaves a rescheduled loan behind; the snapshot test reads every loan.)
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

    void assertSameAsTheSingleReads(UUID customerId, UUID loanId, Instant at) {
        PortfolioReads.Standing s = portfolio.standing(customerId, loanId, at).orElseThrow();
        assertThat(s.customer()).isEqualTo(customers.find(customerId).orElseThrow());
        assertThat(s.applicationNeedsCustomerAction()).isEqualTo(applications.anyNeedingCustomerAction(customerId));
        Delinquency d = loans.delinquency(loanId, at);
        LoanService.LoanSummary summary = loans.summary(loanId).orElseThrow();
        assertThat(s.loan()).isEqualTo(new PortfolioReads.LoanState(loanId, customerId, summary.product(), summary.currency(),
                d.graceDays(), d.daysPastDue(), summary.nextUnpaidDueDate(), claims.hasOpenClaim(loanId, at)));
    }

    @Test
    void anOverdueBorrowerWithAPaymentAClaimAndAnApplicationReadsAsTheSingleReadsSayNowBeforeAndLater() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID customerId = UUID.fromString(b.customerId());
        UUID loanId = UUID.fromString(b.loanId());
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
        String loan = admin.post("/api/v1/loans", """
                {"externalId":"STL-%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"12000.00",
                 "annualRate":"0.06","termMonths":12,"method":"EQUAL_INSTALLMENT","disbursedOn":"2026-01-10",
                 "firstDueDate":"2026-02-10","graceDays":3}""".formatted(run, customer)).text("id");
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
}
