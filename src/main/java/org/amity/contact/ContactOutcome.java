package org.amity.contact;

/** What became of a contact attempt (stable: extend, never rename). */
public enum ContactOutcome {
    NOT_CONNECTED, NO_ANSWER, VOICEMAIL, RIGHT_PARTY_CONVERSATION, WRONG_PARTY, DELIVERED, FAILED, REFUSED
}
