package org.amity.contact.domain;

/** Why a contact is not allowed (stable API codes: extend, never rename). */
public enum ReasonCode {
    // account state by purpose
    NOT_OVERDUE, WITHIN_GRACE, PAYMENT_CLAIM_PENDING, NOTHING_DUE, NO_ACTION_REQUIRED, NO_MARKETING_CONSENT,
    // destination
    THIRD_PARTY_DESTINATION, UNVERIFIED_DESTINATION,
    // consent and preferences
    CHANNEL_OPTED_OUT, INCONVENIENT_TIME,
    // holds
    CONTACT_HOLD,
    // time
    QUIET_HOURS, HOLIDAY,
    // frequency
    FREQUENCY_CAP, DAILY_CAP, MARKETING_CAP, CONVERSATION_COOLDOWN
}
