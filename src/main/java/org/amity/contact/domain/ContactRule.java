package org.amity.contact.domain;

import java.time.Instant;
import java.util.List;

/** One named rule of the contact policy. Returns every reason it fails for; an empty list means it passes. */
public interface ContactRule {

    List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy);

    /** True when the passage of time alone can turn this rule's "no" into "yes" (hours, holidays, caps, cooldowns). */
    default boolean timeBased() {
        return false;
    }

    /**
     * Adds every instant after {@code request.at()} and up to {@code until} at which this rule's verdict may turn
     * from block to pass (a window opening, a holiday ending, an attempt leaving a window). Each rule's "pass" set
     * is a union of intervals closed at the start, so the earliest instant at which all rules pass is one of these.
     */
    default void changeInstants(ContactRequest request, DecisionFacts facts, ContactPolicy policy, Instant until,
                                List<Instant> out) {
    }
}
