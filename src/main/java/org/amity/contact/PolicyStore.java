package org.amity.contact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.amity.contact.domain.ContactPolicy;
import org.amity.contact.domain.ContactPolicyYaml;
import org.amity.contact.domain.HolidayCalendar;
import org.amity.contact.domain.LineDiff;
import org.amity.contact.domain.PolicyFormatException;
import org.amity.contact.domain.PolicyLibrary;
import org.amity.identity.CurrentUser;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact policy documents (presets and house rules) and the holiday calendars, stored as versioned YAML.
 * A decision uses the versions in effect at its instant: per document, the version with the latest
 * {@code effective_from} not after it. Parsed libraries are cached by the set of version ids they are built from,
 * so a decision costs one small index query, not a YAML parse. On start every document and bundled holiday year
 * that has nothing stored is seeded from the bundled files; concurrent instances insert the same rows and all but
 * one insert do nothing.
 */
@Service
public class PolicyStore implements SmartInitializingSingleton {

    /** The documents that make up the policy: the jurisdiction presets and the house rules on top. */
    public static final List<String> DOCUMENTS = List.of("CN", "US_REG_F", "UK_FCA", "house");
    public static final String HOUSE = "house";
    static final int MAX_YAML_CHARS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(PolicyStore.class);
    private static final int CACHE_LIMIT = 64;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final ContactProperties properties;
    private final Map<List<UUID>, VersionedLibrary> libraries = new ConcurrentHashMap<>();
    private final AtomicReference<CachedCalendar> calendar = new AtomicReference<>();

    PolicyStore(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, ContactProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.properties = properties;
    }

    public record PolicyVersion(UUID id, String documentId, String version, String yaml, Instant effectiveFrom,
                                String createdBy, Instant createdAt, String comment, Status status) {
    }

    /** CURRENT: in effect now; SCHEDULED: takes effect later; SUPERSEDED: replaced by a later version. */
    public enum Status { CURRENT, SCHEDULED, SUPERSEDED }

    public record PolicyDocument(String documentId, String kind, String version, Instant effectiveFrom, String createdBy,
                                 Instant createdAt, String comment, List<Scheduled> scheduled) {
    }

    public record Scheduled(String version, Instant effectiveFrom) {
    }

    /** A new version: the YAML text, from when it applies (default now) and why. */
    public record NewVersion(String yaml, Instant effectiveFrom, String comment) {
    }

    public record Diff(String documentId, String againstVersion, boolean changed, List<LineDiff.Line> lines) {
    }

    public record HolidayYear(String jurisdiction, int year, int holidays, int workingDays, String loadedBy, Instant loadedAt) {
    }

    private record VersionedLibrary(PolicyLibrary library) {
    }

    private record CachedCalendar(String key, HolidayCalendar calendar) {
    }

    // ---- seeding

    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    /** Stores the bundled version of every document and holiday year that has none yet; idempotent. */
    void seed() {
        for (String document : DOCUMENTS) {
            String yaml = resource(bundledLocation(document));
            ContactPolicy policy = ContactPolicyYaml.parse(yaml, document);
            int inserted = jdbc.sql("""
                    INSERT INTO contact_policy_version (id, document_id, version, yaml, effective_from, created_by, created_at, comment)
                    SELECT ?, ?, ?, ?, ?, 'system', ?, 'bundled with Amity'
                     WHERE NOT EXISTS (SELECT 1 FROM contact_policy_version WHERE document_id = ?)
                    ON CONFLICT DO NOTHING""")
                    .params(UUID.randomUUID(), document, policy.version(), yaml, Timestamp.from(Instant.EPOCH),
                            Timestamp.from(clock.instant()), document)
                    .update();
            if (inserted > 0) {
                log.info("Seeded contact policy {} version {} from the bundled file", document, policy.version());
            }
        }
        for (String name : HolidayCalendar.BUNDLED) {
            String yaml = resource("contact/holidays/" + name + ".yaml");
            HolidayCalendar.YearSummary year = HolidayCalendar.summarise(yaml, name);
            jdbc.sql("""
                    INSERT INTO holiday_calendar_year (jurisdiction, year, yaml, loaded_by, loaded_at)
                    VALUES (?, ?, ?, 'system', ?) ON CONFLICT DO NOTHING""")
                    .params(year.jurisdiction(), year.year(), yaml, Timestamp.from(clock.instant())).update();
        }
    }

