package org.amity.assistant;

/** What a customer can ask the assistant (public API enumeration: extend, never rename). */
public enum Intent {
    ACCOUNT_STATUS,
    NEXT_PAYMENT,
    HOW_TO_PAY,
    APPLICATION_PROGRESS,
    STOP_CONTACT,
    CHANGE_PREFERENCES,
    DISPUTE_OVERDUE,
    REQUEST_NEGOTIATION,
    FILE_COMPLAINT,
    HUMAN_AGENT,
    GREETING,
    UNKNOWN;

    /** Intents whose answer changes something, and which therefore run only after the customer confirms. */
    public boolean proposesAction() {
        return this == STOP_CONTACT || this == FILE_COMPLAINT || this == HUMAN_AGENT;
    }
}
