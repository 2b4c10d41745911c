package org.amity.complaints;

/** What a complaint is about (public API enumeration: extend, never rename). */
public enum ComplaintCategory {
    WRONG_OVERDUE_NOTICE,
    EXCESSIVE_CONTACT,
    THIRD_PARTY_CONTACT,
    PRIVACY,
    FEES_INTEREST,
    NEGOTIATION_REQUEST,
    VISIT_OR_LEGAL_THREAT,
    SERVICE_QUALITY,
    OTHER
}
