package org.amity.messaging.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPreferenceService;
import org.amity.contact.ContactPreferences;
import org.amity.contact.ContactPurpose;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.messaging.Outbox;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.amity.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inbound SMS: an opt-out keyword ({@code messaging/keywords.yaml}) from a customer's own phone opts that customer
 * out of SMS at once — every purpose except those the keyword file keeps — through the contact preferences (so the
 * very next decision refuses SMS; audited), and queues exactly one confirmation text. The same provider message
 * twice, or a second keyword while already opted out, changes nothing and sends nothing.
 */
@Service
public class InboundSms {

    private static final Logger log = LoggerFactory.getLogger(InboundSms.class);

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final CustomerService customers;
    private final ContactPreferenceService preferences;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Set<String> keywords;
    private final Set<ContactPurpose> keep;
    private final OptOutKeywords matcher;

    InboundSms(JdbcClient jdbc, BusinessClock clock, CustomerService customers, ContactPreferenceService preferences, Outbox outbox,
               AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.customers = customers;
        this.preferences = preferences;
        this.outbox = outbox;
        this.audit = audit;
        OptOutKeywords bundled = OptOutKeywords.bundled();
        this.keywords = bundled.keywords();
        this.keep = bundled.keepPurposes();
        this.matcher = bundled;
    }

    public record Inbound(String id, String from, String to, String text) {
    }

    public enum Action { OPTED_OUT, ALREADY_OPTED_OUT, UNKNOWN_SENDER, NOT_A_KEYWORD, DUPLICATE }

    public record Handled(Action action, String keyword, List<UUID> customers, List<UUID> confirmations) {
    }

    public Set<String> keywords() {
        return keywords;
    }

    public java.util.Optional<String> keyword(String text) {
        return matcher.match(text);
    }

    @Transactional
    public Handled handle(Inbound in) {
        if (in == null || in.from() == null || in.from().isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "from", "from (the sender's number) is required");
        }
        String text = in.text() == null ? "" : in.text();
        String from;
        try {
            from = CustomerService.normalisePhone(in.from(), "CN", "from");
        } catch (ApiProblem e) {
            from = in.from().trim();
        }
        String keyword = keyword(text).orElse(null);
        List<CustomerView> senders = senders(from);
        UUID inboundId = UUID.randomUUID();
        Action action = keyword == null ? Action.NOT_A_KEYWORD : senders.isEmpty() ? Action.UNKNOWN_SENDER : Action.OPTED_OUT;
        int inserted = jdbc.sql("""
                INSERT INTO inbound_sms (id, provider_id, customer_id, from_number, body, keyword, action, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider_id) DO NOTHING""")
                .params(inboundId, blankToNull(in.id()), senders.isEmpty() ? null : senders.get(0).id(), from,
                        text.length() > 1000 ? text.substring(0, 1000) : text, keyword, action.name(), Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return new Handled(Action.DUPLICATE, keyword, List.of(), List.of());
        }
        if (action != Action.OPTED_OUT) {
            log.info("Inbound SMS from {}: {}", PersonalData.maskPhone(from), action);
            return new Handled(action, keyword, senders.stream().map(CustomerView::id).toList(), List.of());
        }
        List<UUID> changed = new ArrayList<>();
        List<UUID> confirmations = new ArrayList<>();
        for (CustomerView customer : senders) {
            UUID c = customer.id();
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(c.getMostSignificantBits() ^ c.getLeastSignificantBits() ^ 0x534d53L)
                    .query().singleValue();
            ContactPreferences before = preferences.of(c);
            List<ContactPreferences.OptOut> optOuts = new ArrayList<>(before.optOuts());
            boolean added = false;
            for (ContactPurpose purpose : ContactPurpose.values()) {
                if (!keep.contains(purpose) && !before.optedOut(ContactChannel.SMS, purpose)) {
                    optOuts.add(new ContactPreferences.OptOut(ContactChannel.SMS, purpose));
                    added = true;
                }
            }
            if (!added) {
                continue;
            }
            preferences.replace(c, new ContactPreferences(optOuts, before.marketingOptIns(), before.preferredChannel() == ContactChannel.SMS
                    ? null : before.preferredChannel(), before.inconvenientTimes(), before.language()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("from", PersonalData.maskPhone(from));
            after.put("keyword", keyword);
            after.put("optedOutOf", "SMS");
            audit.record("SMS_OPT_OUT_KEYWORD", "Customer", c.toString(), null, after);
            confirmations.add(outbox.enqueueReply(c, ContactPurpose.SERVICE, ContactChannel.SMS, from, before.language(),
                    TemplateStore.OPT_OUT_CONFIRMATION, "sms-opt-out-confirmation:" + inboundId + ":" + c));
            changed.add(c);
        }
        if (changed.isEmpty()) {
            jdbc.sql("UPDATE inbound_sms SET action = ? WHERE id = ?").params(Action.ALREADY_OPTED_OUT.name(), inboundId).update();
            return new Handled(Action.ALREADY_OPTED_OUT, keyword, senders.stream().map(CustomerView::id).toList(), List.of());
        }
        log.info("SMS opt-out by keyword from {} for {} customer(s)", PersonalData.maskPhone(from), changed.size());
        return new Handled(Action.OPTED_OUT, keyword, changed, confirmations);
    }

    /** Customers for whom the number is their own (a number on file as someone else's opts nobody out). */
    private List<CustomerView> senders(String e164) {
        List<CustomerView> found = new ArrayList<>();
        for (CustomerService.SearchHit hit : customers.search(e164, 20)) {
            customers.find(hit.id()).filter(c -> c.contactPoints().stream().anyMatch(p -> p.type() == CustomerView.ContactType.PHONE
                    && p.owner() == CustomerView.ContactOwner.SELF && p.value().equals(e164))).ifPresent(found::add);
        }
        return found;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
