package org.amity.contact;

/** How a contact is made (stable: extend, never rename). VOICE is a call; VISIT a field visit. */
public enum ContactChannel {
    VOICE, SMS, EMAIL, PUSH, LETTER, VISIT;

    /** Channels that reach a phone number; EMAIL reaches an address; the rest have no destination value. */
    public boolean usesPhone() {
        return this == VOICE || this == SMS;
    }
}
