package org.amity.negotiation.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The options a policy gives for a loan position and a hardship, the types it does not offer and why, and the
 * preliminary assessment. {@code affordableLimit} is the largest instalment the policy lets the customer be asked for.
 */
public record Quote(List<ArrangementOption> options, List<NotOffered> notOffered, Complexity complexity,
                    List<String> complexityReasons, BigDecimal affordableLimit, String policyVersion) {

    public Quote {
        options = List.copyOf(options);
        notOffered = List.copyOf(notOffered);
        complexityReasons = List.copyOf(complexityReasons);
    }
}
