package org.amity.negotiation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads and validates an arrangement policy document (safe YAML only: a policy is data). */
public final class ArrangementPolicyYaml {

    private ArrangementPolicyYaml() {
    }

    public static ArrangementPolicy parse(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new PolicyFormatException("policy", "is not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new PolicyFormatException("policy", "must be a mapping");
        }
        Map<String, Object> m = strings(map, "policy");
        String product = text(m, "product");
        String version = text(m, "version");
        ArrangementPolicy.RepaymentMethodChoice method;
        try {
            method = ArrangementPolicy.RepaymentMethodChoice.valueOf(text(m, "method"));
        } catch (IllegalArgumentException e) {
            throw new PolicyFormatException("method", "must be one of " + List.of(ArrangementPolicy.RepaymentMethodChoice.values()));
        }
        int maxTerm = integer(m, "maxTermMonths", 1, 600);
        List<Integer> terms = new ArrayList<>();
        List<?> rawTerms = list(m, "planTerms");
        for (int i = 0; i < rawTerms.size(); i++) {
            if (!(rawTerms.get(i) instanceof Integer t) || t < 1 || t > maxTerm) {
                throw new PolicyFormatException("planTerms[" + i + "]", "must be a whole number of months from 1 to maxTermMonths (" + maxTerm + ")");
            }
            if (!terms.isEmpty() && t <= terms.get(terms.size() - 1)) {
                throw new PolicyFormatException("planTerms[" + i + "]", "must be longer than the term before it");
            }
            terms.add(t);
        }
        if (terms.isEmpty()) {
            throw new PolicyFormatException("planTerms", "needs at least one term");
        }
        Map<String, Object> holiday = strings(map(m, "paymentHoliday"), "paymentHoliday");
        Map<String, Object> approval = strings(map(m, "approval"), "approval");
        Map<String, Object> assessment = strings(map(m, "assessment"), "assessment");
        List<ArrangementPolicy.Offer> offers = new ArrayList<>();
        List<?> rawOffers = list(m, "offers");
        int expectedFrom = 0;
        for (int i = 0; i < rawOffers.size(); i++) {
            String path = "offers[" + i + "]";
            if (!(rawOffers.get(i) instanceof Map<?, ?> o)) {
                throw new PolicyFormatException(path, "must be a mapping with daysPastDue and types");
            }
            Map<String, Object> offer = strings(o, path);
            String range = text(offer, "daysPastDue", path + ".daysPastDue");
            String[] parts = range.split("-", -1);
            if (parts.length != 2) {
                throw new PolicyFormatException(path + ".daysPastDue", "must look like 0-30 or 91-");
            }
            int from;
            Integer to;
            try {
                from = Integer.parseInt(parts[0].trim());
                to = parts[1].isBlank() ? null : Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new PolicyFormatException(path + ".daysPastDue", "must look like 0-30 or 91-");
            }
            if (from != expectedFrom || (to != null && to < from)) {
                throw new PolicyFormatException(path + ".daysPastDue", "must start at " + expectedFrom + " (bands are contiguous from 0)");
            }
            if (to == null && i != rawOffers.size() - 1) {
                throw new PolicyFormatException(path + ".daysPastDue", "only the last band may be open-ended");
            }
            expectedFrom = to == null ? -1 : to + 1;
            offers.add(new ArrangementPolicy.Offer(from, to, types(list(offer, "types", path + ".types"), path + ".types")));
        }
        if (offers.isEmpty() || expectedFrom != -1) {
            throw new PolicyFormatException("offers", "must cover every number of days past due (the last band open-ended, e.g. 91-)");
        }
        Map<String, String> sources = new LinkedHashMap<>();
        strings(map(m, "sources"), "sources").forEach((k, v) -> sources.put(k, String.valueOf(v)));
        return new ArrangementPolicy(product, version, method, terms, maxTerm,
                integer(m, "maxArrangementsIn12Months", 0, 100),
                fraction(m, "maxInstalmentShareOfDisposable", "maxInstalmentShareOfDisposable"),
                money(m, "minFirstPayment", "minFirstPayment"), money(m, "maxWaiver", "maxWaiver"),
                fraction(m, "feeWaiverShare", "feeWaiverShare"), integer(m, "termExtensionMonths", 1, 120),
                fraction(m, "reducedRateFactor", "reducedRateFactor"),
                integer(holiday, "months", 1, 12, "paymentHoliday.months"),
                bool(holiday, "interestCapitalised", "paymentHoliday.interestCapitalised"),
                fraction(m, "settlementDiscountShare", "settlementDiscountShare"),
                types(list(approval, "types", "approval.types"), "approval.types"),
                money(approval, "aboveWaiver", "approval.aboveWaiver"),
                integer(assessment, "simpleMaxDaysPastDue", 0, 3650, "assessment.simpleMaxDaysPastDue"),
                money(assessment, "complexAboveBalance", "assessment.complexAboveBalance"),
                offers, integer(m, "graceDays", 0, 30), sources);
    }

    private static Set<OptionType> types(List<?> raw, String path) {
        Set<OptionType> types = EnumSet.noneOf(OptionType.class);
        for (int i = 0; i < raw.size(); i++) {
            try {
                types.add(OptionType.valueOf(String.valueOf(raw.get(i))));
            } catch (IllegalArgumentException e) {
                throw new PolicyFormatException(path + "[" + i + "]", "must be one of " + List.of(OptionType.values()));
            }
        }
        return types;
    }

    private static Map<String, Object> strings(Map<?, ?> map, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Map<?, ?> map(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Map<?, ?> v)) {
            throw new PolicyFormatException(key, "is required (a mapping)");
        }
        return v;
    }

    private static List<?> list(Map<String, Object> m, String key) {
        return list(m, key, key);
    }

    private static List<?> list(Map<String, Object> m, String key, String path) {
        if (!(m.get(key) instanceof List<?> v)) {
            throw new PolicyFormatException(path, "is required (a list)");
        }
        return v;
    }

    private static String text(Map<String, Object> m, String key) {
        return text(m, key, key);
    }

    private static String text(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new PolicyFormatException(path, "is required");
        }
        return String.valueOf(v).trim();
    }

    private static int integer(Map<String, Object> m, String key, int min, int max) {
        return integer(m, key, min, max, key);
    }

    private static int integer(Map<String, Object> m, String key, int min, int max, String path) {
        if (!(m.get(key) instanceof Integer v) || v < min || v > max) {
            throw new PolicyFormatException(path, "must be a whole number from " + min + " to " + max);
        }
        return v;
    }

    private static boolean bool(Map<String, Object> m, String key, String path) {
        if (!(m.get(key) instanceof Boolean v)) {
            throw new PolicyFormatException(path, "must be true or false");
        }
        return v;
    }

    private static BigDecimal decimal(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (v == null) {
            throw new PolicyFormatException(path, "is required");
        }
        try {
            // written as quoted strings in the bundled files so that no binary floating point is involved
            return new BigDecimal(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new PolicyFormatException(path, "must be a decimal number, e.g. \"0.50\"");
        }
    }

    private static BigDecimal fraction(Map<String, Object> m, String key, String path) {
        BigDecimal v = decimal(m, key, path);
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new PolicyFormatException(path, "must be a fraction from 0 to 1");
        }
        return v;
    }

    private static BigDecimal money(Map<String, Object> m, String key, String path) {
        BigDecimal v = decimal(m, key, path);
        if (v.signum() < 0 || v.stripTrailingZeros().scale() > 2) {
            throw new PolicyFormatException(path, "must be a non-negative amount with at most two decimals");
        }
        return v.setScale(2);
    }
}
