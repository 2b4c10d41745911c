package org.amity.ledger.domain;

/** The parts of an instalment a payment can pay. */
public enum Component {
    PENALTY, FEE, INTEREST, PRINCIPAL
}
