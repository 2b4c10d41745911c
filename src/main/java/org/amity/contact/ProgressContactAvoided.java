package org.amity.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * An {@code APPLICATION_PROGRESS} contact was refused because no open application needs the customer's action: the
 * status is in self-service. Messaging reacts by sending the customer a portal link by their preferred electronic
 * channel instead of the call nobody needs. Published only for real decisions, not for what-if ones.
 */
public record ProgressContactAvoided(UUID decisionId, UUID customerId, UUID loanId, ContactChannel channel, Instant at) {
}
