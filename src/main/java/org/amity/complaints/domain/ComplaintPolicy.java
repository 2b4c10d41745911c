package org.amity.complaints.domain;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.amity.complaints.ComplaintCategory;
import org.amity.complaints.Severity;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The complaint-handling policy read from {@code complaints/policy.yaml}: deadlines per jurisdiction with their
 * sources, the triage rules for severity and complexity, holds, visits and four-eyes thresholds. A missing or
 * malformed entry fails at start with its path, never silently.
 */
public record ComplaintPolicy(String version, Map<String, Jurisdiction> jurisdictions, String defaultJurisdiction,
                              Map<String, String> countryToJurisdiction, List<Double> warnings, Triage triage,
                              boolean holdOnContactRelated, Visits visits, Map<String, BigDecimal> secondApproverAbove,
                              List<String> departments) {

    public enum Unit { WORKING_DAYS, BUSINESS_DAYS, CALENDAR_DAYS }

    /** A number of days and how they are counted, with the rule it implements. */
    public record Rule(int days, Unit unit, String source) {
    }

    public record Jurisdiction(String id, ZoneId zone, String calendar, Rule acknowledge, Rule summary, Rule resolve,
                               Rule extension) {
    }

    public record Triage(double confirmBelow, Set<ComplaintCategory> contactRelated, Map<ComplaintCategory, Severity> baseSeverity,
                         List<String> critical, Map<String, List<String>> raise, BigDecimal complexAmount,
                         List<String> complexWords, double standardBelowConfidence, int standardLongerThan) {
    }

    public record Visits(int noticeHours, int slotMinutes, LocalTime from, LocalTime to, boolean workingDaysOnly,
                         Severity twoOfficersFromSeverity, Set<String> twoOfficersJurisdictions, List<String> alternatives,
                         int claimWindowDays) {
    }

    public Jurisdiction jurisdictionFor(String country) {
        String id = country == null ? null : countryToJurisdiction.get(country.toUpperCase(Locale.ROOT));
        return jurisdictions.get(id == null ? defaultJurisdiction : id);
    }

    public BigDecimal secondApproverAbove(String currency) {
        BigDecimal limit = currency == null ? null : secondApproverAbove.get(currency);
        return limit != null ? limit : secondApproverAbove.get("default");
    }

    public static ComplaintPolicy parse(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Node doc = new Node(root, "policy");
        Map<String, Jurisdiction> jurisdictions = new LinkedHashMap<>();
        doc.get("deadlines").map().forEach((id, j) -> jurisdictions.put(id, new Jurisdiction(id, ZoneId.of(j.get("zone").text()),
                j.get("calendar").text(), rule(j.get("acknowledge")), j.has("summary") ? rule(j.get("summary")) : null,
                rule(j.get("resolve")), j.has("extension") ? rule(j.get("extension")) : null)));
        String defaultJurisdiction = doc.get("defaultJurisdiction").text();
        if (!jurisdictions.containsKey(defaultJurisdiction)) {
            throw doc.get("defaultJurisdiction").error("names no jurisdiction under deadlines");
        }
        Map<String, String> countries = new LinkedHashMap<>();
        doc.get("countryToJurisdiction").map().forEach((c, j) -> {
            if (!jurisdictions.containsKey(j.text())) {
                throw j.error("names no jurisdiction under deadlines");
            }
            countries.put(c, j.text());
        });
        Node t = doc.get("triage");
        Map<ComplaintCategory, Severity> base = new LinkedHashMap<>();
        t.get("baseSeverity").map().forEach((c, s) -> base.put(category(c, t), severity(s)));
        for (ComplaintCategory c : ComplaintCategory.values()) {
            if (!base.containsKey(c)) {
                throw t.get("baseSeverity").error("has no severity for " + c);
            }
        }
        Map<String, List<String>> raise = new LinkedHashMap<>();
        t.get("raise").map().forEach((group, words) -> raise.put(group, words.strings()));
        Node cx = t.get("complexity");
        Triage triage = new Triage(t.get("confirmBelow").decimal().doubleValue(),
                Set.copyOf(t.get("contactRelated").strings().stream().map(c -> category(c, t)).toList()), base,
                t.get("critical").strings(), raise, cx.get("complexAmount").decimal(), cx.get("complexWords").strings(),
                cx.get("standardBelowConfidence").decimal().doubleValue(), cx.get("standardLongerThan").decimal().intValue());
        Node v = doc.get("visits");
        Node hours = v.get("allowedHours");
        Visits visits = new Visits(v.get("noticeHours").decimal().intValue(), v.get("slotMinutes").decimal().intValue(),
                LocalTime.parse(hours.get("from").text()), LocalTime.parse(hours.get("to").text()),
                Boolean.parseBoolean(v.get("workingDaysOnly").text()), severity(v.get("twoOfficersFromSeverity")),
                Set.copyOf(v.get("twoOfficersJurisdictions").strings()), v.get("alternatives").strings(),
                v.get("claimWindowDays").decimal().intValue());
        Map<String, BigDecimal> limits = new LinkedHashMap<>();
        doc.get("resolutions").get("secondApproverAbove").map().forEach((c, n) -> limits.put(c, n.decimal()));
        if (!limits.containsKey("default")) {
            throw doc.get("resolutions").get("secondApproverAbove").error("needs a default");
        }
        List<Double> warnings = doc.get("warnings").strings().stream().map(Double::valueOf).toList();
        return new ComplaintPolicy(doc.get("version").text(), jurisdictions, defaultJurisdiction, countries, warnings, triage,
                Boolean.parseBoolean(doc.get("holds").get("onContactRelatedComplaint").text()), visits, limits,
                doc.get("departments").strings());
    }

    private static Rule rule(Node n) {
        Unit unit;
        try {
            unit = Unit.valueOf(n.get("unit").text());
        } catch (IllegalArgumentException e) {
            throw n.get("unit").error("must be one of " + List.of(Unit.values()));
        }
        int days = n.get("days").decimal().intValue();
        if (days < 0 || days > 400) {
            throw n.get("days").error("must be between 0 and 400");
        }
        return new Rule(days, unit, n.get("source").text());
    }

    private static ComplaintCategory category(String name, Node at) {
        try {
            return ComplaintCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw at.error("unknown category " + name);
        }
    }

    private static Severity severity(Node n) {
        try {
            return Severity.valueOf(n.text());
        } catch (IllegalArgumentException e) {
            throw n.error("must be one of " + List.of(Severity.values()));
        }
    }

    /** A YAML value with its path, for error messages that say where the policy is wrong. */
    private record Node(Object value, String path) {

        boolean has(String key) {
            return value instanceof Map<?, ?> m && m.get(key) != null;
        }

        Node get(String key) {
            if (!(value instanceof Map<?, ?> m) || m.get(key) == null) {
                throw new IllegalArgumentException("Complaint policy: " + path + "." + key + " is missing");
            }
            return new Node(m.get(key), path + "." + key);
        }

        Map<String, Node> map() {
            if (!(value instanceof Map<?, ?> m)) {
                throw error("must be a map");
            }
            Map<String, Node> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), new Node(v, path + "." + k)));
            return out;
        }

        List<String> strings() {
            if (!(value instanceof List<?> l)) {
                throw error("must be a list");
            }
            List<String> out = new ArrayList<>();
            l.forEach(o -> out.add(String.valueOf(o)));
            return List.copyOf(out);
        }

        String text() {
            return String.valueOf(value);
        }

        BigDecimal decimal() {
            try {
                return new BigDecimal(String.valueOf(value));
            } catch (NumberFormatException e) {
                throw error("must be a number");
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("Complaint policy: " + path + " " + message);
        }
    }
}
