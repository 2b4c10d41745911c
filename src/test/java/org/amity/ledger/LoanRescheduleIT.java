package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.amity.ledger.domain.RepaymentMethod;
import org.amity.ledger.domain.ScheduleCalculator;
import org.amity.ledger.domain.ScheduledInstalment;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** LoanService.rescheduleFuture: a new future replaces the old one, the old one is kept, and history still reads it. */
@AmityIntegrationTest
class LoanRescheduleIT {

    @LocalServerPort
    int port;

    @Autowired
    LoanService loans;

    @Autowired
    PaymentService payments;

    @Autowired
    BusinessClock clock;

    @Autowired
    PortfolioReads portfolio;

    @Autowired
    DelinquencySnapshots snapshots;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aRescheduleKeepsWhatWasPaidArchivesTheOldVersionAndDelinquencyFollowsTheNewScheduleFromThen() {
        OverdueBorrower b = OverdueBorrower.book(port); // 12 × 1032.80 from three months ago, 500.00 paid
        UUID loanId = UUID.fromString(b.loanId());
        Instant before = clock.instant();
        Delinquency overdue = loans.delinquency(loanId, before);
        assertThat(overdue.daysPastDue()).isPositive();
        LoanView original = loans.find(loanId).orElseThrow();
        BigDecimal outstanding = original.outstanding();

        LocalDate today = overdue.businessDate();
        List<ScheduledInstalment> plan = ScheduleCalculator.generate(new BigDecimal("11500.00"), new BigDecimal("0.06"), 24,
                RepaymentMethod.EQUAL_INSTALLMENT, today.plusMonths(1));
        LoanService.Rescheduled r = loans.rescheduleFuture(loanId, plan, today, "test plan");

        assertThat(r.version()).isEqualTo(2);
        assertThat(r.instalmentNumbers()).hasSize(24).startsWith(2); // instalment 1 keeps its 500.00, settled at that
        LoanView now = loans.find(loanId).orElseThrow();
        assertThat(now.schedule().get(0).total()).isEqualByComparingTo("500.00");
        assertThat(now.schedule().get(0).remaining()).isEqualByComparingTo("0.00");
        assertThat(now.outstanding()).isEqualByComparingTo(plan.stream().map(ScheduledInstalment::total).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(loans.archivedSchedule(loanId, 1)).hasSize(12)
                .allSatisfy(i -> assertThat(i.total()).isIn(new BigDecimal("1032.80"), new BigDecimal("1032.78")));
        assertThat(loans.archivedSchedule(loanId, 1).stream().map(LoanView.Instalment::remaining).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(outstanding);
        assertThat(loans.scheduleVersions(loanId)).extracting(LoanService.ScheduleVersion::reason).containsExactly("test plan");

        assertThat(loans.delinquency(loanId, clock.instant()).daysPastDue()).isZero();
        Delinquency then = loans.delinquency(loanId, before);
        assertThat(then.daysPastDue()).isEqualTo(overdue.daysPastDue());
        assertThat(then.overdueAmount()).isEqualByComparingTo(overdue.overdueAmount());
        // the contact decision's one-statement read judges the loan the same way, before and after
        UUID customerId = UUID.fromString(b.customerId());
        assertThat(portfolio.standing(customerId, loanId, before).orElseThrow().loan().daysPastDue()).isEqualTo(then.daysPastDue());
        assertThat(portfolio.standing(customerId, loanId, clock.instant()).orElseThrow().loan().daysPastDue()).isZero();
        // so does a portfolio snapshot as of that earlier instant
        snapshots.take(before);
        assertThat(jdbc.sql("SELECT days_past_due, overdue_amount FROM delinquency_snapshot WHERE business_date = ? AND loan_id = ?")
                .params(then.businessDate(), loanId).query((rs, n) -> List.of(rs.getInt(1), rs.getBigDecimal(2))).single())
                .satisfies(row -> {
                    assertThat(row.get(0)).isEqualTo(then.daysPastDue());
                    assertThat((BigDecimal) row.get(1)).isEqualByComparingTo(then.overdueAmount());
                });

        // a payment now pays the plan's first instalment
        payments.post(loanId, new PaymentService.NewPayment(plan.get(0).total(), "CNY", null, "RESCHEDULED-" + b.loanNumber()));
        LoanView paid = loans.find(loanId).orElseThrow();
        assertThat(paid.schedule().get(1).remaining()).isEqualByComparingTo("0.00");
        assertThat(paid.schedule().get(2).remaining()).isEqualByComparingTo(plan.get(1).total());
    }

    @Test
    void standingsOfACustomerAgreeWithEachLoansDelinquencyAndScheduleBeforeAndAfterPaymentsAndAReschedule() {
        OverdueBorrower b = OverdueBorrower.book(port); // 12 × 1032.80 from three months ago, 500.00 paid
        UUID customerId = UUID.fromString(b.customerId());
        UUID loanId = UUID.fromString(b.loanId());
        Instant booked = clock.instant();
        assertStandingsAgree(customerId, booked);
        assertThat(loans.standingsOf(customerId, booked)).singleElement()
                .satisfies(s -> assertThat(s.delinquency().overdue()).isTrue());

        payments.post(loanId, new PaymentService.NewPayment(new BigDecimal("700.00"), "CNY", null, "STANDING-" + b.loanNumber()));
        assertStandingsAgree(customerId, clock.instant());
        assertStandingsAgree(customerId, booked); // the later payment does not count as of before it

        LocalDate today = loans.delinquency(loanId, clock.instant()).businessDate();
        loans.rescheduleFuture(loanId, ScheduleCalculator.generate(new BigDecimal("11000.00"), new BigDecimal("0.06"), 24,
                RepaymentMethod.EQUAL_INSTALLMENT, today.plusMonths(1)), today, "test plan");
        assertStandingsAgree(customerId, clock.instant());
        assertStandingsAgree(customerId, booked); // before the reschedule: the archived schedule
        assertThat(loans.standingsOf(UUID.randomUUID(), booked)).isEmpty();
    }

    private void assertStandingsAgree(UUID customerId, Instant asOf) {
        List<LoanService.LoanStanding> standings = loans.standingsOf(customerId, asOf);
        List<LoanView> owned = loans.loansOf(customerId);
        assertThat(standings).extracting(LoanService.LoanStanding::loanId).containsExactlyElementsOf(owned.stream().map(LoanView::id).toList());
        assertThat(loans.loanNumbersOf(customerId)).containsExactlyElementsOf(owned.stream().map(LoanView::externalId).toList());
        for (int k = 0; k < owned.size(); k++) {
            LoanView loan = owned.get(k);
            LoanService.LoanStanding standing = standings.get(k);
            Delinquency d = loans.delinquency(loan.id(), asOf);
            assertThat(standing.delinquency()).isEqualTo(d);
            assertThat(standing.externalId()).isEqualTo(loan.externalId());
            assertThat(standing.currency()).isEqualTo(loan.currency());
            assertThat(standing.nextInstalment()).isEqualTo(loan.schedule().stream()
                    .filter(i -> i.remaining().signum() > 0 && !i.dueDate().isBefore(d.businessDate())).findFirst());
        }
    }

    @Test
    void aScheduleThatStartsBeforeItsEffectiveDateOrIsEmptyIsRefusedAndChangesNothing() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID loanId = UUID.fromString(b.loanId());
        LocalDate today = loans.delinquency(loanId, clock.instant()).businessDate();
        List<ScheduledInstalment> early = List.of(new ScheduledInstalment(1, today.minusDays(1), new BigDecimal("100.00"), BigDecimal.ZERO, BigDecimal.ZERO));
        assertThatThrownBy(() -> loans.rescheduleFuture(loanId, early, today, "x")).isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).code()).isEqualTo("INVALID_SCHEDULE"));
        assertThatThrownBy(() -> loans.rescheduleFuture(loanId, List.of(), today, "x")).isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).code()).isEqualTo("SCHEDULE_REQUIRED"));
        assertThat(loans.find(loanId).orElseThrow().schedule()).hasSize(12);
        assertThat(loans.scheduleVersions(loanId)).isEmpty();
        assertThat(Api.as(port, "admin").get("/api/v1/loans/" + b.loanId()).body().path("schedule").size()).isEqualTo(12);
    }
}
