package org.amity.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * A pause of contact for a customer, or for one of their loans when {@code loanId} is set. {@code source} names the
 * module record that asked for it (e.g. {@code complaint:<id>}); null when staff placed it directly.
 */
public record ContactHold(UUID id, UUID customerId, UUID loanId, HoldType type, Instant from, Instant until, String reason,
                          String placedBy, Instant placedAt, Instant liftedAt, String liftedBy, String source) {

    public boolean activeAt(Instant at) {
        return !at.isBefore(from) && (until == null || at.isBefore(until)) && (liftedAt == null || at.isBefore(liftedAt));
    }
}
