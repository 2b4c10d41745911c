package org.amity.contact.domain;

import java.time.Instant;
import java.util.List;

/**
 * A rule whose "no" the passage of time alone can turn into "yes" (contact hours, holidays, inconvenient times,
 * caps, cooldowns); it must say at which instants its verdict may change, for {@code nextAllowedAt}.
 */
public interface TimeBasedRule extends ContactRule {

    @Override
    default boolean timeBased() {
        return true;
    }

    @Override
    void changeInstants(ContactRequest request, DecisionFacts facts, ContactPolicy policy, Instant until, List<Instant> out);
}
