package org.amity.complaints.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.amity.complaints.ComplaintCategory;
import org.amity.complaints.ComplaintChannel;
import org.amity.complaints.ComplaintEvidence;
import org.amity.complaints.ComplaintQueue;
import org.amity.complaints.ComplaintService;
import org.amity.complaints.ComplaintStatus;
import org.amity.complaints.ComplaintView;
import org.amity.complaints.HomeVisits;
import org.amity.complaints.internal.CaseFileExport;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The complaints console: the queue by time left, hotline intake, the case page (evidence, deadlines, routing,
 * notes, visits, resolution and escalation, timeline) and the field officer's phone-sized visit page.
 */
@Controller
class ComplaintConsole {

    static final String STAFF = "hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE')";
    static final String HANDLER = "hasAnyRole('ADMIN','SUPERVISOR','AGENT')";
    static final String SENIOR = "hasAnyRole('ADMIN','SUPERVISOR','COMPLIANCE')";

    private final ComplaintService complaints;
    private final ComplaintQueue queue;
    private final ComplaintEvidence evidence;
    private final HomeVisits visits;
    private final CaseFileExport export;
    private final CustomerService customers;
    private final LoanService loans;
    private final BusinessClock clock;

    ComplaintConsole(ComplaintService complaints, ComplaintQueue queue, ComplaintEvidence evidence, HomeVisits visits,
                     CaseFileExport export, CustomerService customers, LoanService loans, BusinessClock clock) {
        this.complaints = complaints;
        this.queue = queue;
        this.evidence = evidence;
        this.visits = visits;
        this.export = export;
        this.customers = customers;
        this.loans = loans;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- queue and intake

    @GetMapping("/console/complaints")
    @PreAuthorize(STAFF)
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String standing, @RequestParam(required = false) String q, Model model) {
        ComplaintCategory cat = category == null || category.isBlank() ? null : ComplaintCategory.valueOf(category);
        model.addAttribute("rows", queue.list(new ComplaintQueue.Filter(status, cat, null, null, standing, q, 100, 0)));
        model.addAttribute("status", status);
        model.addAttribute("category", category);
        model.addAttribute("standing", standing);
        model.addAttribute("q", q);
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("channels", ComplaintChannel.values());
        model.addAttribute("now", clock.instant());
        return "complaints/queue";
    }

    @PostMapping("/console/complaints")
    @PreAuthorize(HANDLER)
    String intake(@RequestParam String customer, @RequestParam(required = false) String loan, @RequestParam ComplaintChannel channel,
                  @RequestParam String description, RedirectAttributes flash) {
        try {
            CustomerView c = customers.findByExternalId(customer.strip())
                    .orElseThrow(() -> ApiProblem.badRequest("CUSTOMER_NOT_FOUND", "customer", "No customer with number " + customer));
            UUID loanId = null;
            if (loan != null && !loan.isBlank()) {
                loanId = loans.findByExternalId(loan.strip()).map(LoanView::id)
                        .orElseThrow(() -> ApiProblem.badRequest("LOAN_NOT_FOUND", "loan", "No loan with number " + loan));
            }
            ComplaintView opened = complaints.open(new ComplaintService.NewComplaint(c.id(), loanId, channel, description, null, null), null);
            flash.addFlashAttribute("notice", opened.reference());
            return "redirect:/console/complaints/" + opened.id();
        } catch (ApiProblem e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("draft", description);
            return "redirect:/console/complaints";
        }
    }

    // ---------------------------------------------------------------- the case

