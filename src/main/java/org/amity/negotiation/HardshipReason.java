package org.amity.negotiation;

/** Why a customer is in difficulty (public API enumeration: extend, never rename). */
public enum HardshipReason {
    INCOME_LOSS, REDUCED_INCOME, ILLNESS, BEREAVEMENT, BUSINESS_FAILURE, RELATIONSHIP_BREAKDOWN, NATURAL_DISASTER, OTHER
}
