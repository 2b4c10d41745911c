package org.amity.contact.domain;

import java.util.List;
import org.amity.contact.ContactChannel;

/**
 * A debt is never discussed with anyone but the customer: a call, text or email goes only to one of the customer's
 * own contact points, and only once it is verified (12 CFR 1006.6(d); CONC 7.9.6R; 消费金融公司管理办法 (2024)).
 * Push, letter and visit carry no destination value here.
 */
public final class DestinationPolicy implements ContactRule {

    @Override
    public List<Reason> evaluate(ContactRequest request, DecisionFacts facts, ContactPolicy policy) {
        DecisionFacts.PointType type = typeFor(request.channel());
        if (type == null) {
            return List.of();
        }
        String source = policy.destination().source();
        if (request.destination() == null) {
            return List.of(Reason.of(ReasonCode.THIRD_PARTY_DESTINATION, null, source, facts));
        }
        boolean found = false;
        boolean verified = false;
        for (DecisionFacts.ContactPoint point : facts.contactPoints()) {
            if (point.type() == type && same(type, point.value(), request.destination())) {
                if (point.owner() == DecisionFacts.Owner.OTHER) {
                    // the number is also on file as someone else's: treat as a third party
                    return List.of(Reason.of(ReasonCode.THIRD_PARTY_DESTINATION, null, source, facts));
                }
                found = true;
                verified |= point.verified();
            }
        }
        if (!found) {
            return List.of(Reason.of(ReasonCode.THIRD_PARTY_DESTINATION, null, source, facts));
        }
        return verified ? List.of() : List.of(Reason.of(ReasonCode.UNVERIFIED_DESTINATION, null, source, facts));
    }

    static DecisionFacts.PointType typeFor(ContactChannel channel) {
        if (channel.usesPhone()) {
            return DecisionFacts.PointType.PHONE;
        }
        return channel == ContactChannel.EMAIL ? DecisionFacts.PointType.EMAIL : null;
    }

    private static boolean same(DecisionFacts.PointType type, String onFile, String asked) {
        return type == DecisionFacts.PointType.EMAIL ? onFile.trim().equalsIgnoreCase(asked.trim()) : samePhone(onFile, asked);
    }

    /** "+86 138-0013-8000" and "+8613800138000" are one number; compares without allocating. */
    static boolean samePhone(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < a.length() && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && isSeparator(b.charAt(j))) {
                j++;
            }
            if (i == a.length() || j == b.length()) {
                return i == a.length() && j == b.length();
            }
            if (a.charAt(i++) != b.charAt(j++)) {
                return false;
            }
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '(' || c == ')' || c == '.';
    }
}
