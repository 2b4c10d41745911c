package org.amity.assistant;

/** An action the assistant has proposed and that runs only after the customer says yes. */
public enum PendingAction {
    /** Opt out of voice calls for collection (12 CFR 1006.14(h): a channel the customer opted out of is not used). */
    OPT_OUT_VOICE_COLLECTION,
    /** Hand the customer's words to the complaints module as a complaint. */
    FILE_COMPLAINT,
    /** Ask an agent to call the customer back. */
    CALLBACK
}
