package org.amity.messaging.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.messaging.ClaimEvidence;
import org.amity.messaging.MessageTemplate;
import org.amity.messaging.MessageView;
import org.amity.messaging.PdfDocuments;
import org.amity.messaging.internal.Channels;
import org.amity.messaging.internal.MessageQueries;
import org.amity.messaging.internal.MessagingProperties;
import org.amity.messaging.internal.Notifications;
import org.amity.messaging.internal.TemplatePreview;
import org.amity.messaging.internal.TemplateStore;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.amity.platform.PersonalData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's messaging pages: the outbox at a glance, templates (list, history, preview with a real customer,
 * and — for compliance and admins — new versions), the demo sandbox, the letters' PDF batch and a customer's
 * message history (an htmx fragment for the 360° page).
 */
@Controller
@RequestMapping("/console")
class MessagingConsole {

    static final String STAFF = "hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','COMPLIANCE')";
    static final String EDITORS = "hasAnyRole('ADMIN','COMPLIANCE')";

    private final MessageQueries messages;
    private final TemplateStore templates;
    private final TemplatePreview preview;
    private final Notifications notifications;
    private final Channels channels;
    private final MessagingProperties properties;
    private final BusinessClock clock;
    private final PdfDocuments pdf;

    MessagingConsole(MessageQueries messages, TemplateStore templates, TemplatePreview preview, Notifications notifications,
                     Channels channels, MessagingProperties properties, BusinessClock clock, PdfDocuments pdf) {
        this.messages = messages;
        this.templates = templates;
        this.preview = preview;
        this.notifications = notifications;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
        this.pdf = pdf;
    }

