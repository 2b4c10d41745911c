package org.amity.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * Another module asks for a contact hold, e.g. {@code COMPLAINT_OPEN} while a contact-related complaint is open or
 * {@code ARRANGEMENT_IN_GOOD_STANDING} while a repayment arrangement is kept. Handled in the publisher's
 * transaction, so the hold exists exactly when the fact that caused it does. {@code source} identifies the asker
 * (e.g. {@code "complaint:" + id}); the same request twice places one hold.
 *
 * @param loanId null for a hold on every loan of the customer
 * @param from   null for "now"
 * @param until  null for "until released"
 */
public record ContactHoldRequested(UUID customerId, UUID loanId, HoldType type, String source, Instant from,
                                   Instant until, String reason) {

    public ContactHoldRequested {
        if (customerId == null || type == null || source == null || source.isBlank()) {
            throw new IllegalArgumentException("customerId, type and source are required");
        }
    }
}
