package org.amity.complaints;

/**
 * Where a case stands. The allowed moves between them are in {@code complaints.domain.ComplaintLifecycle}; anything
 * else is refused (409 {@code ILLEGAL_TRANSITION}).
 */
public enum ComplaintStatus {
    /** Received and triaged, not yet acknowledged by a handler. */
    OPEN,
    IN_REVIEW,
    /** A resolution above the four-eyes threshold waits for a second approver. */
    AWAITING_APPROVAL,
    /** The customer has been told the proposed resolution and can accept or reject it. */
    RESOLUTION_PROPOSED,
    /** The customer rejected the proposal: next is a re-review (or, after one, mediation or the regulator). */
    REJECTED,
    RE_REVIEW,
    MEDIATION,
    REGULATOR,
    CLOSED;

    public boolean open() {
        return this != CLOSED;
    }
}
