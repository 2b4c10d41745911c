package org.amity.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * "I have paid": a customer's or agent's statement, with evidence, that a payment is on its way. While it is
 * open, collection contact about the loan must wait.
 */
public record PaymentClaim(UUID id, UUID loanId, UUID customerId, String evidenceReference, BigDecimal amount,
                           LocalDate paidOn, String channel, String claimedBy, Instant createdAt, Instant expiresAt,
                           UUID matchedPaymentId, Instant matchedAt) {

    public enum Status { OPEN, MATCHED, EXPIRED }

    public Status statusAt(Instant at) {
        if (matchedAt != null && !matchedAt.isAfter(at)) {
            return Status.MATCHED;
        }
        return at.isBefore(expiresAt) ? Status.OPEN : Status.EXPIRED;
    }

    public boolean openAt(Instant at) {
        return !at.isBefore(createdAt) && statusAt(at) == Status.OPEN;
    }
}
