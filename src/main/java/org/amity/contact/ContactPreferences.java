package org.amity.contact;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * What the customer has told the bank about being contacted: channel/purpose opt-outs (12 CFR 1006.14(h)),
 * marketing opt-ins per channel, a preferred channel, inconvenient times (12 CFR 1006.6(b)(1); CONC 7.9.4R) in
 * the customer's local time, the language to use, and the times that suit them (advisory: a planner tries them
 * first; they never widen what the policy allows).
 *
 * <p>{@code preferredTimes} is null only in a request that leaves them unchanged (the five-argument constructor,
 * kept for callers written before preferred times existed); preferences read back always carry a list.
 */
public record ContactPreferences(List<OptOut> optOuts, Set<ContactChannel> marketingOptIns, ContactChannel preferredChannel,
                                 List<InconvenientTime> inconvenientTimes, String language, List<PreferredTime> preferredTimes) {

    public ContactPreferences(List<OptOut> optOuts, Set<ContactChannel> marketingOptIns, ContactChannel preferredChannel,
                              List<InconvenientTime> inconvenientTimes, String language) {
        this(optOuts, marketingOptIns, preferredChannel, inconvenientTimes, language, null);
    }

    /** A weekly period that suits the customer, in their local time. */
    public record PreferredTime(List<Weekday> days, LocalTime from, LocalTime to) {
    }

    public record OptOut(ContactChannel channel, ContactPurpose purpose) {
    }

    /** A weekly period the customer asked not to be contacted in; {@code to} before {@code from} wraps past midnight. */
    public record InconvenientTime(List<Weekday> days, LocalTime from, LocalTime to) {

        /** Whether a local date-time falls in this period (a period ending before it starts runs past midnight). */
        public boolean covers(java.time.LocalDateTime local) {
            LocalTime t = local.toLocalTime();
            if (from.isBefore(to)) {
                return days.contains(Weekday.of(local.getDayOfWeek())) && !t.isBefore(from) && t.isBefore(to);
            }
            // e.g. 22:00–07:00: the evening belongs to the named day, the early morning to the day after it
            return (days.contains(Weekday.of(local.getDayOfWeek())) && !t.isBefore(from))
                    || (days.contains(Weekday.of(local.getDayOfWeek().minus(1))) && t.isBefore(to));
        }
    }

    public boolean optedOut(ContactChannel channel, ContactPurpose purpose) {
        return optOuts.stream().anyMatch(o -> o.channel() == channel && o.purpose() == purpose);
    }
}
