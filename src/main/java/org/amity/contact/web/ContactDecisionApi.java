package org.amity.contact.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.amity.contact.ContactDecisionService.DecisionView;
import org.amity.contact.ContactDecisionService;
import org.amity.identity.CurrentUser;
import org.amity.platform.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Every dialer, gateway, app backend and agent asks here before a contact. */
@RestController
@Tag(name = "Contact decisions")
class ContactDecisionApi {

    private final ContactDecisionService decisions;

    ContactDecisionApi(ContactDecisionService decisions) {
        this.decisions = decisions;
    }

    @PostMapping("/api/v1/contact-decisions")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','COMPLIANCE','SYSTEM')")
    @ResponseStatus(HttpStatus.CREATED)
    DecisionView decide(@RequestBody ContactDecisionService.DecisionRequest request,
                        @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                        HttpServletResponse response) {
        DecisionView decision = decisions.decide(request, agentLanguage(acceptLanguage));
        // the answer is returned as a body, not a ResponseEntity: a ResponseEntity's answer is flushed as soon as it is
        // written, which sends it in chunks with one more write; a body the size of a decision goes out in one write,
        // with its length
        response.setHeader(HttpHeaders.LOCATION, "/api/v1/contact-decisions/" + decision.decisionId());
        return decision;
    }

    @GetMapping("/api/v1/contact-decisions/{decisionId}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','COMPLIANCE','SYSTEM')")
    DecisionView get(@PathVariable UUID decisionId) {
        return decisions.find(decisionId).orElseThrow(() -> ApiProblem.notFound("DECISION_NOT_FOUND", "No contact decision " + decisionId));
    }

    @PostMapping("/api/v1/contact-decisions/{decisionId}/outcome")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','SYSTEM')")
    DecisionView outcome(@PathVariable UUID decisionId, @RequestBody ContactDecisionService.OutcomeRequest request) {
        return decisions.recordOutcome(decisionId, request);
    }

    @GetMapping("/api/v1/customers/{customerId}/contact-decisions")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','CUSTOMER')")
    List<DecisionView> history(@PathVariable UUID customerId, @RequestParam(defaultValue = "100") int limit) {
        CurrentUser.requireAccessTo(customerId);
        return decisions.history(customerId, Math.min(Math.max(limit, 1), 500));
    }

    /** Reasons are explained to the caller in its language (zh-CN or en) and to the customer in theirs. */
    private static String agentLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return ranges.isEmpty() ? null : ranges.get(0).getRange().startsWith("zh") ? "zh-CN" : "en";
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
