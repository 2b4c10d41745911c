package org.amity.messaging;

import java.util.Map;
import java.util.UUID;
import org.amity.contact.ContactChannel;

/**
 * Another module asks for a notice to reach a customer. Published in the asker's transaction; messaging picks the
 * customer's preferred electronic channel (unless {@code channel} is given), asks the contact engine, and writes the
 * message to its outbox — or records why it could not.
 *
 * @param loanId         the loan the notice is about, or null
 * @param channel        a required channel (e.g. SMS for a one-time code), or null for the customer's preference
 * @param variables      template variables beyond those messaging reads from the ledger itself
 * @param idempotencyKey the same key twice sends one message (e.g. {@code "complaint:<id>:ack"})
 */
public record NotificationRequested(UUID customerId, UUID loanId, Notice notice, ContactChannel channel,
                                    Map<String, String> variables, String idempotencyKey) {

    public NotificationRequested {
        if (customerId == null || notice == null || idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("customerId, notice and idempotencyKey are required");
        }
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
