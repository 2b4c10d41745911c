package org.amity.contact.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * After a telephone conversation with the customer about a debt, no call about that debt for 7 consecutive days,
 * the date of the conversation being day 1 (12 CFR 1006.14(b)(2)(i)(B)). Days are local dates at the customer's
 * location: a conversation on Monday allows the next call from the start of the following Monday (day 8), which
 * the contact hours then move to 08:00. With several candidate zones the latest end wins.
 */
public final class ConversationCooldownPolicy implements TimeBasedRule {

    @Override
    public List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        List<Reason> reasons = List.of();
        for (ContactPolicy.Cooldown cooldown : policy.cooldowns()) {
            if (cooldown.limits(request.channel(), request.purpose()) && cooling(cooldown, request, facts)
                    && reasons.stream().noneMatch(r -> r.code() == cooldown.code())) {
                if (reasons.isEmpty()) {
                    reasons = new ArrayList<>(1);
                }
                reasons.add(Reason.of(cooldown.code(), null, cooldown.source(), facts));
            }
        }
        return reasons;
    }

    private static boolean cooling(ContactPolicy.Cooldown cooldown, ContactRequest request, DecisionFacts facts) {
        for (ZoneId zone : facts.zones()) {
            // a conversation on or after the start of local day (today − n + 1) makes today one of days 1..n
            Instant dayOne = LocalClock.startOfDay(LocalClock.date(request.at(), zone).minusDays(cooldown.localDays() - 1), zone);
            for (DecisionFacts.Attempt attempt : facts.attempts()) {
                if (!attempt.at().isBefore(dayOne) && !attempt.at().isAfter(request.at()) && starts(cooldown, attempt, request)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean starts(ContactPolicy.Cooldown cooldown, DecisionFacts.Attempt attempt, ContactRequest request) {
        return attempt.outcome() != null && cooldown.after().contains(attempt.outcome())
                && cooldown.limits(attempt.channel(), attempt.purpose())
                && (cooldown.scope() == ContactPolicy.Scope.PERSON || Objects.equals(attempt.loanId(), request.loanId()));
    }


    /** The start of day n+1 after each conversation, in every candidate zone. */
    @Override
    public void changeInstants(ContactRequest request, DecisionFacts facts, ContactPolicy policy, Instant until,
                               List<Instant> out) {
        for (ContactPolicy.Cooldown cooldown : policy.cooldowns()) {
            if (!cooldown.limits(request.channel(), request.purpose())) {
                continue;
            }
            for (DecisionFacts.Attempt attempt : facts.attempts()) {
                if (starts(cooldown, attempt, request) && !attempt.at().isAfter(request.at())) {
                    for (ZoneId zone : facts.zones()) {
                        out.add(LocalClock.startOfDay(LocalClock.date(attempt.at(), zone).plusDays(cooldown.localDays()), zone));
                    }
                }
            }
        }
    }
}
