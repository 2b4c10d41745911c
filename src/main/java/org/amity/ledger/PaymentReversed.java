package org.amity.ledger;

import java.time.Instant;
import java.util.UUID;

/** Published when a payment is reversed; its allocation is undone and later payments re-allocated. */
public record PaymentReversed(UUID paymentId, UUID loanId, UUID customerId, Instant reversedAt, String reason) {
}
