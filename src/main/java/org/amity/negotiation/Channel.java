package org.amity.negotiation;

/** Where a hardship request, proposal or acceptance came from (public API enumeration: extend, never rename). */
public enum Channel {
    PORTAL, APP, HOTLINE, BRANCH, API
}
