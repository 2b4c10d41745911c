package org.amity.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Published when a payment is posted to a loan; delinquency already reflects it. */
public record PaymentReceived(UUID paymentId, UUID loanId, UUID customerId, BigDecimal amount, String currency,
                              Instant receivedAt) {
}
