package org.amity.messaging.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.identity.CurrentUser;
import org.amity.messaging.LitigationRecord;
import org.amity.messaging.MessageTemplate;
import org.amity.messaging.MessageView;
import org.amity.messaging.internal.DirectMessages;
import org.amity.messaging.internal.LitigationRegister;
import org.amity.messaging.internal.MessageQueries;
import org.amity.messaging.internal.Notifications;
import org.amity.messaging.internal.TemplatePreview;
import org.amity.messaging.internal.TemplateStore;
import org.amity.platform.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Messages, templates and the litigation register over JSON. */
@RestController
@Tag(name = "Messaging")
class MessagingApi {

    private final MessageQueries messages;
    private final TemplateStore templates;
    private final TemplatePreview preview;
    private final LitigationRegister litigation;
    private final Notifications notifications;
    private final DirectMessages direct;

    MessagingApi(MessageQueries messages, TemplateStore templates, TemplatePreview preview, LitigationRegister litigation,
                 Notifications notifications, DirectMessages direct) {
        this.direct = direct;
        this.messages = messages;
        this.templates = templates;
        this.preview = preview;
        this.litigation = litigation;
        this.notifications = notifications;
    }

    /** A customer's messages, newest first; a customer sees only their own, and only those sent to them. */
    @GetMapping("/api/v1/customers/{customerId}/messages")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','SYSTEM','CUSTOMER')")
    List<MessageView> ofCustomer(@PathVariable UUID customerId, @RequestParam(defaultValue = "50") int limit) {
        CurrentUser.requireAccessTo(customerId);
        boolean customer = CurrentUser.get().map(u -> u.isCustomer()).orElse(false);
        return messages.ofCustomer(customerId, customer, Math.max(1, Math.min(limit, 500)));
    }

    /**
     * Sends one message: decided by the contact engine (reserve: true) and queued in the same transaction; 201 with
     * the message id, or 200 with queued: false and the reasons when the contact is not allowed now.
     */
    @PostMapping("/api/v1/messaging/messages")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','SYSTEM')")
    ResponseEntity<DirectMessages.SendResult> send(@RequestBody DirectMessages.SendRequest request) {
        DirectMessages.SendResult result = direct.send(request);
        return result.queued() && result.messageId() != null
                ? ResponseEntity.created(URI.create("/api/v1/messaging/messages/" + result.messageId())).body(result)
                : ResponseEntity.ok(result);
    }

    @GetMapping("/api/v1/messaging/messages/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','SYSTEM','CUSTOMER')")
    MessageView message(@PathVariable UUID id) {
        MessageView m = messages.find(id).orElseThrow(() -> ApiProblem.notFound("MESSAGE_NOT_FOUND", "No message " + id));
        CurrentUser.requireAccessTo(m.customerId());
        if (CurrentUser.get().map(u -> u.isCustomer()).orElse(false) && !m.status().reachedCustomer()) {
            throw ApiProblem.notFound("MESSAGE_NOT_FOUND", "No message " + id);
        }
        return m;
    }

    @GetMapping("/api/v1/messaging/refused-notifications")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE')")
    List<Notifications.RefusedNotice> refused(@RequestParam(required = false) UUID customerId) {
        return notifications.refused(customerId, 200);
    }

    @GetMapping("/api/v1/messaging/templates")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','COMPLIANCE','SYSTEM')")
    List<MessageTemplate> templates() {
        return templates.allLatest();
    }

    @GetMapping("/api/v1/messaging/templates/{key}/{channel}/{language}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','COMPLIANCE','SYSTEM')")
    List<MessageTemplate> history(@PathVariable String key, @PathVariable ContactChannel channel, @PathVariable String language) {
        List<MessageTemplate> history = templates.history(key, channel, language);
        if (history.isEmpty()) {
            throw ApiProblem.notFound("TEMPLATE_NOT_FOUND", "No template " + key + " for " + channel + " in " + language);
        }
        return history;
    }

    /** A new version (compliance and admins only); validated: opt-out line, known variables, declared claims. */
    @PostMapping("/api/v1/messaging/templates")
    @PreAuthorize("hasAnyRole('ADMIN','COMPLIANCE')")
    ResponseEntity<MessageTemplate> save(@RequestBody TemplateStore.NewVersion version) {
        if (version == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A template version is required");
        }
        MessageTemplate saved = templates.save(version);
        return ResponseEntity.created(URI.create("/api/v1/messaging/templates/" + saved.key() + "/" + saved.channel() + "/"
                + saved.language())).body(saved);
    }

    /** Renders a template (stored or a draft) with a real customer's ledger data; nothing is sent or recorded. */
    @PostMapping("/api/v1/messaging/templates/preview")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','COMPLIANCE','SYSTEM')")
    TemplatePreview.Preview preview(@RequestBody TemplatePreview.PreviewRequest request) {
        return preview.preview(request);
    }

    @PostMapping("/api/v1/loans/{loanId}/litigation")
    @PreAuthorize("hasAnyRole('ADMIN','COMPLIANCE')")
    ResponseEntity<LitigationRecord> recordCase(@PathVariable UUID loanId, @RequestBody LitigationRegister.NewCase c) {
        LitigationRecord saved = litigation.record(loanId, c);
        return ResponseEntity.created(URI.create("/api/v1/loans/" + loanId + "/litigation/" + saved.id())).body(saved);
    }

    @GetMapping("/api/v1/loans/{loanId}/litigation")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','SYSTEM')")
    List<LitigationRecord> cases(@PathVariable UUID loanId) {
        return litigation.ofLoan(loanId);
    }

    @DeleteMapping("/api/v1/loans/{loanId}/litigation/{caseId}")
    @PreAuthorize("hasAnyRole('ADMIN','COMPLIANCE')")
    LitigationRecord withdraw(@PathVariable UUID loanId, @PathVariable UUID caseId) {
        return litigation.withdraw(loanId, caseId);
    }
}