    @GetMapping("/console/complaints/{id}")
    @PreAuthorize(STAFF)
    String detail(@PathVariable UUID id, Model model) {
        ComplaintView c = complaints.get(id);
        CustomerView customer = customers.find(c.customerId()).orElseThrow();
        model.addAttribute("c", c);
        model.addAttribute("customer", customer);
        model.addAttribute("loan", c.loanId() == null ? null : loans.find(c.loanId()).orElse(null));
        model.addAttribute("standing", complaints.standing(c));
        model.addAttribute("timeLeft", Duration.between(clock.instant(), c.resolveBy()));
        model.addAttribute("timeline", complaints.timeline(id));
        model.addAttribute("tasks", complaints.tasks(id));
        model.addAttribute("notes", complaints.notes(id));
        model.addAttribute("resolutions", complaints.resolutions(id));
        model.addAttribute("files", evidence.files(id));
        model.addAttribute("contacts", c.contactRelated() ? evidence.contactEvidence(c) : null);
        model.addAttribute("visits", visits.visits(id));
        model.addAttribute("officers", visits.fieldOfficers());
        model.addAttribute("officersRequired", visits.officersRequired(c));
        model.addAttribute("alternatives", complaints.policy().visits().alternatives());
        model.addAttribute("departments", complaints.policy().departments());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("zone", ZoneId.of(customer.address().timeZone()));
        model.addAttribute("rule", complaints.policy().jurisdictions().get(c.jurisdiction()));
        model.addAttribute("me", CurrentUser.name());
        return "complaints/case";
    }

    private String act(UUID id, RedirectAttributes flash, String done, Runnable action) {
        return FlashAction.run(flash, done, action, "/console/complaints/" + id);
    }

