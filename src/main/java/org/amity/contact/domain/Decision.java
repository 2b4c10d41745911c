package org.amity.contact.domain;

import java.time.Instant;
import java.util.List;
import org.amity.contact.ContactChannel;

/**
 * The answer to a contact request.
 *
 * @param reasons every failing rule; empty when allowed
 * @param nextAllowedAt the earliest instant within 14 days at which every time- and frequency-based rule passes;
 *        null when allowed now, when a rule that time alone does not change blocks, or when there is none in 14 days
 * @param alternatives channels allowed now for the same purpose (computed only when the request is blocked)
 * @param policyVersion the merged policy the decision was taken under, e.g. {@code US_REG_F@2026.1+house@2026.1}
 */
public record Decision(boolean allowed, List<Reason> reasons, Instant nextAllowedAt, List<ContactChannel> alternatives,
                       String policyVersion) {

    public Decision {
        reasons = List.copyOf(reasons);
        alternatives = List.copyOf(alternatives);
    }
}
