package org.amity.contact.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Caps on counted attempts in a window, as policy data: the US preset's 7 calls per debt in 7 consecutive days
 * (12 CFR 1006.14(b)(2)(i)(A)), where calls that do not connect are not counted (1006.14(b)(3)); house caps such
 * as 2 voice calls per customer per local day (DAILY_CAP) and 4 marketing contacts in 30 days (MARKETING_CAP).
 * A pending attempt (no outcome yet) counts: it may well have connected.
 *
 * <p>A window of {@code localDays} n is today and the n−1 local dates before it at the customer's location; with
 * several candidate zones the contact is capped if it is capped by the dates of any of them.
 */
public final class ContactFrequencyPolicy implements TimeBasedRule {

    @Override
    public List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        List<Reason> reasons = List.of();
        for (ContactPolicy.FrequencyCap cap : policy.caps()) {
            if (cap.limits(request.channel(), request.purpose()) && capped(cap, request, facts)
                    && reasons.stream().noneMatch(r -> r.code() == cap.code())) {
                if (reasons.isEmpty()) {
                    reasons = new ArrayList<>(2);
                }
                reasons.add(Reason.of(cap.code(), null, cap.source(), facts));
            }
        }
        return reasons;
    }

    private static boolean capped(ContactPolicy.FrequencyCap cap, ContactRequest request, DecisionFacts facts) {
        if (cap.rolling() != null) {
            return count(cap, request, facts, request.at().minus(cap.rolling()), true) >= cap.max();
        }
        // the earliest window start over the candidate zones bounds every zone's count: skip the zones when even
        // that count is under the cap (the common case)
        Instant earliest = null;
        for (ZoneId zone : facts.zones()) {
            Instant start = LocalClock.startOfDay(LocalClock.date(request.at(), zone).minusDays(cap.localDays() - 1), zone);
            earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
        }
        if (count(cap, request, facts, earliest, false) < cap.max()) {
            return false;
        }
        for (ZoneId zone : facts.zones()) {
            Instant windowStart = LocalClock.startOfDay(LocalClock.date(request.at(), zone).minusDays(cap.localDays() - 1), zone);
            if (count(cap, request, facts, windowStart, false) >= cap.max()) {
                return true;
            }
        }
        return false;
    }

    /** Counted attempts from {@code start} (exclusive for a rolling window, inclusive for local dates) up to now. */
    private static int count(ContactPolicy.FrequencyCap cap, ContactRequest request, DecisionFacts facts, Instant start,
                             boolean exclusive) {
        int n = 0;
        for (DecisionFacts.Attempt attempt : facts.attempts()) {
            Instant at = attempt.at();
            if ((exclusive ? at.isAfter(start) : !at.isBefore(start)) && !at.isAfter(request.at())
                    && counts(cap, attempt, request)) {
                n++;
            }
        }
        return n;
    }

    private static boolean counts(ContactPolicy.FrequencyCap cap, DecisionFacts.Attempt attempt, ContactRequest request) {
        return cap.limits(attempt.channel(), attempt.purpose())
                && (attempt.outcome() == null || !cap.ignoredOutcomes().contains(attempt.outcome()))
                && (cap.scope() == ContactPolicy.Scope.PERSON || Objects.equals(attempt.loanId(), request.loanId()));
    }


    /** The instants at which each counted attempt leaves its window. */
    @Override
    public void changeInstants(ContactRequest request, DecisionFacts facts, ContactPolicy policy, Instant until,
                               List<Instant> out) {
        for (ContactPolicy.FrequencyCap cap : policy.caps()) {
            if (!cap.limits(request.channel(), request.purpose())) {
                continue;
            }
            for (DecisionFacts.Attempt attempt : facts.attempts()) {
                if (!counts(cap, attempt, request) || attempt.at().isAfter(request.at())) {
                    continue;
                }
                if (cap.rolling() != null) {
                    out.add(attempt.at().plus(cap.rolling()));
                } else {
                    for (ZoneId zone : facts.zones()) {
                        out.add(LocalClock.startOfDay(LocalClock.date(attempt.at(), zone).plusDays(cap.localDays()), zone));
                    }
                }
            }
        }
    }
}
