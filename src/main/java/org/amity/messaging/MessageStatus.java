package org.amity.messaging;

/**
 * Where a message is: QUEUED (waiting, or waiting for a retry), SENDING (claimed by a dispatcher), SENT (accepted by
 * the provider), DELIVERED / FAILED (final: receipt, sandbox or retries exhausted), LEGAL_CLAIM_UNSUPPORTED (its
 * template threatens legal action or a visit that no genuine record supports: never sent).
 */
public enum MessageStatus {
    QUEUED, SENDING, SENT, DELIVERED, FAILED, LEGAL_CLAIM_UNSUPPORTED;

    public boolean reachedCustomer() {
        return this == SENT || this == DELIVERED;
    }
}
