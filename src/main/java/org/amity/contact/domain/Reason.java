package org.amity.contact.domain;

import java.util.Map;
import org.amity.contact.HoldType;

/**
 * One failing rule.
 *
 * @param holdType the hold behind a {@link ReasonCode#CONTACT_HOLD}; null otherwise
 * @param source the regulation or house rule that the failing rule implements, from the policy document
 * @param message in the customer's language
 * @param messages the same text in every supported language ("zh-CN", "en"), so an agent sees it in theirs
 */
public record Reason(ReasonCode code, HoldType holdType, String source, String message, Map<String, String> messages) {

    static Reason of(ReasonCode code, HoldType hold, String source, DecisionFacts facts) {
        return MessageCatalogue.bundled().reason(code, hold, source, facts.language());
    }

    public String message(String language) {
        return messages.getOrDefault(language, message);
    }
}
