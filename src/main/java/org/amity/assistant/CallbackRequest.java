package org.amity.assistant;

import java.time.Instant;
import java.util.UUID;

/** A customer asked the assistant for a call back; agents see the open ones. */
public record CallbackRequest(UUID id, UUID customerId, String language, Instant requestedAt) {
}
