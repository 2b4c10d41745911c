package org.amity.negotiation.domain;

/**
 * The preliminary assessment of a hardship request: SIMPLE (a due-date change or short deferral), STANDARD (an
 * arrangement within the policy's limits), COMPLEX (beyond the limits: a supervisor or another department decides).
 */
public enum Complexity {
    SIMPLE, STANDARD, COMPLEX
}
