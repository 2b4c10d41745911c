package org.amity.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.amity.contact.ContactChannel;
import org.amity.identity.CurrentUser;
import org.amity.messaging.ClaimEvidence;
import org.amity.messaging.MessageTemplate;
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
import org.yaml.snakeyaml.Yaml;

/**
 * Message templates, versioned in the database: seeded from {@code messaging/templates.yaml} on first start (each
 * key × channel × language with nothing stored gets version 1; concurrent nodes insert the same rows and all but
 * one do nothing), edited by compliance as new versions, the highest version in use. Latest versions are cached and
 * reloaded when any node has saved a new one.
 */
@Service
public class TemplateStore implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TemplateStore.class);

    public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    public static final Set<ContactChannel> CHANNELS = EnumSet.of(ContactChannel.SMS, ContactChannel.EMAIL, ContactChannel.PUSH,
            ContactChannel.LETTER, ContactChannel.VOICE);
    /** Read from the ledger for every message (see {@link LedgerVariables}). */
    public static final Set<String> LEDGER_VARIABLES = Set.of("customerName", "customerNumber", "loanNumber", "amountDue",
            "currency", "dueDate", "daysPastDue", "portalLink");
    /** Variables that reveal a debt: never in a limited-content message (12 CFR 1006.2(j)). */
    static final Set<String> DEBT_VARIABLES = Set.of("loanNumber", "amountDue", "dueDate", "daysPastDue", "currency");
    static final String OPT_OUT_CONFIRMATION = "OPT_OUT_CONFIRMATION";

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final Bundled bundled;
    private final AtomicReference<Cache> cache = new AtomicReference<>();

    /** The bundled file: opt-out lines per language, the markers that prove one, the words that need a claim. */
    public record Bundled(Map<String, String> optOut, Map<String, String> optOutMarker, List<Map<String, Object>> templates) {
    }

    private record Cache(long stamp, long checkedAtNanos, Map<String, MessageTemplate> latest) {
    }

    TemplateStore(JdbcClient jdbc, BusinessClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.bundled = load();
    }

    @SuppressWarnings("unchecked")
    private static Bundled load() {
        try (InputStream in = new ClassPathResource("messaging/templates.yaml").getInputStream()) {
            Map<String, Object> root = new Yaml().load(in);
            return new Bundled((Map<String, String>) root.get("optOut"), (Map<String, String>) root.get("optOutMarker"),
                    (List<Map<String, Object>>) root.get("templates"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Bundled bundled() {
        return bundled;
    }

    public String optOutLine(String language) {
        return bundled.optOut().get(language);
    }

    public String optOutMarker(String language) {
        return bundled.optOutMarker().get(language);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterSingletonsInstantiated() {
        int seeded = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (Map<String, Object> t : bundled.templates()) {
            String key = (String) t.get("key");
            Map<String, String> subject = (Map<String, String>) t.getOrDefault("subject", Map.of());
            Map<String, String> body = (Map<String, String>) t.get("body");
            List<String> claims = (List<String>) t.getOrDefault("claims", List.of());
            boolean limited = Boolean.TRUE.equals(t.get("limitedContent"));
            boolean exempt = Boolean.TRUE.equals(t.get("optOutExempt"));
            for (String channelName : (List<String>) t.get("channels")) {
                ContactChannel channel = ContactChannel.valueOf(channelName);
                for (String language : body.keySet()) {
                    String text = body.get(language);
                    if (MessageTemplate.electronic(channel) && !exempt) {
                        text = text + " " + optOutLine(language);
                    }
                    seeded += jdbc.sql("""
                            INSERT INTO message_template (id, template_key, channel, language, version, subject, body, claims,
                                limited_content, opt_out_exempt, comment, created_at, created_by)
                            SELECT ?, ?, ?, ?, 1, ?, ?, ?::text[], ?, ?, 'bundled', ?, 'system'
                             WHERE NOT EXISTS (SELECT 1 FROM message_template WHERE template_key = ? AND channel = ? AND language = ?)
                            ON CONFLICT DO NOTHING""")
                            .params(UUID.randomUUID(), key, channel.name(), language, subject.get(language), text,
                                    "{" + String.join(",", claims) + "}", limited, exempt, now, key, channel.name(), language)
                            .update();
                }
            }
        }
        if (seeded > 0) {
            log.info("Seeded {} message templates from messaging/templates.yaml", seeded);
        }
    }

    /** The version in use for key × channel × language, falling back to the other language if none exists. */
    public Optional<MessageTemplate> latest(String key, ContactChannel channel, String language) {
        Map<String, MessageTemplate> latest = cached();
        MessageTemplate t = latest.get(id(key, channel, language));
        if (t == null) {
            t = latest.get(id(key, channel, "zh-CN".equals(language) ? "en" : "zh-CN"));
        }
        return Optional.ofNullable(t);
    }

    public List<MessageTemplate> allLatest() {
        return cached().values().stream()
                .sorted(java.util.Comparator.comparing(MessageTemplate::key).thenComparing(MessageTemplate::channel)
                        .thenComparing(MessageTemplate::language))
                .toList();
    }

    public List<MessageTemplate> history(String key, ContactChannel channel, String language) {
        return jdbc.sql("SELECT * FROM message_template WHERE template_key = ? AND channel = ? AND language = ? ORDER BY version DESC")
                .params(key, channel.name(), language).query(TemplateStore::map).list();
    }

    private static String id(String key, ContactChannel channel, String language) {
        return key + "|" + channel + "|" + language;
    }

    private Map<String, MessageTemplate> cached() {
        Cache c = cache.get();
        long nanos = System.nanoTime();
        if (c != null && nanos - c.checkedAtNanos() < 2_000_000_000L) {
            return c.latest();
        }
        long stamp = jdbc.sql("SELECT count(*) FROM message_template").query(Long.class).single();
        if (c != null && c.stamp() == stamp) {
            cache.set(new Cache(stamp, nanos, c.latest()));
            return c.latest();
        }
        Map<String, MessageTemplate> latest = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (template_key, channel, language) * FROM message_template
                 ORDER BY template_key, channel, language, version DESC""")
                .query(TemplateStore::map).list()
                .forEach(t -> latest.put(id(t.key(), t.channel(), t.language()), t));
        cache.set(new Cache(stamp, nanos, Map.copyOf(latest)));
        return latest;
    }

    /** A new version as staff submit it; {@code basedOnVersion} guards against overwriting a colleague's change. */
    public record NewVersion(String key, ContactChannel channel, String language, String subject, String body,
                             Set<ClaimEvidence.Claim> claims, Boolean limitedContent, String comment, Integer basedOnVersion) {
    }

    /** Problems that keep a version from being saved, each as {@code code: message}; empty when it can be saved. */
    public List<Problem> validate(NewVersion v) {
        List<Problem> problems = new ArrayList<>();
        if (v.key() == null || !v.key().matches("^[A-Z][A-Z0-9_]{1,63}$")) {
            problems.add(new Problem("INVALID_TEMPLATE_KEY", "key", "A key is upper-case letters, digits and _, e.g. COLLECTION"));
        }
        if (v.channel() == null || !CHANNELS.contains(v.channel())) {
            problems.add(new Problem("INVALID_ENUM_VALUE", "channel", "Templates exist for " + CHANNELS));
        }
        if (v.language() == null || !LANGUAGES.contains(v.language())) {
            problems.add(new Problem("INVALID_ENUM_VALUE", "language", "language is zh-CN or en"));
        }
        if (v.body() == null || v.body().isBlank()) {
            problems.add(new Problem("FIELD_REQUIRED", "body", "The text is required"));
            return problems;
        }
        if (v.body().length() > 4000 || (v.subject() != null && v.subject().length() > 200)) {
            problems.add(new Problem("FIELD_TOO_LONG", "body", "At most 4,000 characters of text and 200 of subject"));
        }
        for (String error : TemplateText.syntaxErrors(v.body())) {
            problems.add(new Problem("TEMPLATE_SYNTAX", "body", error));
        }
        for (String error : TemplateText.syntaxErrors(v.subject())) {
            problems.add(new Problem("TEMPLATE_SYNTAX", "subject", error));
        }
        if (v.channel() == ContactChannel.EMAIL && (v.subject() == null || v.subject().isBlank())) {
            problems.add(new Problem("FIELD_REQUIRED", "subject", "An e-mail needs a subject"));
        }
        Set<String> used = new java.util.LinkedHashSet<>(TemplateText.variables(v.body()));
        used.addAll(TemplateText.variables(v.subject()));
        for (String name : used) {
            boolean hasDefault = (v.body() + " " + (v.subject() == null ? "" : v.subject())).matches("(?s).*\\{\\{\\s*" + name + "\\s*\\|.*");
            if (!LEDGER_VARIABLES.contains(name) && !MESSAGE_VARIABLES.contains(name) && !hasDefault) {
                problems.add(new Problem("UNKNOWN_VARIABLE", "body", "{{" + name + "}} is not a known variable; known: "
                        + new java.util.TreeSet<>(LEDGER_VARIABLES) + " and " + new java.util.TreeSet<>(MESSAGE_VARIABLES)
                        + ", or give a default: {{" + name + "|text}}"));
            }
        }
        boolean exempt = OPT_OUT_CONFIRMATION.equals(v.key());
        if (v.channel() != null && MessageTemplate.electronic(v.channel()) && !exempt && v.language() != null
                && LANGUAGES.contains(v.language()) && !TemplateText.contains(v.body(), optOutMarker(v.language()))) {
            problems.add(new Problem("OPT_OUT_MISSING", "body", "An electronic message must tell how to opt out: include \""
                    + optOutLine(v.language()) + "\" (12 CFR 1006.6(e))"));
        }
        if (Boolean.TRUE.equals(v.limitedContent())) {
            if (used.stream().anyMatch(DEBT_VARIABLES::contains) || ClaimWords.mentionsDebt(v.body())) {
                problems.add(new Problem("LIMITED_CONTENT_REVEALS_DEBT", "body",
                        "A limited-content message names the business and asks for a reply, and reveals no debt (12 CFR 1006.2(j))"));
            }
        }
        Set<ClaimEvidence.Claim> claims = v.claims() == null ? Set.of() : v.claims();
        // a complaint notice may propose a visit for the customer to accept: a question, not a claim
        boolean complaintNotice = v.key() != null && v.key().startsWith("COMPLAINT_");
        for (ClaimEvidence.Claim claim : complaintNotice ? Set.<ClaimEvidence.Claim>of() : ClaimWords.claimsIn(v.body() + " " + (v.subject() == null ? "" : v.subject()))) {
            if (!claims.contains(claim)) {
                problems.add(new Problem("CLAIM_UNDECLARED", "claims", "The text mentions " + claim
                        + ": mark the template with that claim so it is sent only when a genuine record exists"));
            }
        }
        return problems;
    }

    /** Variables that messages bring themselves (notices and the plan), besides the ledger's. */
    public static final Set<String> MESSAGE_VARIABLES = Set.of("code", "court", "caseReference", "visitTime", "text", "offer",
            "complaintNumber", "deadline", "update", "slots", "summary", "agentName", "callbackNumber");

    public record Problem(String code, String field, String message) {
    }

    @Transactional
    public MessageTemplate save(NewVersion v) {
        List<Problem> problems = validate(v);
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            throw ApiProblem.badRequest(p.code(), p.field(), p.message());
        }
        // serialise versions of one template across nodes
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(id(v.key(), v.channel(), v.language())).query().singleValue();
        List<MessageTemplate> history = history(v.key(), v.channel(), v.language());
        MessageTemplate before = history.isEmpty() ? null : history.get(0);
        int current = before == null ? 0 : before.version();
        if (v.basedOnVersion() != null && v.basedOnVersion() != current) {
            throw ApiProblem.conflict("TEMPLATE_CHANGED", "basedOnVersion", "Version " + current
                    + " was saved since you opened version " + v.basedOnVersion() + "; reload and apply your change again");
        }
        UUID id = UUID.randomUUID();
        Set<ClaimEvidence.Claim> claims = v.claims() == null ? Set.of() : v.claims();
        jdbc.sql("""
                INSERT INTO message_template (id, template_key, channel, language, version, subject, body, claims, limited_content,
                    opt_out_exempt, comment, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)""")
                .params(id, v.key(), v.channel().name(), v.language(), current + 1, blankToNull(v.subject()), v.body(),
                        "{" + String.join(",", claims.stream().map(Enum::name).sorted().toList()) + "}",
                        Boolean.TRUE.equals(v.limitedContent()), OPT_OUT_CONFIRMATION.equals(v.key()), blankToNull(v.comment()),
                        Timestamp.from(clock.instant()), CurrentUser.name())
                .update();
        MessageTemplate saved = history(v.key(), v.channel(), v.language()).get(0);
        audit.record("MESSAGE_TEMPLATE_SAVED", "MessageTemplate", id(v.key(), v.channel(), v.language()),
                before == null ? null : state(before), state(saved));
        cache.set(null);
        return saved;
    }

    private static Map<String, Object> state(MessageTemplate t) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("version", t.version());
        s.put("subject", t.subject());
        s.put("body", t.body());
        s.put("claims", t.claims().stream().map(Enum::name).sorted().toList());
        s.put("limitedContent", t.limitedContent());
        s.put("comment", t.comment());
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static MessageTemplate map(ResultSet rs, int n) throws SQLException {
        Array claims = rs.getArray("claims");
        Set<ClaimEvidence.Claim> set = EnumSet.noneOf(ClaimEvidence.Claim.class);
        Arrays.stream((String[]) claims.getArray()).map(ClaimEvidence.Claim::valueOf).forEach(set::add);
        return new MessageTemplate(rs.getObject("id", UUID.class), rs.getString("template_key"),
                ContactChannel.valueOf(rs.getString("channel")), rs.getString("language"), rs.getInt("version"),
                rs.getString("subject"), rs.getString("body"), set, rs.getBoolean("limited_content"),
                rs.getBoolean("opt_out_exempt"), rs.getString("comment"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
