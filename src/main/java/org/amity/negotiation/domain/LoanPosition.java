package org.amity.negotiation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.amity.ledger.domain.RepaymentMethod;

/**
 * The facts of a loan that the options depend on, as of the quote's business date. Nothing here identifies the
 * customer: identical positions (and hardship) give identical options.
 *
 * @param unpaidPrincipal    all principal not yet paid, due or not
 * @param arrearsInterest    unpaid interest of instalments due on or before the business date
 * @param arrearsFees        unpaid fees and penalties of instalments due on or before the business date
 * @param remainingTerm      instalments still to fall due after the business date (at least 1 is assumed)
 * @param currentTotal       what the current schedule still asks for in all (unpaid remainder of every instalment)
 * @param arrangementsIn12Months arrangements agreed on this customer's loans in the last 12 months
 */
public record LoanPosition(String product, String currency, BigDecimal annualRate, RepaymentMethod method,
                           LocalDate businessDate, int daysPastDue, BigDecimal unpaidPrincipal, BigDecimal arrearsInterest,
                           BigDecimal arrearsFees, int remainingTerm, BigDecimal currentTotal, int arrangementsIn12Months) {

    /** The balance an arrangement re-amortises: all unpaid principal plus the arrears of interest, fees and penalties. */
    public BigDecimal balance() {
        return unpaidPrincipal.add(arrearsInterest).add(arrearsFees);
    }
}
