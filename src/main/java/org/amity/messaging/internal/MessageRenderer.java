package org.amity.messaging.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.amity.messaging.MessageTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a queued message into its text: the template in use for its key (or its purpose) × channel × language,
 * filled from the ledger and the message's own variables. An electronic message always carries the opt-out line:
 * if a template somehow lacks it, it is appended here (the save-time check is the first guard, this the second).
 */
@Component
public class MessageRenderer {

    private final TemplateStore templates;
    private final LedgerVariables ledger;

    MessageRenderer(TemplateStore templates, LedgerVariables ledger) {
        this.templates = templates;
        this.ledger = ledger;
    }

    public record Rendered(MessageTemplate template, String subject, String body) {
    }

    /** The template could not be found or filled: the message cannot be sent as asked. */
    public static final class RenderException extends RuntimeException {
        private final String code;

        RenderException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public MessageTemplate templateFor(String templateKey, ContactPurpose purpose, ContactChannel channel, String language) {
        String key = templateKey == null ? purpose.name() : templateKey;
        return templates.latest(key, channel, language).orElseThrow(() -> new RenderException("TEMPLATE_NOT_FOUND",
                "No template " + key + " for " + channel + " in " + language));
    }

    public Rendered render(String templateKey, ContactPurpose purpose, ContactChannel channel, String language, UUID customerId,
                           UUID loanId, Map<String, String> variables, Instant at) {
        return render(templateFor(templateKey, purpose, channel, language), customerId, loanId, variables, at);
    }

    public Rendered render(MessageTemplate t, UUID customerId, UUID loanId, Map<String, String> variables, Instant at) {
        return render(t, customerId, loanId, variables, at, Map.of());
    }

    public Rendered render(MessageTemplate t, UUID customerId, UUID loanId, Map<String, String> variables, Instant at,
                           Map<UUID, org.amity.ledger.CustomerView> prefetched) {
        Set<String> needed = new LinkedHashSet<>(TemplateText.variables(t.body()));
        needed.addAll(TemplateText.variables(t.subject()));
        Map<String, String> values = ledger.resolve(customerId, loanId, needed, variables, at, prefetched);
        try {
            String body = TemplateText.render(t.body(), values);
            String subject = TemplateText.render(t.subject(), values);
            if (MessageTemplate.electronic(t.channel()) && !t.optOutExempt()
                    && !TemplateText.contains(body, templates.optOutMarker(t.language()))) {
                body = body + " " + templates.optOutLine(t.language());
            }
            return new Rendered(t, subject, body);
        } catch (TemplateText.MissingVariable e) {
            throw new RenderException("TEMPLATE_VARIABLE_MISSING", "Template " + t.key() + " v" + t.version() + ": " + e.getMessage());
        }
    }
}
