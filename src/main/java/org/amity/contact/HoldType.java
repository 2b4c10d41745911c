package org.amity.contact;

/** Why contact is paused for a customer or one of their loans. */
public enum HoldType {
    CEASE_REQUESTED, ATTORNEY_REPRESENTED, DISPUTE, BREATHING_SPACE, DECEASED, COMPLAINT_OPEN, ARRANGEMENT_IN_GOOD_STANDING
}
