package org.amity.contact.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Contact only about a real account state, checked at the decision instant: collection only for a loan past its
 * grace and with no payment claim under review, a reminder only for an instalment due soon, an application call
 * only when the customer has something to do. This is the seed problem "called about a debt I do not have".
 * Marketing consent is {@link ConsentPolicy}'s.
 */
public final class AccountStatePolicy implements ContactRule {

    @Override
    public List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        ContactPolicy.AccountRules rules = policy.account();
        DecisionFacts.LoanState loan = facts.loan();
        return switch (request.purpose()) {
            case COLLECTION -> collection(loan, rules, facts);
            case REPAYMENT_REMINDER -> reminder(request, loan, rules, facts);
            case APPLICATION_PROGRESS -> facts.applicationsNeedingAction() ? List.of()
                    : List.of(Reason.of(ReasonCode.NO_ACTION_REQUIRED, null, rules.source(), facts));
            default -> List.of();
        };
    }

    private static List<Reason> collection(DecisionFacts.LoanState loan, ContactPolicy.AccountRules rules, DecisionFacts facts) {
        if (loan == null || loan.daysPastDue() <= 0) {
            return List.of(Reason.of(ReasonCode.NOT_OVERDUE, null, rules.source(), facts));
        }
        List<Reason> reasons = new ArrayList<>(2);
        // the loan's own grace, but never less than the house minimum
        if (loan.daysPastDue() <= Math.max(loan.graceDays(), rules.graceDays())) {
            reasons.add(Reason.of(ReasonCode.WITHIN_GRACE, null, rules.source(), facts));
        }
        if (loan.openPaymentClaim()) {
            reasons.add(Reason.of(ReasonCode.PAYMENT_CLAIM_PENDING, null, rules.source(), facts));
        }
        return reasons;
    }

    private static List<Reason> reminder(ContactRequest request, DecisionFacts.LoanState loan,
                                         ContactPolicy.AccountRules rules, DecisionFacts facts) {
        if (loan != null && loan.nextUnpaidDueDate() != null) {
            LocalDate today = LocalClock.date(request.at(), facts.primaryZone());
            LocalDate due = loan.nextUnpaidDueDate();
            if (!due.isBefore(today) && !due.isAfter(today.plusDays(rules.reminderDays()))) {
                return List.of();
            }
        }
        return List.of(Reason.of(ReasonCode.NOTHING_DUE, null, rules.source(), facts));
    }
}
