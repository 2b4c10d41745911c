package org.amity.messaging;

import org.amity.contact.ContactPurpose;

/**
 * The notices other modules ask messaging to send (see {@link NotificationRequested}); each has templates per
 * channel and language and is sent only when the contact engine allows it for its purpose.
 */
public enum Notice {
    /** "Your status is in self-service" instead of a progress call the customer does not need. */
    PORTAL_LINK(ContactPurpose.SERVICE),
    /** A one-time login code for the portal; sent by SMS only. */
    ONE_TIME_CODE(ContactPurpose.SERVICE),
    COMPLAINT_ACKNOWLEDGED(ContactPurpose.COMPLAINT_FOLLOW_UP),
    COMPLAINT_UPDATE(ContactPurpose.COMPLAINT_FOLLOW_UP),
    /** Proposed home-verification visit slots, at least the policy's notice period ahead. */
    COMPLAINT_VISIT_PROPOSED(ContactPurpose.COMPLAINT_FOLLOW_UP),
    COMPLAINT_RESOLUTION_PROPOSED(ContactPurpose.COMPLAINT_FOLLOW_UP),
    COMPLAINT_SURVEY(ContactPurpose.COMPLAINT_FOLLOW_UP),
    ARRANGEMENT_AGREED(ContactPurpose.NEGOTIATION),
    ARRANGEMENT_BROKEN(ContactPurpose.NEGOTIATION),
    ARRANGEMENT_FOLLOW_UP(ContactPurpose.NEGOTIATION);

    private final ContactPurpose purpose;

    Notice(ContactPurpose purpose) {
        this.purpose = purpose;
    }

    public ContactPurpose purpose() {
        return purpose;
    }
}
