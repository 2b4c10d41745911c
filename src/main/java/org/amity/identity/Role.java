package org.amity.identity;

/** Staff roles, the API-client role {@code SYSTEM} and the portal role {@code CUSTOMER}. */
public enum Role {
    ADMIN, SUPERVISOR, AGENT, FIELD_OFFICER, COMPLIANCE, SYSTEM, CUSTOMER;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return this != SYSTEM && this != CUSTOMER;
    }
}
