package org.amity.ledger.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.amity.ledger.Delinquency;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.ledger.PaymentClaimService;
import org.amity.ledger.PaymentService;
import org.springframework.stereotype.Component;

/** Builds the loan panels of one customer, every one as of the same instant so the page agrees with itself. */
@Component
class LoanPanels {

    private final LoanService loans;
    private final PaymentService payments;
    private final PaymentClaimService claims;

    LoanPanels(LoanService loans, PaymentService payments, PaymentClaimService claims) {
        this.loans = loans;
        this.payments = payments;
        this.claims = claims;
    }

    List<LoanPanel> of(UUID customerId, Instant asOf) {
        return loans.loansOf(customerId).stream().map(loan -> panel(loan, asOf)).toList();
    }

    private LoanPanel panel(LoanView loan, Instant asOf) {
        Delinquency d = loans.delinquency(loan.id(), asOf);
        List<LoanPanel.ScheduleRow> schedule = loan.schedule().stream()
                .map(i -> new LoanPanel.ScheduleRow(i, LoanPanel.state(i, d.businessDate()))).toList();
        List<LoanPanel.ClaimRow> claimRows = claims.claimsOf(loan.id()).stream()
                .map(c -> new LoanPanel.ClaimRow(c, c.statusAt(asOf))).toList();
        return new LoanPanel(loan, d, schedule, payments.paymentsOf(loan.id()), claimRows);
    }
}
