package org.amity.contact;

/** Why a contact is made (stable: extend, never rename). */
public enum ContactPurpose {
    COLLECTION, REPAYMENT_REMINDER, APPLICATION_PROGRESS, SERVICE, MARKETING, COMPLAINT_FOLLOW_UP, NEGOTIATION
}
