package org.amity.complaints;

import java.time.Instant;
import java.util.UUID;

/**
 * Another module hands a complaint over, e.g. the assistant after the customer confirmed "file a complaint", or
 * negotiation when a customer dissatisfied after re-review and mediation takes the arrangement to the regulator.
 * The complaints module opens a case for it in the publisher's transaction; {@code source} (e.g.
 * {@code "arrangement:<id>"}) makes a repeated event open one case.
 */
public record ComplaintSubmitted(UUID customerId, UUID loanId, ComplaintChannel channel, String description,
                                 Instant receivedAt, String source) {

    public ComplaintSubmitted {
        if (customerId == null || channel == null || description == null || description.isBlank() || receivedAt == null
                || source == null || source.isBlank()) {
            throw new IllegalArgumentException("customerId, channel, description, receivedAt and source are required");
        }
    }
}
