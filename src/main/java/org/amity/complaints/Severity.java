package org.amity.complaints;

/** How serious a complaint is (public API enumeration). */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public Severity raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}
