package org.amity.messaging.internal;

import java.util.UUID;
import org.amity.contact.ContactChannel;

/** What a channel adapter sends: the message id doubles as the provider's idempotency key. */
public record OutgoingMessage(UUID id, UUID customerId, ContactChannel channel, String destination, String language,
                              String subject, String body) {

    public String idempotencyKey() {
        return id.toString();
    }
}
