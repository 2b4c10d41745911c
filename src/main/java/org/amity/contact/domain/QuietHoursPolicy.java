package org.amity.contact.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Contact only inside the contact hours (08:00–21:00) at the customer's location: 12 CFR 1006.6(b)(1)(i);
 * MCOB 13.5.4G; the CN preset uses the same window. Where the location is uncertain (the address zone and the
 * phone number's zones differ) the time must be inside the window in every candidate zone.
 */
public final class QuietHoursPolicy implements TimeBasedRule {

    @Override
    public List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        ContactPolicy.ContactHours hours = policy.contactHours();
        if (!hours.channels().contains(request.channel())) {
            return List.of();
        }
        for (ZoneId zone : facts.zones()) {
            LocalTime time = LocalClock.local(request.at(), zone).toLocalTime();
            if (time.isBefore(hours.from()) || !time.isBefore(hours.to())) {
                return List.of(Reason.of(ReasonCode.QUIET_HOURS, null, hours.source(), facts));
            }
        }
        return List.of();
    }


    @Override
    public void changeInstants(ContactRequest request, DecisionFacts facts, ContactPolicy policy, Instant until,
                               List<Instant> out) {
        if (policy.contactHours().channels().contains(request.channel())) {
            LocalClock.addDaily(policy.contactHours().from(), request.at(), until, facts.zones(), out);
        }
    }
}
