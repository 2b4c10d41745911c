package org.amity.messaging;

import java.time.Instant;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;

/** A message as the console, the portal inbox and the sandbox show it (body as rendered when it was sent). */
public record MessageView(UUID id, UUID customerId, UUID loanId, ContactPurpose purpose, ContactChannel channel,
                          String destination, String language, String templateKey, Integer templateVersion,
                          MessageStatus status, String reason, int attempts, String lastError, String subject, String body,
                          UUID decisionId, Instant createdAt, Instant sentAt, Instant deliveredAt, Instant nextAttemptAt) {
}
