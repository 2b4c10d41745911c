package org.amity.contact.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.amity.contact.HoldType;

/**
 * Hard stops: an active hold blocks the purposes its type blocks under the policy (cease request 12 CFR 1006.6(c);
 * attorney 1006.6(b)(2); breathing space SI 2020/1311 reg. 7; …). A hold on one loan blocks contact about that
 * loan only. A hold is active from {@code from} until (excluding) {@code until}.
 */
public final class ContactHoldPolicy implements ContactRule {

    @Override
    public List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        List<Reason> reasons = List.of();
        Set<HoldType> seen = null;
        for (DecisionFacts.Hold hold : facts.holds()) {
            ContactPolicy.HoldRule rule = policy.holds().get(hold.type());
            if (rule == null || !rule.blocks().contains(request.purpose()) || !hold.activeAt(request.at())
                    || !hold.appliesTo(request.loanId())) {
                continue;
            }
            if (seen == null) {
                seen = EnumSet.noneOf(HoldType.class);
                reasons = new ArrayList<>(2);
            }
            if (seen.add(hold.type())) {
                reasons.add(Reason.of(ReasonCode.CONTACT_HOLD, hold.type(), rule.source(), facts));
            }
        }
        return reasons;
    }
}
