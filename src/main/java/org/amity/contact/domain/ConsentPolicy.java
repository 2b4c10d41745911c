package org.amity.contact.domain;

import java.util.ArrayList;
import java.util.List;
import org.amity.contact.ContactPurpose;

/**
 * A channel the customer opted out of is not used again for that purpose (12 CFR 1006.14(h), 1006.6(e)); marketing
 * only on channels the customer opted in to (house rule; 个人信息保护法; PECR reg. 22).
 */
public final class ConsentPolicy implements ContactRule {

    @Override
    public List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        DecisionFacts.Preferences preferences = facts.preferences();
        String source = policy.consent().source();
        List<Reason> reasons = List.of();
        for (DecisionFacts.OptOut optOut : preferences.optOuts()) {
            if (optOut.covers(request.channel(), request.purpose())) {
                reasons = List.of(Reason.of(ReasonCode.CHANNEL_OPTED_OUT, null, source, facts));
                break;
            }
        }
        if (request.purpose() == ContactPurpose.MARKETING && policy.consent().marketingRequiresOptIn()
                && !preferences.marketingOptIns().contains(request.channel())) {
            reasons = new ArrayList<>(reasons);
            reasons.add(Reason.of(ReasonCode.NO_MARKETING_CONSENT, null, source, facts));
        }
        return reasons;
    }
}