    @GetMapping("/messaging")
    @PreAuthorize(STAFF)
    String overview(@RequestParam(required = false) ContactChannel channel, Model model) {
        model.addAttribute("counts", messages.counts());
        model.addAttribute("adapters", channels.all());
        model.addAttribute("channel", channel);
        model.addAttribute("channels", ContactChannel.values());
        model.addAttribute("messages", messages.recent(channel, 100));
        model.addAttribute("refused", notifications.refused(null, 50));
        model.addAttribute("sandbox", properties.sandbox());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), clock.bankZone()));
        return "messaging/overview";
    }

    @GetMapping("/messaging/templates")
    @PreAuthorize(STAFF)
    String templates(Model model) {
        model.addAttribute("templates", templates.allLatest());
        return "messaging/templates";
    }

    @GetMapping("/messaging/templates/{key}/{channel}/{language}")
    @PreAuthorize(STAFF)
    String template(@PathVariable String key, @PathVariable ContactChannel channel, @PathVariable String language,
                    @RequestParam(required = false) String customer, @RequestParam(required = false) String saved, Model model) {
        List<MessageTemplate> history = templates.history(key, channel, language);
        if (history.isEmpty()) {
            throw ApiProblem.notFound("TEMPLATE_NOT_FOUND", "No template " + key + " for " + channel + " in " + language);
        }
        MessageTemplate current = history.get(0);
        model.addAttribute("template", current);
        model.addAttribute("history", history);
        model.addAttribute("saved", saved);
        model.addAttribute("customer", customer);
        model.addAttribute("subject", current.subject());
        model.addAttribute("body", current.body());
        model.addAttribute("claims", current.claims());
        model.addAttribute("allClaims", ClaimEvidence.Claim.values());
        model.addAttribute("optOutLine", templates.optOutLine(language));
        model.addAttribute("electronic", MessageTemplate.electronic(channel));
        model.addAttribute("preview", safePreview(new TemplatePreview.PreviewRequest(key, channel, language, customer, null, null, null,
                null, null, null), model));
        return "messaging/template";
    }

    /** htmx: the draft rendered for a customer, with what would keep it from being saved. */
    @PostMapping("/messaging/templates/{key}/{channel}/{language}/preview")
    @PreAuthorize(STAFF)
    String previewDraft(@PathVariable String key, @PathVariable ContactChannel channel, @PathVariable String language,
                        @RequestParam(required = false) String customer, @RequestParam(required = false) String subject,
                        @RequestParam(required = false) String body, @RequestParam(required = false) Set<ClaimEvidence.Claim> claims,
                        @RequestParam(defaultValue = "false") boolean limitedContent, Model model) {
        model.addAttribute("preview", safePreview(new TemplatePreview.PreviewRequest(key, channel, language, customer, null, subject,
                body, claims, limitedContent, null), model));
        return "messaging/template :: preview";
    }

    @PostMapping("/messaging/templates/{key}/{channel}/{language}")
    @PreAuthorize(EDITORS)
    String save(@PathVariable String key, @PathVariable ContactChannel channel, @PathVariable String language,
                @RequestParam(required = false) String subject, @RequestParam(defaultValue = "") String body,
                @RequestParam(required = false) Set<ClaimEvidence.Claim> claims,
                @RequestParam(defaultValue = "false") boolean limitedContent, @RequestParam(required = false) String comment,
                @RequestParam(required = false) Integer basedOnVersion, Model model) {
        try {
            MessageTemplate saved = templates.save(new TemplateStore.NewVersion(key, channel, language, subject, body,
                    claims == null ? EnumSet.noneOf(ClaimEvidence.Claim.class) : claims, limitedContent, comment, basedOnVersion));
            return "redirect:/console/messaging/templates/" + key + "/" + channel + "/" + language + "?saved=" + saved.version();
        } catch (ApiProblem problem) {
            List<MessageTemplate> history = templates.history(key, channel, language);
            model.addAttribute("template", history.get(0));
            model.addAttribute("history", history);
            model.addAttribute("subject", subject);
            model.addAttribute("body", body);
            model.addAttribute("claims", claims == null ? Set.of() : claims);
            model.addAttribute("allClaims", ClaimEvidence.Claim.values());
            model.addAttribute("optOutLine", templates.optOutLine(language));
            model.addAttribute("electronic", MessageTemplate.electronic(channel));
            model.addAttribute("error", problem.getMessage());
            model.addAttribute("errorCode", problem.code());
            model.addAttribute("preview", null);
            return "messaging/template";
        }
    }

    private TemplatePreview.Preview safePreview(TemplatePreview.PreviewRequest request, Model model) {
        try {
            return preview.preview(request);
        } catch (ApiProblem problem) {
            model.addAttribute("previewError", problem.getMessage());
            return null;
        }
    }

    /** Demo mode: each message as it would arrive, on a phone or in a mailbox; letters as PDF. */
    @GetMapping("/messaging/sandbox")
    @PreAuthorize(STAFF)
    String sandbox(@RequestParam(required = false) String customer, Model model) {
        List<MessageView> recent = messages.recent(null, 200).stream()
                .filter(m -> m.status().reachedCustomer() && m.channel() != ContactChannel.VOICE)
                .filter(m -> customer == null || customer.isBlank() || m.customerId().toString().equals(customer.trim()))
                .toList();
        model.addAttribute("sms", recent.stream().filter(m -> m.channel() == ContactChannel.SMS || m.channel() == ContactChannel.PUSH).toList());
        model.addAttribute("emails", recent.stream().filter(m -> m.channel() == ContactChannel.EMAIL).toList());
        model.addAttribute("letters", recent.stream().filter(m -> m.channel() == ContactChannel.LETTER).toList());
        model.addAttribute("masked", recent.stream().collect(java.util.stream.Collectors.toMap(MessageView::id,
                m -> m.channel() == ContactChannel.SMS ? PersonalData.maskPhone(m.destination())
                        : m.channel() == ContactChannel.EMAIL ? PersonalData.maskEmail(m.destination()) : m.destination())));
        model.addAttribute("sandbox", properties.sandbox());
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), clock.bankZone()));
        return "messaging/sandbox";
    }

    /** The letters of one business day as one PDF for printing (or one letter with {@code id}). */
    @GetMapping("/messaging/letters.pdf")
    @PreAuthorize(STAFF)
    ResponseEntity<byte[]> letters(@RequestParam(required = false) String date, @RequestParam(required = false) UUID id) {
        List<MessageView> letters;
        String name;
        if (id != null) {
            MessageView m = messages.find(id).filter(x -> x.channel() == ContactChannel.LETTER)
                    .orElseThrow(() -> ApiProblem.notFound("MESSAGE_NOT_FOUND", "No letter " + id));
            letters = List.of(m);
            name = "letter-" + id + ".pdf";
        } else {
            LocalDate day;
            try {
                day = date == null || date.isBlank() ? LocalDate.ofInstant(clock.instant(), clock.bankZone()) : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("INVALID_DATE", "date", "date is an ISO date such as 2026-11-24");
            }
            ZonedDateTime start = day.atStartOfDay(clock.bankZone());
            letters = messages.letters(start.toInstant(), start.plusDays(1).toInstant());
            name = "letters-" + day + ".pdf";
        }
        byte[] bytes = pdf.letters(letters.stream().map(m -> new PdfDocuments.Letter(m.destination(), m.subject(), m.body(),
                m.sentAt() == null ? m.createdAt() : m.sentAt(), m.id().toString())).toList());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"").body(bytes);
    }

    /** htmx fragment for the customer 360° page: the customer's messages and refused notices. */
    @GetMapping("/customers/{customerId}/messages")
    @PreAuthorize(STAFF)
    String customerMessages(@PathVariable UUID customerId, Model model) {
        model.addAttribute("messages", messages.ofCustomer(customerId, false, 50));
        model.addAttribute("refused", notifications.refused(customerId, 20));
        return "messaging/customer-messages :: messages";
    }
}