    @PostMapping("/console/complaints/{id}/acknowledge")
    @PreAuthorize(HANDLER)
    String acknowledge(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, "ACKNOWLEDGED", () -> complaints.acknowledge(id));
    }

    @PostMapping("/console/complaints/{id}/category")
    @PreAuthorize(HANDLER)
    String category(@PathVariable UUID id, @RequestParam ComplaintCategory category, @RequestParam(required = false) String reason,
                    RedirectAttributes flash) {
        return act(id, flash, "CATEGORY_CORRECTED", () -> complaints.correctCategory(id, category, reason));
    }

    @PostMapping("/console/complaints/{id}/extension")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    String extend(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(id, flash, "DEADLINE_EXTENDED", () -> complaints.extend(id, reason));
    }

    @PostMapping("/console/complaints/{id}/tasks")
    @PreAuthorize(HANDLER)
    String route(@PathVariable UUID id, @RequestParam String department, @RequestParam(required = false) String instruction,
                 RedirectAttributes flash) {
        return act(id, flash, "ROUTED", () -> complaints.routeTask(id, department, instruction));
    }

    @PostMapping("/console/complaints/{id}/tasks/{taskId}/done")
    @PreAuthorize(HANDLER)
    String taskDone(@PathVariable UUID id, @PathVariable UUID taskId, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(id, flash, "TASK_DONE", () -> complaints.completeTask(id, taskId, note));
    }

    @PostMapping("/console/complaints/{id}/notes")
    @PreAuthorize(STAFF)
    String note(@PathVariable UUID id, @RequestParam String department, @RequestParam(required = false) String body, RedirectAttributes flash) {
        return act(id, flash, "NOTE", () -> complaints.addNote(id, department, body));
    }

    @PostMapping("/console/complaints/{id}/files")
    @PreAuthorize(HANDLER)
    String upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        byte[] bytes = file.getBytes();
        return act(id, flash, "FILE_ATTACHED", () -> evidence.attach(id, null, file.getOriginalFilename(), bytes));
    }

    @GetMapping("/console/complaints/{id}/files/{fileId}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','FIELD_OFFICER')")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID fileId) {
        return download(evidence, complaints, id, fileId);
    }

    static ResponseEntity<byte[]> download(ComplaintEvidence evidence, ComplaintService complaints, UUID id, UUID fileId) {
        complaints.get(id);
        ComplaintEvidence.FileContent f = evidence.content(id, fileId)
                .orElseThrow(() -> ApiProblem.notFound("FILE_NOT_FOUND", "No file " + fileId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
                        .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(f.content());
    }

    @GetMapping("/console/complaints/{id}/case-file.pdf")
    @PreAuthorize(SENIOR)
    ResponseEntity<byte[]> caseFile(@PathVariable UUID id) {
        ComplaintView c = complaints.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + c.reference() + ".pdf\"").body(export.pdf(id));
    }

    @PostMapping("/console/complaints/{id}/resolution")
    @PreAuthorize(HANDLER)
    String propose(@PathVariable UUID id, @RequestParam(required = false) String summary, @RequestParam(required = false) String amount,
                   RedirectAttributes flash) {
        return act(id, flash, "RESOLUTION_PROPOSED", () -> complaints.proposeResolution(id, summary, money(amount)));
    }

    @PostMapping("/console/complaints/{id}/resolution/approve")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    String approve(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, "RESOLUTION_APPROVED", () -> complaints.approveResolution(id));
    }

    @PostMapping("/console/complaints/{id}/resolution/return")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    String returnIt(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(id, flash, "RESOLUTION_RETURNED", () -> complaints.returnResolution(id, reason));
    }

    /** The customer's answer taken on the phone by an agent. */
    @PostMapping("/console/complaints/{id}/resolution/answer")
    @PreAuthorize(HANDLER)
    String answer(@PathVariable UUID id, @RequestParam boolean accept, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(id, flash, accept ? "RESOLUTION_ACCEPTED" : "RESOLUTION_REJECTED", () -> complaints.answerResolution(id, accept, reason));
    }

    @PostMapping("/console/complaints/{id}/re-review")
    @PreAuthorize(HANDLER)
    String reReview(@PathVariable UUID id, RedirectAttributes flash) {
        return act(id, flash, "RE_REVIEW_STARTED", () -> complaints.startReReview(id));
    }

    @PostMapping("/console/complaints/{id}/mediation")
    @PreAuthorize(SENIOR)
    String mediation(@PathVariable UUID id, @RequestParam(required = false) String organisation, @RequestParam(required = false) String reference,
                     RedirectAttributes flash) {
        return act(id, flash, "MEDIATION_REFERRED", () -> complaints.referToMediation(id, organisation, reference));
    }

    @PostMapping("/console/complaints/{id}/mediation/outcome")
    @PreAuthorize(SENIOR)
    String mediationOutcome(@PathVariable UUID id, @RequestParam(required = false) String outcome,
                            @RequestParam(defaultValue = "false") boolean settled, RedirectAttributes flash) {
        return act(id, flash, "MEDIATION_OUTCOME", () -> complaints.recordMediationOutcome(id, outcome, settled));
    }

    @PostMapping("/console/complaints/{id}/regulator")
    @PreAuthorize(SENIOR)
    String regulator(@PathVariable UUID id, @RequestParam(required = false) String reference, @RequestParam(required = false) String deadline,
                     RedirectAttributes flash) {
        return act(id, flash, "REGULATOR_ESCALATED", () -> complaints.escalateToRegulator(id, reference, localInstant(deadline, "deadline")));
    }

    @PostMapping("/console/complaints/{id}/regulator/outcome")
    @PreAuthorize(SENIOR)
    String regulatorOutcome(@PathVariable UUID id, @RequestParam(required = false) String outcome, RedirectAttributes flash) {
        return act(id, flash, "REGULATOR_OUTCOME", () -> complaints.recordRegulatorOutcome(id, outcome));
    }

    @PostMapping("/console/complaints/{id}/survey")
    @PreAuthorize(HANDLER)
    String survey(@PathVariable UUID id, @RequestParam(required = false) Integer rating, @RequestParam(required = false) String comment,
                  RedirectAttributes flash) {
        return act(id, flash, "SURVEY_ANSWERED", () -> complaints.survey(id, rating, comment));
    }

    @PostMapping("/console/complaints/{id}/visits")
    @PreAuthorize(HANDLER)
    String proposeVisit(@PathVariable UUID id, @RequestParam(name = "slot", required = false) List<String> slots,
                        @RequestParam(name = "officer", required = false) List<String> officers, RedirectAttributes flash) {
        return act(id, flash, "VISIT_PROPOSED", () -> {
            ComplaintView c = complaints.get(id);
            ZoneId zone = ZoneId.of(customers.find(c.customerId()).orElseThrow().address().timeZone());
            List<Instant> starts = new ArrayList<>();
            for (String s : slots == null ? List.<String>of() : slots) {
                if (s != null && !s.isBlank()) {
                    starts.add(parseLocal(s, zone, "slot"));
                }
            }
            visits.propose(id, starts, officers == null ? List.of() : officers);
        });
    }

    @PostMapping("/console/complaints/{id}/visits/answer")
    @PreAuthorize(HANDLER)
    String answerVisit(@PathVariable UUID id, @RequestParam(required = false) UUID visitId, @RequestParam HomeVisits.Answer answer,
                       @RequestParam(required = false) String alternative, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(id, flash, "VISIT_" + answer, () -> visits.answer(id, visitId, answer, alternative, note));
    }

    // ---------------------------------------------------------------- field officer (phone-sized)

    @GetMapping("/console/visits")
    @PreAuthorize("hasRole('FIELD_OFFICER')")
    String myVisits(Model model) {
        model.addAttribute("visits", visits.assignedTo(CurrentUser.name()));
        return "complaints/field-visits";
    }

    @GetMapping("/console/visits/{visitId}")
    @PreAuthorize("hasRole('FIELD_OFFICER')")
    String fieldVisit(@PathVariable UUID visitId, Model model) {
        HomeVisits.Visit v = visits.visit(visitId);
        if (!v.officers().contains(CurrentUser.name())) {
            throw ApiProblem.notFound("VISIT_NOT_FOUND", "No visit " + visitId);
        }
        ComplaintView c = complaints.find(v.complaintId()).orElseThrow();
        CustomerView customer = customers.find(v.customerId()).orElseThrow();
        model.addAttribute("v", v);
        model.addAttribute("c", c);
        model.addAttribute("customer", customer);
        model.addAttribute("zone", ZoneId.of(customer.address().timeZone()));
        model.addAttribute("photos", evidence.files(c.id()).stream().filter(f -> visitId.equals(f.visitId())).toList());
        return "complaints/field-visit";
    }

    private String fieldAct(UUID visitId, RedirectAttributes flash, String done, Runnable action) {
        return FlashAction.run(flash, done, action, "/console/visits/" + visitId);
    }

    @PostMapping("/console/visits/{visitId}/start")
    @PreAuthorize("hasRole('FIELD_OFFICER')")
    String startVisit(@PathVariable UUID visitId, RedirectAttributes flash) {
        return fieldAct(visitId, flash, "VISIT_STARTED", () -> visits.start(visitId));
    }

    @PostMapping("/console/visits/{visitId}/record")
    @PreAuthorize("hasRole('FIELD_OFFICER')")
    String recordVisit(@PathVariable UUID visitId, @RequestParam(required = false) String findings,
                       @RequestParam(required = false) String acknowledgement, @RequestParam(defaultValue = "false") boolean customerMet,
                       RedirectAttributes flash) {
        return fieldAct(visitId, flash, "VISIT_RECORDED", () -> visits.record(visitId, findings, acknowledgement, customerMet));
    }

    @PostMapping("/console/visits/{visitId}/photos")
    @PreAuthorize("hasRole('FIELD_OFFICER')")
    String photo(@PathVariable UUID visitId, @RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        byte[] bytes = file.getBytes();
        return fieldAct(visitId, flash, "FILE_ATTACHED", () -> {
            HomeVisits.Visit v = visits.visit(visitId);
            if (!v.officers().contains(CurrentUser.name())) {
                throw ApiProblem.forbidden("NOT_ASSIGNED", "Only an assigned officer adds photos");
            }
            evidence.attach(v.complaintId(), visitId, file.getOriginalFilename(), bytes);
        });
    }

    // ---------------------------------------------------------------- helpers

    static BigDecimal money(String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(amount.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", "amount", "'" + amount + "' is not an amount");
        }
    }

    private Instant localInstant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parseLocal(value, clock.bankZone(), field);
    }

    static Instant parseLocal(String value, ZoneId zone, String field) {
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_DATE_TIME", field, "'" + value + "' is not a date and time");
        }
    }

}
