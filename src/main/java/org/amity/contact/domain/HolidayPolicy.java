package org.amity.contact.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * No contact for the listed purposes on a public holiday of the policy's jurisdiction, by the local date at the
 * customer's location (house rule of the CN preset: no collection contact on public holidays). China's adjusted
 * working days (调休) are working days, not holidays, even on a Saturday or Sunday.
 */
public final class HolidayPolicy implements TimeBasedRule {

    @Override
    public List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        ContactPolicy.HolidayRule rule = policy.holidays();
        if (rule == null || !rule.purposes().contains(request.purpose())) {
            return List.of();
        }
        for (ZoneId zone : facts.zones()) {
            LocalDate date = LocalClock.date(request.at(), zone);
            if (facts.holidays().isHoliday(policy.jurisdiction(), date)) {
                return List.of(Reason.of(ReasonCode.HOLIDAY, null, rule.source(), facts));
            }
        }
        return List.of();
    }


    @Override
    public void changeInstants(ContactRequest request, DecisionFacts facts, ContactPolicy policy, Instant until,
                               List<Instant> out) {
        ContactPolicy.HolidayRule rule = policy.holidays();
        if (rule != null && rule.purposes().contains(request.purpose())) {
            LocalClock.addDaily(LocalTime.MIDNIGHT, request.at(), until, facts.zones(), out);
        }
    }
}
