package org.amity.contact.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.amity.contact.PolicyStore;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Compliance edits the contact policy in the console: each document's current YAML and history, and a form to
 * check a new version (validation and a diff against the current one, by htmx) and save it with an
 * effective-from time in the bank's zone.
 */
@Controller
@RequestMapping("/console/contact-policies")
@PreAuthorize(ContactPolicyApi.EDITORS)
class ContactPolicyConsole {

    private final PolicyStore store;
    private final BusinessClock clock;

    ContactPolicyConsole(PolicyStore store, BusinessClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    String documents(Model model) {
        model.addAttribute("documents", store.documents());
        return "contact/policies";
    }

    @GetMapping("/{documentId}")
    String document(@PathVariable String documentId, @RequestParam(required = false) String saved, Model model) {
        requireDocument(documentId);
        PolicyStore.PolicyVersion current = store.current(documentId);
        model.addAttribute("saved", saved);
        return page(documentId, current.yaml(), "", "", null, null, model);
    }

    /** htmx: does the text validate, and what does it change against the version in effect now? */
    @PostMapping("/{documentId}/check")
    String check(@PathVariable String documentId, @RequestParam(defaultValue = "") String yaml,
                 @RequestParam(defaultValue = "") String effectiveFrom, Model model) {
        requireDocument(documentId);
        try {
            store.validate(documentId, yaml, effectiveFrom(effectiveFrom));
            model.addAttribute("valid", true);
        } catch (ApiProblem problem) {
            model.addAttribute("valid", false);
            model.addAttribute("error", problem.getMessage());
            model.addAttribute("errorField", problem.field());
        }
        model.addAttribute("diff", store.diff(documentId, yaml));
        return "contact/policy :: check";
    }

    @PostMapping("/{documentId}")
    String save(@PathVariable String documentId, @RequestParam(defaultValue = "") String yaml,
                @RequestParam(defaultValue = "") String effectiveFrom, @RequestParam(defaultValue = "") String comment,
                Model model) {
        requireDocument(documentId);
        try {
            PolicyStore.PolicyVersion added = store.addVersion(documentId,
                    new PolicyStore.NewVersion(yaml, effectiveFrom(effectiveFrom), comment));
            return "redirect:/console/contact-policies/" + documentId + "?saved="
                    + URLEncoder.encode(added.version(), StandardCharsets.UTF_8);
        } catch (ApiProblem problem) {
            return page(documentId, yaml, effectiveFrom, comment, problem.getMessage(), problem.field(), model);
        }
    }

    private String page(String documentId, String yaml, String effectiveFrom, String comment, String error, String errorField,
                        Model model) {
        model.addAttribute("documentId", documentId);
        model.addAttribute("current", store.current(documentId));
        model.addAttribute("versions", store.versions(documentId));
        model.addAttribute("yaml", yaml);
        model.addAttribute("effectiveFrom", effectiveFrom);
        model.addAttribute("comment", comment);
        model.addAttribute("error", error);
        model.addAttribute("errorField", errorField);
        model.addAttribute("bankZone", clock.bankZone().getId());
        model.addAttribute("now", LocalDateTime.ofInstant(clock.instant(), clock.bankZone()).truncatedTo(ChronoUnit.MINUTES));
        return "contact/policy";
    }

    private static void requireDocument(String documentId) {
        if (!PolicyStore.DOCUMENTS.contains(documentId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A datetime-local value is a wall-clock time in the bank's zone; empty means now. */
    private Instant effectiveFrom(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(clock.bankZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_VALUE", "effectiveFrom", "'" + value + "' is not a date and time like 2026-12-01T09:00");
        }
    }
}
