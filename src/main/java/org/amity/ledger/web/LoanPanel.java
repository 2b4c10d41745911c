package org.amity.ledger.web;

import java.time.LocalDate;
import java.util.List;
import org.amity.ledger.Delinquency;
import org.amity.ledger.LoanView;
import org.amity.ledger.PaymentClaim;
import org.amity.ledger.PaymentView;

/**
 * One loan as the console and portal show it: the loan, its delinquency at the moment the page was built,
 * and its schedule, payments and claims labelled for display.
 */
public record LoanPanel(LoanView loan, Delinquency delinquency, List<ScheduleRow> schedule, List<PaymentView> payments,
                 List<ClaimRow> claims) {

    /** The badge: not overdue, overdue but inside the loan's grace days, or overdue beyond them. */
    public enum Standing { CURRENT, GRACE, OVERDUE }

    public enum RowState { PAID, OVERDUE, DUE, UPCOMING }

    public record ScheduleRow(LoanView.Instalment instalment, RowState state) {
    }

    public record ClaimRow(PaymentClaim claim, PaymentClaim.Status status) {
    }

    public Standing standing() {
        if (!delinquency.overdue()) {
            return Standing.CURRENT;
        }
        return delinquency.beyondGrace() ? Standing.OVERDUE : Standing.GRACE;
    }

    /** The next instalment still to pay that is due today or later (overdue ones are in the delinquency figures). */
    public ScheduleRow nextDue() {
        return schedule.stream().filter(r -> r.state() == RowState.DUE || r.state() == RowState.UPCOMING).findFirst().orElse(null);
    }

    /** Which sentence explains the figure: the message key suffix under {@code delinquency.explain.}. */
    public String explanation() {
        if (delinquency.oldestUnpaidDueDate() == null) {
            return "none";
        }
        if (!delinquency.overdue()) {
            return "dueToday";
        }
        return standing() == Standing.GRACE ? "grace" : "overdue";
    }

    /** Labels each instalment against the same business date the delinquency was computed for. */
    static RowState state(LoanView.Instalment i, LocalDate businessDate) {
        if (i.remaining().signum() <= 0) {
            return RowState.PAID;
        }
        if (i.dueDate().isBefore(businessDate)) {
            return RowState.OVERDUE;
        }
        return i.dueDate().isEqual(businessDate) ? RowState.DUE : RowState.UPCOMING;
    }
}
