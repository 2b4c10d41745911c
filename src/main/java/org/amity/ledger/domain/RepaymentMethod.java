package org.amity.ledger.domain;

/** How a schedule is generated: 等额本息, 等额本金, or given explicitly by the lender's core system. */
public enum RepaymentMethod {
    EQUAL_INSTALLMENT, EQUAL_PRINCIPAL, EXPLICIT
}
