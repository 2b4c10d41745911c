package org.amity.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.amity.ledger.CustomerView.Address;
import org.amity.ledger.CustomerView.ContactOwner;
import org.amity.ledger.CustomerView.ContactPoint;
import org.amity.ledger.CustomerView.ContactType;
import org.amity.ledger.internal.PhoneNumbers;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers customers and their contact points, and finds them. */
@Service
public class CustomerService {

    public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern NATIONAL_ID = Pattern.compile("^[0-9A-Za-z]{6,32}$");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    CustomerService(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public record NewContactPoint(ContactType type, String value, Boolean verified, ContactOwner owner) {
    }

    public record NewCustomer(String externalId, String name, String nationalId, String language, Address address,
                              List<NewContactPoint> contactPoints) {
    }

    /** A validated customer ready to store: phones in E.164, zone and country checked. */
    public record ValidCustomer(UUID id, String externalId, String name, String nationalId, String language,
                                Address address, List<ContactPoint> contactPoints) {
    }

    @Transactional
    public CustomerView register(NewCustomer request) {
        ValidCustomer c = validate(request);
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM customer WHERE external_id = ?)").param(c.externalId())
                .query(Boolean.class).single()) {
            throw ApiProblem.conflict("DUPLICATE_EXTERNAL_ID", "externalId", "A customer with externalId '"
                    + c.externalId() + "' already exists");
        }
        insert(c);
        CustomerView view = find(c.id()).orElseThrow();
        audit.record("CUSTOMER_CREATED", "Customer", c.id().toString(), null, auditState(view));
        return view;
    }

    /** Validates a new customer; throws a problem naming the first offending field. */
    public static ValidCustomer validate(NewCustomer r) {
        if (r == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A customer is required");
        }
        String externalId = required(r.externalId(), "externalId", 64);
        String name = required(r.name(), "name", 200);
        String nationalId = required(r.nationalId(), "nationalId", 32);
        if (!NATIONAL_ID.matcher(nationalId).matches()) {
            throw ApiProblem.badRequest("INVALID_NATIONAL_ID", "nationalId", "A national id is 6–32 letters and digits");
        }
        String language = required(r.language(), "language", 10);
        if (!LANGUAGES.contains(language)) {
            throw ApiProblem.badRequest("INVALID_ENUM_VALUE", "language", "'" + language + "' is not one of [zh-CN, en]")
                    .allowedValues(List.of("zh-CN", "en"));
        }
        Address a = r.address();
        if (a == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "address", "address is required");
        }
        String country = required(a.country(), "address.country", 2).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw ApiProblem.badRequest("INVALID_COUNTRY", "address.country", "'" + a.country() + "' is not an ISO 3166 two-letter country code");
        }
        String zone = required(a.timeZone(), "address.timeZone", 64);
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest("INVALID_TIME_ZONE", "address.timeZone", "'" + zone + "' is not an IANA time zone such as Asia/Shanghai");
        }
        Address address = new Address(country, trim(a.region()), trim(a.city()), trim(a.line()), zone);
        List<ContactPoint> points = new ArrayList<>();
        List<NewContactPoint> given = r.contactPoints() == null ? List.of() : r.contactPoints();
        for (int i = 0; i < given.size(); i++) {
            NewContactPoint p = given.get(i);
            String field = "contactPoints[" + i + "]";
            if (p.type() == null) {
                throw ApiProblem.badRequest("FIELD_REQUIRED", field + ".type", "type is required")
                        .allowedValues(List.of(ContactType.values()));
            }
            String value = switch (p.type()) {
                case PHONE -> PhoneNumbers.toE164(p.value(), country, field + ".value");
                case EMAIL -> {
                    String email = required(p.value(), field + ".value", 254).toLowerCase(Locale.ROOT);
                    if (!EMAIL.matcher(email).matches()) {
                        throw ApiProblem.badRequest("INVALID_EMAIL", field + ".value", "'" + p.value() + "' is not an email address");
                    }
                    yield email;
                }
            };
            ContactPoint point = new ContactPoint(UUID.randomUUID(), p.type(), value, Boolean.TRUE.equals(p.verified()),
                    p.owner() == null ? ContactOwner.SELF : p.owner());
            if (points.stream().anyMatch(q -> q.type() == point.type() && q.value().equals(point.value()))) {
                throw ApiProblem.badRequest("DUPLICATE_CONTACT_POINT", field + ".value", "The same contact point is listed twice");
            }
            points.add(point);
        }
        return new ValidCustomer(UUID.randomUUID(), externalId, name, nationalId, language, address, points);
    }

    void insert(ValidCustomer c) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO customer (id, external_id, name, national_id, national_id_last4, language, country, region,
                                      city, address_line, time_zone, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.externalId(), c.name(), c.nationalId(), last4(c.nationalId()), c.language(),
                        c.address().country(), c.address().region(), c.address().city(), c.address().line(),
                        c.address().timeZone(), now)
                .update();
        for (ContactPoint p : c.contactPoints()) {
            jdbc.sql("INSERT INTO contact_point (id, customer_id, type, value, verified, owner, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(p.id(), c.id(), p.type().name(), p.value(), p.verified(), p.owner().name(), now).update();
        }
    }

    /** Normalises a phone number to E.164 as the customer registration does; a problem on {@code field} if unusable. */
    public static String normalisePhone(String raw, String defaultRegion, String field) {
        return PhoneNumbers.toE164(raw, defaultRegion, field);
    }

    /** The customer's name alone (a greeting needs nothing else). */
    public Optional<String> nameOf(UUID id) {
        return jdbc.sql("SELECT name FROM customer WHERE id = ?").param(id).query(String.class).optional();
    }

    /**
     * The number {@link #normalisePhone} would normalise, as libphonenumber parsed and validated it: for a caller that
     * needs more of it than its E.164 text (e.g. the zones it may be in) without parsing it again.
     */
    public static com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsePhone(String raw, String defaultRegion, String field) {
        return PhoneNumbers.parse(raw, defaultRegion, field);
    }

    public Optional<CustomerView> find(UUID id) {
        Optional<CustomerView> customer = jdbc.sql("SELECT * FROM customer WHERE id = ?").param(id)
                .query(CustomerService::mapCustomer).optional();
        return customer.map(c -> withContactPoints(c, contactPoints(c.id())));
    }

    /** Many customers in two queries (customers, then their contact points), e.g. for a batch of messages. */
    public Map<UUID, CustomerView> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        UUID[] array = ids.stream().distinct().toArray(UUID[]::new);
        Map<UUID, List<ContactPoint>> points = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM contact_point WHERE customer_id = ANY(?) ORDER BY type, created_at, value").param(array)
                .query((rs, n) -> {
                    points.computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new ArrayList<>()).add(new ContactPoint(
                            rs.getObject("id", UUID.class), ContactType.valueOf(rs.getString("type")), rs.getString("value"),
                            rs.getBoolean("verified"), ContactOwner.valueOf(rs.getString("owner"))));
                    return null;
                }).list();
        Map<UUID, CustomerView> found = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM customer WHERE id = ANY(?)").param(array).query(CustomerService::mapCustomer).list()
                .forEach(c -> found.put(c.id(), withContactPoints(c, points.getOrDefault(c.id(), List.of()))));
        return found;
    }

    public Optional<CustomerView> findByExternalId(String externalId) {
        return jdbc.sql("SELECT id FROM customer WHERE external_id = ?").param(externalId).query(UUID.class).optional()
                .flatMap(this::find);
    }

    public List<ContactPoint> contactPoints(UUID customerId) {
        return jdbc.sql("SELECT * FROM contact_point WHERE customer_id = ? ORDER BY type, created_at, value").param(customerId)
                .query((rs, n) -> new ContactPoint(rs.getObject("id", UUID.class), ContactType.valueOf(rs.getString("type")),
                        rs.getString("value"), rs.getBoolean("verified"), ContactOwner.valueOf(rs.getString("owner"))))
                .list();
    }

    /** Search hit for the console: enough to recognise the customer, with personal data masked. */
    public record SearchHit(UUID id, String externalId, String name, String nationalIdMasked, String country, String city,
                            long loans) {
    }

    /**
     * Finds customers by name (prefix, case-insensitive), phone (any format that normalises to the same E.164),
     * the last four characters of the national id, or a customer or loan external id.
     */
    public List<SearchHit> search(String query, int limit) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        Map<UUID, SearchHit> hits = new LinkedHashMap<>();
        String phone = null;
        if (q.matches("^[+0-9 ()-]{6,}$")) {
            try {
                phone = PhoneNumbers.toE164(q, "CN", "q");
            } catch (ApiProblem ignored) {
                phone = null;
            }
        }
        String sql = """
                SELECT c.*, (SELECT count(*) FROM loan l WHERE l.customer_id = c.id) AS loans FROM customer c
                 WHERE c.id IN (
                   SELECT id FROM customer WHERE lower(name) LIKE lower(:prefix) ESCAPE '\\'
                   UNION SELECT id FROM customer WHERE external_id = :q
                   UNION SELECT id FROM customer WHERE national_id_last4 = :last4
                   UNION SELECT customer_id FROM loan WHERE external_id = :q
                   UNION SELECT customer_id FROM contact_point WHERE value = :phone OR value = lower(:q))
                 ORDER BY c.name, c.external_id LIMIT :limit""";
        jdbc.sql(sql)
                .param("prefix", q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("q", q)
                .param("last4", q.length() == 4 ? q.toUpperCase(Locale.ROOT) : "-")
                .param("phone", phone == null ? "-" : phone)
                .param("limit", limit)
                .query((rs, n) -> new SearchHit(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getString("name"),
                        PersonalData.maskNationalId(rs.getString("national_id")), rs.getString("country"), rs.getString("city"),
                        rs.getLong("loans")))
                .list().forEach(h -> hits.put(h.id(), h));
        return List.copyOf(hits.values());
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
    }

    static Map<String, Object> auditState(CustomerView c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("externalId", c.externalId());
        state.put("name", c.name());
        state.put("nationalId", c.nationalIdMasked());
        state.put("language", c.language());
        state.put("country", c.address().country());
        state.put("timeZone", c.address().timeZone());
        state.put("contactPoints", c.contactPoints().stream()
                .map(p -> p.type() + ":" + p.masked() + ":" + p.owner() + (p.verified() ? ":verified" : "")).toList());
        return state;
    }

    static String last4(String nationalId) {
        return nationalId.substring(Math.max(0, nationalId.length() - 4)).toUpperCase(Locale.ROOT);
    }

    private static CustomerView withContactPoints(CustomerView c, List<ContactPoint> points) {
        return new CustomerView(c.id(), c.externalId(), c.name(), c.nationalIdMasked(), c.language(), c.address(), points, c.createdAt());
    }

    private static CustomerView mapCustomer(ResultSet rs, int n) throws SQLException {
        return new CustomerView(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getString("name"),
                PersonalData.maskNationalId(rs.getString("national_id")), rs.getString("language"),
                new Address(rs.getString("country"), rs.getString("region"), rs.getString("city"),
                        rs.getString("address_line"), rs.getString("time_zone")),
                List.of(), rs.getTimestamp("created_at").toInstant());
    }

    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", field, field + " is required");
        }
        String v = value.trim();
        if (v.length() > maxLength) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", field, field + " is longer than " + maxLength + " characters");
        }
        return v;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