    private static String bundledLocation(String document) {
        return document.equals(HOUSE) ? "contact/house.yaml" : "contact/presets/" + document + ".yaml";
    }

    private static String resource(String location) {
        try {
            return new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what decisions read

    /**
     * The ids of the versions in effect at an instant (one parameter, {@code :at}): per document, the version with the
     * latest {@code effective_from} not after it. A statement of its own in {@link #libraryAt}; the decision path
     * reads it together with the customer's contact facts ({@link DecisionFactsLoader}).
     */
    static final String VERSIONS_IN_EFFECT = """
            SELECT DISTINCT ON (document_id) id FROM contact_policy_version WHERE effective_from <= :at
             ORDER BY document_id, effective_from DESC, created_at DESC""";

    /** What identifies the stored holiday years: changes whenever a year is loaded (see {@link #holidays(String)}). */
    static final String HOLIDAY_KEY = """
            SELECT string_agg(jurisdiction || ':' || year || ':' || loaded_at, ',' ORDER BY jurisdiction, year) FROM holiday_calendar_year""";

    /** The presets merged with the house rules as they were (or will be) in effect at {@code at}. */
    public PolicyLibrary libraryAt(Instant at) {
        return library(jdbc.sql(VERSIONS_IN_EFFECT).param("at", Timestamp.from(at)).query(UUID.class).list(), at);
    }

    /** The library built from these versions ({@link #VERSIONS_IN_EFFECT} at {@code at}), parsed once and cached. */
    PolicyLibrary library(List<UUID> ids, Instant at) {
        List<UUID> key = ids.stream().sorted().toList();
        VersionedLibrary cached = libraries.get(key);
        if (cached != null) {
            return cached.library();
        }
        if (libraries.size() >= CACHE_LIMIT) {
            libraries.clear();
        }
        Map<String, String> yamlByDocument = new LinkedHashMap<>();
        jdbc.sql("SELECT document_id, yaml FROM contact_policy_version WHERE id IN (:ids)").param("ids", key)
                .query(rs -> {
                    yamlByDocument.put(rs.getString(1), rs.getString(2));
                });
        if (yamlByDocument.size() != DOCUMENTS.size()) {
            // only before the seeded versions (the epoch): a what-if about a time no policy covers
            throw ApiProblem.badRequest("NO_POLICY_IN_EFFECT", "at", "No contact policy was in effect at " + at + " for "
                    + DOCUMENTS.stream().filter(d -> !yamlByDocument.containsKey(d)).toList());
        }
        PolicyLibrary library = build(yamlByDocument);
        libraries.put(key, new VersionedLibrary(library));
        return library;
    }

    /**
     * The library in effect now with one document replaced by a draft (a preset or the house rules, told by its
     * {@code id}), validated like a new version; for the policy what-if. Nothing is stored.
     */
    public PolicyLibrary libraryWithDraft(String yaml) {
        String documentId;
        try {
            documentId = ContactPolicyYaml.parse(yaml, "draft").id();
        } catch (PolicyFormatException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", e.path(), e.getMessage());
        }
        if (!DOCUMENTS.contains(documentId)) {
            throw ApiProblem.badRequest("UNKNOWN_POLICY_DOCUMENT", "id", "A draft replaces one of " + DOCUMENTS + "; '"
                    + documentId + "' is none of them");
        }
        Instant now = clock.instant();
        validate(documentId, yaml, now);
        Map<String, String> docs = new LinkedHashMap<>();
        for (String d : DOCUMENTS) {
            docs.put(d, d.equals(documentId) ? yaml : inEffect(d, now).map(PolicyVersion::yaml).orElse(resource(bundledLocation(d))));
        }
        return build(docs);
    }

    private PolicyLibrary build(Map<String, String> yamlByDocument) {
        List<ContactPolicy> presets = PolicyLibrary.BUNDLED_PRESETS.stream()
                .map(id -> ContactPolicyYaml.parse(yamlByDocument.get(id), id)).toList();
        return new PolicyLibrary(presets, ContactPolicyYaml.parse(yamlByDocument.get(HOUSE), HOUSE), properties.defaultPreset());
    }

    /** Every stored holiday year of every jurisdiction; rebuilt only when a year has been loaded. */
    public HolidayCalendar holidays() {
        return holidays(jdbc.sql(HOLIDAY_KEY).query(String.class).optional().orElse(null));
    }

    /** The calendar for the stored years identified by {@code key} ({@link #HOLIDAY_KEY}), parsed once and cached. */
    HolidayCalendar holidays(String key) {
        String k = key == null ? "" : key;
        CachedCalendar cached = calendar.get();
        if (cached != null && cached.key().equals(k)) {
            return cached.calendar();
        }
        Map<String, String> years = new LinkedHashMap<>();
        jdbc.sql("SELECT jurisdiction, year, yaml FROM holiday_calendar_year ORDER BY jurisdiction, year")
                .query(rs -> {
                    years.put(rs.getString(1) + "-" + rs.getInt(2), rs.getString(3));
                });
        HolidayCalendar built = HolidayCalendar.parseAll(years);
        calendar.set(new CachedCalendar(k, built));
        return built;
    }

    // ---- documents and versions

    public List<PolicyDocument> documents() {
        Instant now = clock.instant();
        List<PolicyDocument> out = new ArrayList<>();
        for (String document : DOCUMENTS) {
            List<PolicyVersion> versions = versions(document);
            PolicyVersion current = versions.stream().filter(v -> v.status() == Status.CURRENT).findFirst().orElse(null);
            List<Scheduled> scheduled = new ArrayList<>(versions.stream().filter(v -> v.effectiveFrom().isAfter(now))
                    .map(v -> new Scheduled(v.version(), v.effectiveFrom())).toList());
            java.util.Collections.reverse(scheduled);
            out.add(current == null
                    ? new PolicyDocument(document, kind(document), null, null, null, null, null, scheduled)
                    : new PolicyDocument(document, kind(document), current.version(), current.effectiveFrom(),
                    current.createdBy(), current.createdAt(), current.comment(), scheduled));
        }
        return out;
    }

    /** The history of one document, newest (by effective-from) first. */
    public List<PolicyVersion> versions(String documentId) {
        requireDocument(documentId);
        Instant now = clock.instant();
        List<PolicyVersion> rows = jdbc.sql("""
                SELECT * FROM contact_policy_version WHERE document_id = ? ORDER BY effective_from DESC, created_at DESC""")
                .param(documentId).query((rs, n) -> map(rs, null)).list();
        List<PolicyVersion> out = new ArrayList<>(rows.size());
        boolean currentSeen = false;
        for (PolicyVersion v : rows) {
            Status status;
            if (v.effectiveFrom().isAfter(now)) {
                status = Status.SCHEDULED;
            } else if (!currentSeen) {
                status = Status.CURRENT;
                currentSeen = true;
            } else {
                status = Status.SUPERSEDED;
            }
            out.add(new PolicyVersion(v.id(), v.documentId(), v.version(), v.yaml(), v.effectiveFrom(), v.createdBy(),
                    v.createdAt(), v.comment(), status));
        }
        return out;
    }

    /** The version in effect now. */
    public PolicyVersion current(String documentId) {
        return versions(documentId).stream().filter(v -> v.status() == Status.CURRENT).findFirst()
                .orElseThrow(() -> new IllegalStateException("no version of " + documentId + " in effect"));
    }

    /**
     * Checks a candidate version as {@link #addVersion} would, without storing it: the YAML reads, it is the
     * document it claims to be, and every preset merged with the house rules still builds.
     *
     * @throws ApiProblem 400 {@code INVALID_POLICY} with the path of the bad entry in {@code field}
     */
    public ContactPolicy validate(String documentId, String yaml, Instant effectiveFrom) {
        requireDocument(documentId);
        if (yaml == null || yaml.isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "yaml", "yaml is required");
        }
        if (yaml.length() > MAX_YAML_CHARS) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", "yaml", "A policy document is at most " + MAX_YAML_CHARS + " characters");
        }
        ContactPolicy policy;
        try {
            policy = ContactPolicyYaml.parse(yaml, documentId);
        } catch (PolicyFormatException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", e.path(), e.getMessage());
        }
        if (!documentId.equals(policy.id())) {
            throw ApiProblem.badRequest("INVALID_POLICY", documentId + ".id",
                    documentId + ".id: is '" + policy.id() + "' but this is the document " + documentId);
        }
        String kind = ContactPolicyYaml.kind(yaml, documentId);
        if (!kind.equals(kind(documentId))) {
            throw ApiProblem.badRequest("INVALID_POLICY", documentId + ".kind",
                    documentId + ".kind: is '" + kind + "' but " + documentId + " must be " + kind(documentId));
        }
        Map<String, String> docs = new LinkedHashMap<>();
        Instant at = effectiveFrom == null ? clock.instant() : effectiveFrom;
        for (String d : DOCUMENTS) {
            docs.put(d, d.equals(documentId) ? yaml : inEffect(d, at).map(PolicyVersion::yaml).orElse(resource(bundledLocation(d))));
        }
        try {
            PolicyLibrary library = build(docs);
            for (String preset : PolicyLibrary.BUNDLED_PRESETS) {
                ContactPolicy merged = library.preset(preset);
                if (merged.contactHours() != null && !merged.contactHours().from().isBefore(merged.contactHours().to())) {
                    throw new IllegalArgumentException(preset + " merged with the house rules leaves no contact hours ("
                            + merged.contactHours().from() + "–" + merged.contactHours().to() + ")");
                }
            }
        } catch (PolicyFormatException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", e.path(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_POLICY", "yaml", "With the other documents in effect then, the policy does not build: "
                    + e.getMessage());
        }
        return policy;
    }

    @Transactional
    public PolicyVersion addVersion(String documentId, NewVersion request) {
        requireDocument(documentId);
        if (request == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "yaml", "yaml is required");
        }
        if (request.comment() != null && request.comment().length() > 1000) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", "comment", "comment is at most 1000 characters");
        }
        // one change per document at a time, on every instance: the checks below then see the latest state
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("contact_policy_version:" + documentId).query().singleValue();
        Instant now = clock.instant();
        Instant effectiveFrom = request.effectiveFrom() == null ? now : request.effectiveFrom();
        PolicyVersion current = current(documentId);
        if (effectiveFrom.isBefore(current.effectiveFrom())) {
            throw ApiProblem.badRequest("EFFECTIVE_FROM_TOO_EARLY", "effectiveFrom", "The new version cannot take effect before "
                    + "the current version " + current.version() + " (" + current.effectiveFrom() + ")");
        }
        ContactPolicy policy = validate(documentId, request.yaml(), effectiveFrom);
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM contact_policy_version WHERE document_id = ? AND version = ?)")
                .params(documentId, policy.version()).query(Boolean.class).single();
        if (exists) {
            throw ApiProblem.conflict("VERSION_EXISTS", documentId + ".version",
                    documentId + " already has a version " + policy.version() + "; give the new one its own version");
        }
        UUID id = UUID.randomUUID();
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        jdbc.sql("""
                INSERT INTO contact_policy_version (id, document_id, version, yaml, effective_from, created_by, created_at, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, documentId, policy.version(), request.yaml(), Timestamp.from(effectiveFrom), CurrentUser.name(),
                        Timestamp.from(now), comment)
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", policy.version());
        after.put("effectiveFrom", effectiveFrom.toString());
        after.put("comment", comment);
        audit.record("CONTACT_POLICY_VERSION_ADDED", "ContactPolicy", documentId, Map.of("version", current.version()), after);
        return versions(documentId).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    /** A line diff of {@code yaml} against the version in effect now. */
    public Diff diff(String documentId, String yaml) {
        requireDocument(documentId);
        if (yaml == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "yaml", "yaml is required");
        }
        if (yaml.length() > MAX_YAML_CHARS) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", "yaml", "A policy document is at most " + MAX_YAML_CHARS + " characters");
        }
        PolicyVersion current = current(documentId);
        List<LineDiff.Line> lines;
        try {
            lines = LineDiff.diff(current.yaml(), yaml);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("DIFF_TOO_LARGE", "yaml", e.getMessage());
        }
        return new Diff(documentId, current.version(), lines.stream().anyMatch(LineDiff.Line::changed), lines);
    }

    private java.util.Optional<PolicyVersion> inEffect(String documentId, Instant at) {
        return jdbc.sql("""
                SELECT * FROM contact_policy_version WHERE document_id = ? AND effective_from <= ?
                 ORDER BY effective_from DESC, created_at DESC LIMIT 1""")
                .params(documentId, Timestamp.from(at)).query((rs, n) -> map(rs, null)).optional();
    }

    private static void requireDocument(String documentId) {
        if (!DOCUMENTS.contains(documentId)) {
            throw ApiProblem.notFound("POLICY_DOCUMENT_NOT_FOUND", "No contact policy document " + documentId
                    + " (known: " + DOCUMENTS + ")");
        }
    }

    private static String kind(String documentId) {
        return documentId.equals(HOUSE) ? "house" : "preset";
    }

    private static PolicyVersion map(ResultSet rs, Status status) throws SQLException {
        return new PolicyVersion(rs.getObject("id", UUID.class), rs.getString("document_id"), rs.getString("version"),
                rs.getString("yaml"), rs.getTimestamp("effective_from").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("comment"), status);
    }

    // ---- holiday calendars

    public List<HolidayYear> holidayYears() {
        return jdbc.sql("SELECT * FROM holiday_calendar_year ORDER BY jurisdiction, year").query((rs, n) -> {
            String name = rs.getString("jurisdiction") + "-" + rs.getInt("year");
            HolidayCalendar.YearSummary s = HolidayCalendar.summarise(rs.getString("yaml"), name);
            return new HolidayYear(s.jurisdiction(), s.year(), s.holidays(), s.workingDays(), rs.getString("loaded_by"),
                    rs.getTimestamp("loaded_at").toInstant());
        }).list();
    }

    public java.util.Optional<String> holidayYaml(String jurisdiction, int year) {
        return jdbc.sql("SELECT yaml FROM holiday_calendar_year WHERE jurisdiction = ? AND year = ?")
                .params(jurisdiction, year).query(String.class).optional();
    }

    /** Stores (or replaces) one jurisdiction's year, e.g. when the State Council publishes next year's 调休. */
    @Transactional
    public HolidayYear loadHolidayYear(String jurisdiction, int year, String yaml) {
        if (jurisdiction == null || !jurisdiction.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
            throw ApiProblem.badRequest("INVALID_JURISDICTION", "jurisdiction",
                    "A jurisdiction is an ISO 3166 code such as CN, US, GB or GB-SCT");
        }
        if (year < 2000 || year > 2200) {
            throw ApiProblem.badRequest("INVALID_YEAR", "year", "year must be between 2000 and 2200");
        }
        if (yaml == null || yaml.isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "yaml", "The request body is the year's YAML document");
        }
        if (yaml.length() > MAX_YAML_CHARS) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", "yaml", "A calendar year is at most " + MAX_YAML_CHARS + " characters");
        }
        String name = jurisdiction + "-" + year;
        HolidayCalendar.YearSummary summary;
        try {
            summary = HolidayCalendar.summarise(yaml, name);
        } catch (PolicyFormatException e) {
            throw ApiProblem.badRequest("INVALID_CALENDAR", e.path(), e.getMessage());
        }
        if (!summary.jurisdiction().equals(jurisdiction) || summary.year() != year) {
            throw ApiProblem.badRequest("INVALID_CALENDAR", name + ".year", "The document is for " + summary.jurisdiction()
                    + " " + summary.year() + ", not " + jurisdiction + " " + year);
        }
        Instant now = clock.instant();
        Map<String, Object> before = jdbc.sql("SELECT loaded_by, loaded_at FROM holiday_calendar_year WHERE jurisdiction = ? AND year = ? FOR UPDATE")
                .params(jurisdiction, year)
                .query((rs, n) -> Map.<String, Object>of("loadedBy", rs.getString(1), "loadedAt", rs.getTimestamp(2).toInstant().toString()))
                .optional().orElse(null);
        jdbc.sql("""
                INSERT INTO holiday_calendar_year (jurisdiction, year, yaml, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (jurisdiction, year) DO UPDATE SET yaml = EXCLUDED.yaml, loaded_by = EXCLUDED.loaded_by,
                    loaded_at = EXCLUDED.loaded_at""")
                .params(jurisdiction, year, yaml, CurrentUser.name(), Timestamp.from(now)).update();
        audit.record("HOLIDAY_CALENDAR_YEAR_LOADED", "HolidayCalendar", name, before,
                Map.of("holidays", summary.holidays(), "workingDays", summary.workingDays()));
        return new HolidayYear(jurisdiction, year, summary.holidays(), summary.workingDays(), CurrentUser.name(), now);
    }
}
