package org.amity.contact.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;

/**
 * "May I contact this customer, for this purpose, on this channel, to this destination, at this instant?"
 *
 * @param loanId the debt the contact is about; null when it is about no particular loan
 * @param destination the phone number or email address to be used; null for channels without one (push, letter, visit)
 */
public record ContactRequest(UUID customerId, UUID loanId, ContactPurpose purpose, ContactChannel channel,
                             String destination, Instant at) {

    public ContactRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
    }

    public ContactRequest at(Instant other) {
        return new ContactRequest(customerId, loanId, purpose, channel, destination, other);
    }

    public ContactRequest via(ContactChannel otherChannel, String otherDestination) {
        return new ContactRequest(customerId, loanId, purpose, otherChannel, otherDestination, at);
    }
}
