package org.amity.contact;

import java.sql.Array;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces a customer's contact preferences; a change counts from the next decision on. */
@Service
public class ContactPreferenceService {

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final CustomerService customers;

    ContactPreferenceService(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, CustomerService customers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.customers = customers;
    }

    public ContactPreferences of(UUID customerId) {
        return of(customer(customerId));
    }

    /** Whether the customer has opted out of {@code channel} for {@code purpose}: the one question, in one query. */
    public boolean optedOut(UUID customerId, ContactChannel channel, ContactPurpose purpose) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM contact_opt_out WHERE customer_id = ? AND channel = ? AND purpose = ?)")
                .params(customerId, channel.name(), purpose.name()).query(Boolean.class).single();
    }

    /** The preferences of a customer already loaded (the decision path loads the customer once). */
    public ContactPreferences of(CustomerView customer) {
        UUID customerId = customer.id();
        List<ContactPreferences.OptOut> optOuts = jdbc.sql("SELECT channel, purpose FROM contact_opt_out WHERE customer_id = ? ORDER BY channel, purpose")
                .param(customerId).query((rs, n) -> new ContactPreferences.OptOut(ContactChannel.valueOf(rs.getString(1)),
                        ContactPurpose.valueOf(rs.getString(2)))).list();
        Set<ContactChannel> optIns = EnumSet.noneOf(ContactChannel.class);
        jdbc.sql("SELECT channel FROM marketing_opt_in WHERE customer_id = ?").param(customerId).query(String.class).list()
                .forEach(c -> optIns.add(ContactChannel.valueOf(c)));
        List<ContactPreferences.InconvenientTime> times = jdbc.sql("SELECT days, from_time, to_time FROM inconvenient_time WHERE customer_id = ? ORDER BY position")
                .param(customerId).query((rs, n) -> {
                    Array days = rs.getArray(1);
                    return new ContactPreferences.InconvenientTime(Arrays.stream((String[]) days.getArray()).map(Weekday::valueOf).toList(),
                            rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class));
                }).list();
        record Head(String channel, String language) {
        }
        Head head = jdbc.sql("SELECT preferred_channel, language FROM contact_preference WHERE customer_id = ?").param(customerId)
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2))).optional().orElse(new Head(null, null));
        List<ContactPreferences.PreferredTime> preferred = jdbc.sql("SELECT days, from_time, to_time FROM contact_preferred_time WHERE customer_id = ? ORDER BY position")
                .param(customerId).query((rs, n) -> {
                    Array days = rs.getArray(1);
                    return new ContactPreferences.PreferredTime(Arrays.stream((String[]) days.getArray()).map(Weekday::valueOf).toList(),
                            rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class));
                }).list();
        return new ContactPreferences(optOuts, optIns, head.channel() == null ? null : ContactChannel.valueOf(head.channel()),
                times, head.language() == null ? customer.language() : head.language(), preferred);
    }

    @Transactional
    public ContactPreferences replace(UUID customerId, ContactPreferences requested) {
        if (requested == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "Contact preferences are required");
        }
        ContactPreferences valid = validate(requested);
        ContactPreferences before = of(customerId);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("DELETE FROM contact_opt_out WHERE customer_id = ?").param(customerId).update();
        jdbc.sql("DELETE FROM marketing_opt_in WHERE customer_id = ?").param(customerId).update();
        jdbc.sql("DELETE FROM inconvenient_time WHERE customer_id = ?").param(customerId).update();
        for (ContactPreferences.OptOut o : valid.optOuts()) {
            jdbc.sql("INSERT INTO contact_opt_out (customer_id, channel, purpose, created_at) VALUES (?, ?, ?, ?)")
                    .params(customerId, o.channel().name(), o.purpose().name(), now).update();
        }
        for (ContactChannel c : valid.marketingOptIns()) {
            jdbc.sql("INSERT INTO marketing_opt_in (customer_id, channel, created_at) VALUES (?, ?, ?)")
                    .params(customerId, c.name(), now).update();
        }
        for (int i = 0; i < valid.inconvenientTimes().size(); i++) {
            ContactPreferences.InconvenientTime t = valid.inconvenientTimes().get(i);
            jdbc.sql("INSERT INTO inconvenient_time (customer_id, position, days, from_time, to_time) VALUES (?, ?, ?::text[], ?, ?)")
                    .params(customerId, i, "{" + String.join(",", t.days().stream().map(Enum::name).toList()) + "}",
                            Time.valueOf(t.from()), Time.valueOf(t.to())).update();
        }
        if (valid.preferredTimes() != null) {
            jdbc.sql("DELETE FROM contact_preferred_time WHERE customer_id = ?").param(customerId).update();
            for (int i = 0; i < valid.preferredTimes().size(); i++) {
                ContactPreferences.PreferredTime t = valid.preferredTimes().get(i);
                jdbc.sql("INSERT INTO contact_preferred_time (customer_id, position, days, from_time, to_time) VALUES (?, ?, ?::text[], ?, ?)")
                        .params(customerId, i, "{" + String.join(",", t.days().stream().map(Enum::name).toList()) + "}",
                                Time.valueOf(t.from()), Time.valueOf(t.to())).update();
            }
        }
        jdbc.sql("""
                INSERT INTO contact_preference (customer_id, preferred_channel, language, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET preferred_channel = EXCLUDED.preferred_channel, language = EXCLUDED.language,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .params(customerId, valid.preferredChannel() == null ? null : valid.preferredChannel().name(), valid.language(), now,
                        CurrentUser.name()).update();
        ContactPreferences after = of(customerId);
        audit.record("CONTACT_PREFERENCES_CHANGED", "Customer", customerId.toString(), state(before), state(after));
        return after;
    }

    static ContactPreferences validate(ContactPreferences p) {
        List<ContactPreferences.OptOut> optOuts = p.optOuts() == null ? List.of() : p.optOuts();
        for (int i = 0; i < optOuts.size(); i++) {
            if (optOuts.get(i) == null || optOuts.get(i).channel() == null || optOuts.get(i).purpose() == null) {
                throw ApiProblem.badRequest("FIELD_REQUIRED", "optOuts[" + i + "]", "An opt-out names a channel and a purpose");
            }
        }
        List<ContactPreferences.InconvenientTime> times = p.inconvenientTimes() == null ? List.of() : p.inconvenientTimes();
        for (int i = 0; i < times.size(); i++) {
            ContactPreferences.InconvenientTime t = times.get(i);
            String field = "inconvenientTimes[" + i + "]";
            if (t == null || t.days() == null || t.days().isEmpty() || t.days().contains(null)) {
                throw ApiProblem.badRequest("FIELD_REQUIRED", field + ".days", "Name the days, e.g. [\"MON\",\"TUE\"]")
                        .allowedValues(List.of(Weekday.values()));
            }
            if (t.from() == null || t.to() == null || t.from().equals(t.to())) {
                throw ApiProblem.badRequest("INVALID_TIME_RANGE", field, "Give different from and to times, e.g. 09:00 and 18:00");
            }
        }
        List<ContactPreferences.PreferredTime> preferred = p.preferredTimes();
        for (int i = 0; preferred != null && i < preferred.size(); i++) {
            ContactPreferences.PreferredTime t = preferred.get(i);
            String field = "preferredTimes[" + i + "]";
            if (t == null || t.days() == null || t.days().isEmpty() || t.days().contains(null)) {
                throw ApiProblem.badRequest("FIELD_REQUIRED", field + ".days", "Name the days, e.g. [\"MON\",\"TUE\"]")
                        .allowedValues(List.of(Weekday.values()));
            }
            if (t.from() == null || t.to() == null || t.from().equals(t.to())) {
                throw ApiProblem.badRequest("INVALID_TIME_RANGE", field, "Give different from and to times, e.g. 18:00 and 20:00");
            }
        }
        String language = p.language();
        if (language != null && !CustomerService.LANGUAGES.contains(language)) {
            throw ApiProblem.badRequest("INVALID_ENUM_VALUE", "language", "'" + language + "' is not one of [zh-CN, en]")
                    .allowedValues(List.of("zh-CN", "en"));
        }
        Set<ContactChannel> optIns = p.marketingOptIns() == null || p.marketingOptIns().isEmpty()
                ? EnumSet.noneOf(ContactChannel.class) : EnumSet.copyOf(p.marketingOptIns());
        return new ContactPreferences(List.copyOf(new java.util.LinkedHashSet<>(optOuts)), optIns, p.preferredChannel(),
                List.copyOf(times), language, preferred == null ? null : List.copyOf(preferred));
    }

    private CustomerView customer(UUID customerId) {
        return customers.find(customerId)
                .orElseThrow(() -> ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer with id " + customerId));
    }

    private static Map<String, Object> state(ContactPreferences p) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("optOuts", p.optOuts().stream().map(o -> o.channel() + "/" + o.purpose()).toList());
        state.put("marketingOptIns", new ArrayList<>(p.marketingOptIns()).stream().map(Enum::name).sorted().toList());
        state.put("preferredChannel", p.preferredChannel() == null ? null : p.preferredChannel().name());
        state.put("inconvenientTimes", p.inconvenientTimes().stream().map(t -> t.days() + " " + t.from() + "-" + t.to()).toList());
        state.put("language", p.language());
        state.put("preferredTimes", p.preferredTimes() == null ? List.of()
                : p.preferredTimes().stream().map(t -> t.days() + " " + t.from() + "-" + t.to()).toList());
        return state;
    }
}
