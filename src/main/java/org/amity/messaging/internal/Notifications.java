package org.amity.messaging.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactDecisionService.DecisionRequest;
import org.amity.contact.ContactDecisionService.DecisionView;
import org.amity.contact.ContactPreferenceService;
import org.amity.contact.ContactPreferences;
import org.amity.contact.ProgressContactAvoided;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.messaging.Destinations;
import org.amity.messaging.Notice;
import org.amity.messaging.NotificationRequested;
import org.amity.messaging.Outbox;
import org.amity.platform.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the notices other modules ask for. The listeners run after the asker's transaction commits, in their own
 * transaction, from Spring Modulith's JDBC event publication registry: a crash before they finish leaves the
 * publication incomplete and it is delivered again on restart; decisions and the outbox are idempotent on keys
 * derived from the request's key, so a redelivery sends nothing twice.
 *
 * <p>The channel: the required one if the notice names it; else the customer's preferred channel if it is
 * electronic, then SMS → EMAIL → PUSH (least intrusive first). Each candidate is decided with {@code reserve: true}
 * for the notice's purpose; the first allowed one gets the message, in the same transaction as its decision. If none
 * is allowed, the refusal and every channel's reasons are recorded ({@code notification_refused}, shown in the
 * console).
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<ContactChannel> LEAST_INTRUSIVE = List.of(ContactChannel.SMS, ContactChannel.EMAIL, ContactChannel.PUSH);

    private final ContactDecisionService decisions;
    private final ContactPreferenceService preferences;
    private final CustomerService customers;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final String applicationsPage;

    Notifications(ContactDecisionService decisions, ContactPreferenceService preferences, CustomerService customers, Outbox outbox,
                  JdbcClient jdbc, BusinessClock clock, MessagingProperties properties) {
        this.applicationsPage = properties.portalLink() + "/applications";
        this.decisions = decisions;
        this.preferences = preferences;
        this.customers = customers;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(NotificationRequested request) {
        send(request);
    }

    /** A progress call nobody needs was refused: the customer gets the portal link instead, at most once a day. */
    @ApplicationModuleListener
    void on(ProgressContactAvoided avoided) {
        LocalDate today = LocalDate.ofInstant(avoided.at(), clock.bankZone());
        // straight to the page with the application's timeline and checklist
        send(new NotificationRequested(avoided.customerId(), avoided.loanId(), Notice.PORTAL_LINK, null,
                Map.of("portalLink", applicationsPage),
                "portal-link:" + avoided.customerId() + ":" + today));
    }

    public sealed interface Outcome permits Queued, Refused {
    }

    public record Queued(UUID messageId, ContactChannel channel) implements Outcome {
    }

    public record Refused(Map<ContactChannel, List<String>> reasons) implements Outcome {
    }

    @Transactional
    public Outcome send(NotificationRequested r) {
        String key = "notice:" + r.idempotencyKey();
        Optional<UUID> existing = outbox.byIdempotencyKey(key);
        if (existing.isPresent()) {
            return new Queued(existing.get(), null);
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM notification_refused WHERE idempotency_key = ?)").param(key)
                .query(Boolean.class).single()) {
            return new Refused(Map.of());
        }
        CustomerView customer = customers.find(r.customerId()).orElse(null);
        if (customer == null) {
            log.warn("Notice {} for unknown customer {} dropped", r.notice(), r.customerId());
            return new Refused(Map.of());
        }
        ContactPreferences prefs = preferences.of(customer);
        Map<ContactChannel, List<String>> reasons = new LinkedHashMap<>();
        for (ContactChannel channel : candidates(r, prefs)) {
            Optional<String> destination = Destinations.of(customer, channel);
            if (destination.isEmpty()) {
                reasons.put(channel, List.of("NO_DESTINATION"));
                continue;
            }
            DecisionView d = decisions.decide(new DecisionRequest(customer.id(), r.loanId(), r.notice().purpose(), channel,
                    destination.get(), true, key + ":" + channel, null), null);
            if (d.allowed()) {
                UUID id = outbox.enqueue(new Outbox.QueuedMessage(customer.id(), r.loanId(), r.notice().purpose(), channel,
                        destination.get(), prefs.language(), r.notice().name(), r.variables(), d.decisionId(), key));
                return new Queued(id, channel);
            }
            reasons.put(channel, d.reasons().stream().map(ContactDecisionService.ReasonView::code).toList());
        }
        jdbc.sql("""
                INSERT INTO notification_refused (id, customer_id, loan_id, notice, idempotency_key, reasons, refused_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(UUID.randomUUID(), customer.id(), r.loanId(), r.notice().name(), key, JSON.writeValueAsString(reasons),
                        Timestamp.from(clock.instant()))
                .update();
        log.info("Notice {} for customer {} not sent: {}", r.notice(), customer.id(), reasons);
        return new Refused(reasons);
    }

    static List<ContactChannel> candidates(NotificationRequested r, ContactPreferences prefs) {
        if (r.channel() != null) {
            return List.of(r.channel());
        }
        if (r.notice() == Notice.ONE_TIME_CODE) {
            return List.of(ContactChannel.SMS);
        }
        Set<ContactChannel> order = new LinkedHashSet<>();
        if (prefs.preferredChannel() != null && LEAST_INTRUSIVE.contains(prefs.preferredChannel())) {
            order.add(prefs.preferredChannel());
        }
        order.addAll(LEAST_INTRUSIVE);
        return new ArrayList<>(order);
    }

    public record RefusedNotice(UUID id, UUID customerId, UUID loanId, String notice, String reasons, java.time.Instant refusedAt) {
    }

    public List<RefusedNotice> refused(UUID customerId, int limit) {
        String where = customerId == null ? "" : " WHERE customer_id = :c";
        var q = jdbc.sql("SELECT * FROM notification_refused" + where + " ORDER BY refused_at DESC LIMIT :n").param("n", limit);
        if (customerId != null) {
            q = q.param("c", customerId);
        }
        return q.query((rs, n) -> new RefusedNotice(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("loan_id", UUID.class), rs.getString("notice"), rs.getString("reasons"),
                rs.getTimestamp("refused_at").toInstant())).list();
    }
}
