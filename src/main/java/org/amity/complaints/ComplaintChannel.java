package org.amity.complaints;

/** How a complaint reached the bank (public API enumeration: extend, never rename). */
public enum ComplaintChannel {
    PORTAL,
    HOTLINE,
    APP,
    BRANCH,
    EMAIL,
    REGULATOR_REFERRAL
}
