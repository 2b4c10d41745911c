package org.amity.negotiation.domain;

/** The kinds of repayment arrangement (public API enumeration: extend, never rename). */
public enum OptionType {
    /** The overdue plus outstanding balance re-amortised over a new term chosen to be affordable. */
    INSTALMENT_PLAN,
    /** The balance re-amortised over the remaining term plus the policy's extension. */
    TERM_EXTENSION,
    /** The balance re-amortised over the remaining term at a reduced rate. */
    RATE_REDUCTION,
    /** No payments for some months, then the balance re-amortised; holiday interest capitalised or not per policy. */
    PAYMENT_HOLIDAY,
    /** Unpaid fees and penalties waived, the rest re-amortised over the remaining term. */
    FEE_WAIVER,
    /** One lump sum at a discount settles the loan. */
    SETTLEMENT
}
