package org.amity.contact.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Times the customer told us are inconvenient are honoured on every channel (12 CFR 1006.6(b)(1); CONC 7.9.4R).
 * The periods are in the customer's local time; with several candidate zones, a time inconvenient in any of them
 * is avoided.
 */
public final class InconvenientTimePolicy implements TimeBasedRule {

    @Override
    public List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        List<DecisionFacts.InconvenientTime> periods = facts.preferences().inconvenientTimes();
        if (periods.isEmpty()) {
            return List.of();
        }
        for (ZoneId zone : facts.zones()) {
            LocalDateTime local = LocalClock.local(request.at(), zone);
            for (DecisionFacts.InconvenientTime period : periods) {
                if (period.contains(local.getDayOfWeek(), local.toLocalTime())) {
                    return List.of(Reason.of(ReasonCode.INCONVENIENT_TIME, null, policy.inconvenientTimes().source(), facts));
                }
            }
        }
        return List.of();
    }


    @Override
    public void changeInstants(ContactRequest request, DecisionFacts facts, ContactPolicy policy, Instant until,
                               List<Instant> out) {
        for (DecisionFacts.InconvenientTime period : facts.preferences().inconvenientTimes()) {
            LocalClock.addDaily(period.to(), request.at(), until, facts.zones(), out);
        }
    }
}
