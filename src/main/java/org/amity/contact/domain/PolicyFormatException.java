package org.amity.contact.domain;

/** A policy or holiday document that cannot be used, with the path of the offending entry. */
public final class PolicyFormatException extends IllegalArgumentException {

    private final String path;

    PolicyFormatException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** Where the bad entry is, e.g. {@code US_REG_F.caps[0].max}. */
    public String path() {
        return path;
    }
}
