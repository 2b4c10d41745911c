package org.amity.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time login code was issued for a customer's portal login and must reach them by SMS. Published synchronously
 * in the issuing transaction; the portal module hands it to messaging as a {@code ONE_TIME_CODE} notice. The code is
 * in the event because it has to be delivered; identity itself stores only its hash.
 */
public record OneTimeCodeIssued(UUID userId, UUID customerId, String code, Instant expiresAt, String idempotencyKey) {
}
