package org.amity.messaging.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactDecisionService.DecisionRequest;
import org.amity.contact.ContactDecisionService.DecisionView;
import org.amity.contact.ContactPreferenceService;
import org.amity.contact.ContactPurpose;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.messaging.Destinations;
import org.amity.messaging.Outbox;
import org.amity.platform.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One message asked for through the API (an app backend, a staff tool): the contact engine decides with
 * {@code reserve: true} and, if it allows, the message is queued in the same transaction — or the reasons come back.
 * The idempotency key makes a retried request one message.
 */
@Service
public class DirectMessages {

    private final ContactDecisionService decisions;
    private final ContactPreferenceService preferences;
    private final CustomerService customers;
    private final Outbox outbox;
    private final TemplateStore templates;

    DirectMessages(ContactDecisionService decisions, ContactPreferenceService preferences, CustomerService customers, Outbox outbox,
                   TemplateStore templates) {
        this.decisions = decisions;
        this.preferences = preferences;
        this.customers = customers;
        this.outbox = outbox;
        this.templates = templates;
    }

    public record SendRequest(UUID customerId, UUID loanId, ContactPurpose purpose, ContactChannel channel, String destination,
                              String templateKey, Map<String, String> variables, String idempotencyKey) {
    }

    public record SendResult(boolean queued, UUID messageId, UUID decisionId, ContactChannel channel, String destination,
                             List<ContactDecisionService.ReasonView> reasons) {
    }

    @Transactional
    public SendResult send(SendRequest r) {
        if (r == null || r.customerId() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "customerId", "customerId is required");
        }
        if (r.purpose() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "purpose", "purpose is required").allowedValues(List.of(ContactPurpose.values()));
        }
        if (r.channel() == null || !TemplateStore.CHANNELS.contains(r.channel()) || r.channel() == ContactChannel.VOICE) {
            throw ApiProblem.badRequest("INVALID_ENUM_VALUE", "channel", "A message goes by SMS, EMAIL, PUSH or LETTER")
                    .allowedValues(List.of("SMS", "EMAIL", "PUSH", "LETTER"));
        }
        if (r.idempotencyKey() == null || r.idempotencyKey().isBlank() || r.idempotencyKey().length() > 150) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "idempotencyKey", "An idempotencyKey of at most 150 characters is required");
        }
        String key = "api:" + r.idempotencyKey();
        var existing = outbox.byIdempotencyKey(key);
        if (existing.isPresent()) {
            return new SendResult(true, existing.get(), null, r.channel(), null, List.of());
        }
        CustomerView customer = customers.find(r.customerId())
                .orElseThrow(() -> ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer with id " + r.customerId()));
        String templateKey = r.templateKey() == null || r.templateKey().isBlank() ? null : r.templateKey().trim();
        String language = preferences.of(customer).language();
        if (templateKey != null && templates.latest(templateKey, r.channel(), language).isEmpty()) {
            throw ApiProblem.badRequest("TEMPLATE_NOT_FOUND", "templateKey", "No template " + templateKey + " for " + r.channel());
        }
        String destination = r.destination() != null && !r.destination().isBlank() ? r.destination()
                : Destinations.of(customer, r.channel()).orElseThrow(() -> ApiProblem.badRequest("NO_DESTINATION",
                        "destination", "The customer has no " + r.channel() + " contact point of their own"));
        DecisionView d = decisions.decide(new DecisionRequest(customer.id(), r.loanId(), r.purpose(), r.channel(), destination, true,
                key, null), null);
        if (!d.allowed()) {
            return new SendResult(false, null, d.decisionId(), r.channel(), d.destination(), d.reasons());
        }
        UUID id = outbox.enqueue(new Outbox.QueuedMessage(customer.id(), r.loanId(), r.purpose(), r.channel(),
                d.destination() == null ? destination : d.destination(), language, templateKey, r.variables(), d.decisionId(), key));
        return new SendResult(true, id, d.decisionId(), r.channel(), d.destination(), List.of());
    }
}
