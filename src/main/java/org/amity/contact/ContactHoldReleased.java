package org.amity.contact;

import java.util.UUID;

/** Lifts every active hold that {@code source} asked for on this customer, e.g. when the complaint is resolved. */
public record ContactHoldReleased(UUID customerId, String source, String reason) {

    public ContactHoldReleased {
        if (customerId == null || source == null || source.isBlank()) {
            throw new IllegalArgumentException("customerId and source are required");
        }
    }
}
