package org.amity.contact.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amity.contact.ContactChannel;

/**
 * Evaluates every rule of a contact policy and returns every failing reason, the earliest instant at which the
 * time- and frequency-based rules would all pass, and the channels that would be allowed instead. Stateless and
 * thread-safe; plain Java so that it can be tested as tables and run at hundreds of thousands of decisions per
 * second.
 */
public final class DecisionEngine {

    /** How far ahead nextAllowedAt looks. */
    public static final Duration HORIZON = Duration.ofDays(14);

    private final List<ContactRule> rules;
    private final List<ContactRule> timeRules;

    public DecisionEngine() {
        this(List.of(new AccountStatePolicy(), new DestinationPolicy(), new ConsentPolicy(), new ContactHoldPolicy(),
                new InconvenientTimePolicy(), new QuietHoursPolicy(), new HolidayPolicy(), new ContactFrequencyPolicy(),
                new ConversationCooldownPolicy()));
    }

    public DecisionEngine(List<ContactRule> rules) {
        this.rules = List.copyOf(rules);
        this.timeRules = this.rules.stream().filter(ContactRule::timeBased).toList();
    }

    public Decision decide(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        List<Reason> reasons = null;
        boolean blockedByNonTimeRule = false;
        for (ContactRule rule : rules) {
            List<Reason> failed = rule.evaluate(request, facts, policy);
            if (!failed.isEmpty()) {
                if (reasons == null) {
                    reasons = new ArrayList<>(4);
                }
                reasons.addAll(failed);
                blockedByNonTimeRule |= !rule.timeBased();
            }
        }
        if (reasons == null) {
            return new Decision(true, List.of(), null, List.of(), policy.version());
        }
        Instant next = blockedByNonTimeRule ? null : nextAllowedAt(request, facts, policy);
        return new Decision(false, reasons, next, alternatives(request, facts, policy), policy.version());
    }

    /**
     * Exact, not guessed: every time-based rule lists the instants at which its verdict can turn to "pass"; the
     * earliest instant at which all of them pass is among those, so checking them in order finds it.
     */
    Instant nextAllowedAt(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        Instant until = request.at().plus(HORIZON);
        List<Instant> candidates = new ArrayList<>();
        for (ContactRule rule : timeRules) {
            rule.changeInstants(request, facts, policy, until, candidates);
        }
        candidates.sort(null);
        Instant previous = null;
        for (Instant candidate : candidates) {
            if (!candidate.isAfter(request.at()) || candidate.equals(previous)) {
                continue;
            }
            if (candidate.isAfter(until)) {
                break;
            }
            previous = candidate;
            if (passes(timeRules, request.at(candidate), facts, policy)) {
                return candidate;
            }
        }
        return null;
    }

    /** Other channels, in the policy's order, that every rule allows now, each to the customer's own verified point. */
    private List<ContactChannel> alternatives(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        List<ContactChannel> allowed = new ArrayList<>();
        for (ContactChannel channel : policy.alternatives()) {
            if (channel == request.channel()) {
                continue;
            }
            DecisionFacts.PointType type = DestinationPolicy.typeFor(channel);
            String destination = null;
            if (type != null) {
                destination = facts.contactPoints().stream()
                        .filter(p -> p.type() == type && p.verified() && p.owner() == DecisionFacts.Owner.SELF)
                        .map(DecisionFacts.ContactPoint::value).findFirst().orElse(null);
                if (destination == null) {
                    continue;
                }
            }
            if (passes(rules, request.via(channel, destination), facts, policy)) {
                allowed.add(channel);
            }
        }
        return allowed;
    }

    private static boolean passes(List<ContactRule> rules, ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        for (ContactRule rule : rules) {
            if (!rule.evaluate(request, facts, policy).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
