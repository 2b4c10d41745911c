package org.amity.messaging.plan.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.amity.messaging.plan.CadenceStore;
import org.amity.messaging.plan.ContactPlan;
import org.amity.messaging.plan.PlanSentences;
import org.amity.platform.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Start the daily contact plan, follow its progress, read its report; read and change the cadence. */
@RestController
@Tag(name = "Contact plan")
class ContactPlanApi {

    private final ContactPlan plan;
    private final PlanSentences sentences;
    private final CadenceStore cadences;

    ContactPlanApi(ContactPlan plan, PlanSentences sentences, CadenceStore cadences) {
        this.plan = plan;
        this.sentences = sentences;
        this.cadences = cadences;
    }

    record StartRequest(LocalDate businessDate) {
    }

    /** A run with its report also as sentences in the caller's language. */
    record RunResponse(ContactPlan.RunView run, List<String> summary) {
    }

    @PostMapping("/api/v1/contact-plan/runs")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','SYSTEM')")
    ResponseEntity<ContactPlan.RunView> start(@RequestBody(required = false) StartRequest request) {
        ContactPlan.RunView run = plan.start(request == null ? null : request.businessDate());
        return ResponseEntity.accepted().location(URI.create("/api/v1/contact-plan/runs/" + run.id())).body(run);
    }

    @GetMapping("/api/v1/contact-plan/runs/{id}")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','COMPLIANCE','SYSTEM')")
    RunResponse get(@PathVariable UUID id, Locale locale) {
        ContactPlan.RunView run = plan.find(id).orElseThrow(() -> ApiProblem.notFound("PLAN_RUN_NOT_FOUND", "No contact plan run " + id));
        return new RunResponse(run, sentences.of(run.report(), locale));
    }

    @GetMapping("/api/v1/contact-plan/runs")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','COMPLIANCE','SYSTEM')")
    List<ContactPlan.RunView> history(@RequestParam(defaultValue = "50") int limit) {
        return plan.history(Math.min(Math.max(limit, 1), 500));
    }

    @GetMapping("/api/v1/contact-plan/cadence")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','COMPLIANCE')")
    List<CadenceStore.CadenceVersion> cadence() {
        return cadences.history();
    }

    @PostMapping("/api/v1/contact-plan/cadence")
    @PreAuthorize("hasAnyRole('ADMIN','COMPLIANCE')")
    ResponseEntity<CadenceStore.CadenceVersion> newCadence(@RequestBody CadenceStore.NewCadence request) {
        return ResponseEntity.status(201).body(cadences.add(request));
    }
}
