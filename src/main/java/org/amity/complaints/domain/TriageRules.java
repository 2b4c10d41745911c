package org.amity.complaints.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.complaints.ComplaintCategory;
import org.amity.complaints.ComplaintChannel;
import org.amity.complaints.Complexity;
import org.amity.complaints.Severity;

/**
 * Severity and complexity, derived transparently from the category and words in the (normalised) text, by the
 * rules in the policy's {@code triage} section. Every step that changed the answer is returned as a reason, so an
 * agent sees why a case is HIGH or COMPLEX.
 */
public final class TriageRules {

    /** Amounts like "50000元", "5万", "¥3,000", "£600", "RMB 2000". */
    private static final Pattern AMOUNT = Pattern.compile("(?:[¥£$]|rmb|cny|gbp|usd)?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(万|千|元|块|pounds?|dollars?|k\\b)?");

    public record Assessment(Severity severity, Complexity complexity, List<String> reasons) {
    }

    private final ComplaintPolicy.Triage policy;

    public TriageRules(ComplaintPolicy.Triage policy) {
        this.policy = policy;
    }

    /**
     * @param normalised text after NFKC, Traditional→Simplified and lower-casing
     * @param confidence the classifier's posterior for {@code category}
     */
    public Assessment assess(ComplaintCategory category, double confidence, String normalised, ComplaintChannel channel) {
        List<String> reasons = new ArrayList<>();
        Severity severity = policy.baseSeverity().get(category);
        reasons.add("severity " + severity + " for category " + category);
        String critical = firstFound(policy.critical(), normalised);
        if (critical != null) {
            severity = Severity.CRITICAL;
            reasons.add("CRITICAL: personal safety (\"" + critical + "\")");
        } else {
            for (var group : policy.raise().entrySet()) {
                String word = firstFound(group.getValue(), normalised);
                if (word != null) {
                    severity = severity.raised();
                    reasons.add("raised to " + severity + ": " + group.getKey() + " (\"" + word + "\")");
                }
            }
        }
        Complexity complexity = Complexity.SIMPLE;
        BigDecimal amount = largestAmount(normalised);
        String complexWord = firstFound(policy.complexWords(), normalised);
        if (channel == ComplaintChannel.REGULATOR_REFERRAL) {
            complexity = Complexity.COMPLEX;
            reasons.add("COMPLEX: referred by a regulator");
        } else if (amount != null && amount.compareTo(policy.complexAmount()) >= 0) {
            complexity = Complexity.COMPLEX;
            reasons.add("COMPLEX: amount " + amount.toPlainString() + " ≥ " + policy.complexAmount().toPlainString());
        } else if (complexWord != null) {
            complexity = Complexity.COMPLEX;
            reasons.add("COMPLEX: \"" + complexWord + "\"");
        } else if (confidence < policy.standardBelowConfidence()) {
            complexity = Complexity.STANDARD;
            reasons.add("STANDARD: category uncertain (" + Math.round(confidence * 100) + "%)");
        } else if (normalised.length() > policy.standardLongerThan()) {
            complexity = Complexity.STANDARD;
            reasons.add("STANDARD: long description");
        }
        return new Assessment(severity, complexity, List.copyOf(reasons));
    }

    private static String firstFound(List<String> words, String text) {
        for (String word : words) {
            if (text.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                return word;
            }
        }
        return null;
    }

    /** The largest money-like amount in the text, or null. */
    static BigDecimal largestAmount(String text) {
        BigDecimal best = null;
        Matcher m = AMOUNT.matcher(text);
        while (m.find()) {
            String unit = m.group(2);
            boolean money = unit != null || m.group().matches("^\\s*(?:[¥£$]|rmb|cny|gbp|usd).*");
            if (!money) {
                continue;
            }
            BigDecimal value = new BigDecimal(m.group(1).replace(",", ""));
            if ("万".equals(unit)) {
                value = value.multiply(BigDecimal.valueOf(10_000));
            } else if ("千".equals(unit) || "k".equals(unit)) {
                value = value.multiply(BigDecimal.valueOf(1_000));
            }
            if (best == null || value.compareTo(best) > 0) {
                best = value;
            }
        }
        return best;
    }
}
