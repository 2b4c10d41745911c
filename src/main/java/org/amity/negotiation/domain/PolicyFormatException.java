package org.amity.negotiation.domain;

/** An arrangement policy document that cannot be used; the message names the offending entry. */
public class PolicyFormatException extends RuntimeException {

    private final String path;

    public PolicyFormatException(String path, String problem) {
        super(path + " " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
