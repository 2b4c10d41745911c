package org.amity.complaints.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.complaints.ComplaintCategory;
import org.amity.complaints.ComplaintChannel;
import org.amity.complaints.ComplaintEvidence;
import org.amity.complaints.ComplaintQueue;
import org.amity.complaints.ComplaintService;
import org.amity.complaints.ComplaintTriage;
import org.amity.complaints.ComplaintView;
import org.amity.complaints.HomeVisits;
import org.amity.complaints.Severity;
import org.amity.complaints.internal.CaseFileExport;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.platform.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Complaint cases over HTTP: intake from the app, hotline systems and other channels; handling; escalation. */
@RestController
@Tag(name = "Complaints")
class ComplaintApi {

    static final String STAFF = "hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE')";
    static final String STAFF_OR_CUSTOMER = "hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','CUSTOMER')";

    private final ComplaintService complaints;
    private final ComplaintTriage triage;
    private final ComplaintQueue queue;
    private final ComplaintEvidence evidence;
    private final HomeVisits visits;
    private final CaseFileExport export;

    ComplaintApi(ComplaintService complaints, ComplaintTriage triage, ComplaintQueue queue, ComplaintEvidence evidence,
                 HomeVisits visits, CaseFileExport export) {
        this.complaints = complaints;
        this.triage = triage;
        this.queue = queue;
        this.evidence = evidence;
        this.visits = visits;
        this.export = export;
    }

    record NewComplaintRequest(UUID customerId, UUID loanId, ComplaintChannel channel, String description, Instant receivedAt,
                               Instant incidentAt) {
    }

    /** Exactly the fields the intake contract names. */
    record Opened(UUID id, String reference, ComplaintCategory category, Severity severity, String complexity, String status,
                  Instant acknowledgeBy, Instant resolveBy) {
        static Opened of(ComplaintView c) {
            return new Opened(c.id(), c.reference(), c.category(), c.severity(), c.complexity().name(), c.status().name(),
                    c.acknowledgeBy(), c.resolveBy());
        }
    }

    @PostMapping("/api/v1/complaints")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','SYSTEM','CUSTOMER')")
    ResponseEntity<Opened> open(@RequestBody NewComplaintRequest r) {
        if (r == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A JSON body is required");
        }
        UUID customerId = r.customerId();
        var me = CurrentUser.get().filter(AmityUser::isCustomer);
        if (me.isPresent()) {
            // a customer files only for themselves; another customer's id is a 404 as everywhere
            if (customerId == null) {
                customerId = me.get().customerId();
            }
            CurrentUser.requireAccessTo(customerId);
        }
        ComplaintView c = complaints.open(new ComplaintService.NewComplaint(customerId, r.loanId(), r.channel(), r.description(),
                r.receivedAt(), r.incidentAt()), null);
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + c.id())).body(Opened.of(c));
    }

    @GetMapping("/api/v1/complaints/{id}")
    @PreAuthorize(STAFF_OR_CUSTOMER)
    ComplaintView get(@PathVariable UUID id) {
        return complaints.get(id);
    }

    @GetMapping("/api/v1/complaints")
    @PreAuthorize(STAFF)
    List<Map<String, Object>> list(@RequestParam(required = false) String status, @RequestParam(required = false) ComplaintCategory category,
                                   @RequestParam(required = false) Severity severity, @RequestParam(required = false) String department,
                                   @RequestParam(required = false) String standing, @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return queue.list(new ComplaintQueue.Filter(status, category, severity, department, standing, q, limit, offset)).stream()
                .map(row -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    ComplaintView c = row.complaint();
                    m.put("id", c.id());
                    m.put("reference", c.reference());
                    m.put("customerId", c.customerId());
                    m.put("category", c.category());
                    m.put("severity", c.severity());
                    m.put("complexity", c.complexity());
                    m.put("status", c.status());
                    m.put("department", c.department());
                    m.put("receivedAt", c.receivedAt());
                    m.put("resolveBy", c.resolveBy());
                    m.put("standing", row.standing());
                    m.put("secondsLeft", row.timeLeft().toSeconds());
                    return m;
                }).toList();
    }

    @GetMapping("/api/v1/customers/{customerId}/complaints")
    @PreAuthorize(STAFF_OR_CUSTOMER)
    List<ComplaintView> ofCustomer(@PathVariable UUID customerId) {
        CurrentUser.requireAccessTo(customerId);
        return complaints.ofCustomer(customerId);
    }

    record TriageRequest(String text, ComplaintChannel channel) {
    }

    @PostMapping("/api/v1/complaints/triage")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','SYSTEM')")
    Map<String, Object> triage(@RequestBody TriageRequest r) {
        if (r == null || r.text() == null || r.text().isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "text", "text is required");
        }
        if (r.text().length() > ComplaintService.MAX_DESCRIPTION) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", "text", "text is at most " + ComplaintService.MAX_DESCRIPTION + " characters");
        }
        ComplaintTriage.Result t = triage.triage(r.text(), r.channel() == null ? ComplaintChannel.HOTLINE : r.channel());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", t.category());
        m.put("severity", t.severity());
        m.put("complexity", t.complexity());
        m.put("confidence", Math.round(t.confidence() * 10_000) / 10_000.0);
        m.put("needsConfirmation", t.needsConfirmation());
        m.put("reasons", t.reasons());
        return m;
    }

    @PostMapping("/api/v1/complaints/triage/refresh")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    Map<String, Object> refresh() {
        return Map.of("examples", triage.refresh());
    }

    record CategoryCorrection(ComplaintCategory category, String reason) {
    }

    @PutMapping("/api/v1/complaints/{id}/category")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    ComplaintView correct(@PathVariable UUID id, @RequestBody CategoryCorrection r) {
        return complaints.correctCategory(id, r == null ? null : r.category(), r == null ? null : r.reason());
    }

    @PostMapping("/api/v1/complaints/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    ComplaintView acknowledge(@PathVariable UUID id) {
        return complaints.acknowledge(id);
    }

    record Reason(String reason) {
    }

    @PostMapping("/api/v1/complaints/{id}/extension")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    ComplaintView extend(@PathVariable UUID id, @RequestBody Reason r) {
        return complaints.extend(id, r == null ? null : r.reason());
    }

    record TaskRequest(String department, String instruction) {
    }

    @PostMapping("/api/v1/complaints/{id}/tasks")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    ResponseEntity<ComplaintView.Task> route(@PathVariable UUID id, @RequestBody TaskRequest r) {
        ComplaintView.Task t = complaints.routeTask(id, r == null ? null : r.department(), r == null ? null : r.instruction());
        return ResponseEntity.status(201).body(t);
    }

    @GetMapping("/api/v1/complaints/{id}/tasks")
    @PreAuthorize(STAFF)
    List<ComplaintView.Task> tasks(@PathVariable UUID id) {
        complaints.get(id);
        return complaints.tasks(id);
    }

    record Note(String department, String body, String note) {
    }

    @PostMapping("/api/v1/complaints/{id}/tasks/{taskId}/done")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    ComplaintView taskDone(@PathVariable UUID id, @PathVariable UUID taskId, @RequestBody(required = false) Note r) {
        return complaints.completeTask(id, taskId, r == null ? null : r.note());
    }

    @PostMapping("/api/v1/complaints/{id}/notes")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE')")
    ResponseEntity<ComplaintView.Note> note(@PathVariable UUID id, @RequestBody Note r) {
        return ResponseEntity.status(201).body(complaints.addNote(id, r == null ? null : r.department(), r == null ? null : r.body()));
    }

    @GetMapping("/api/v1/complaints/{id}/notes")
    @PreAuthorize(STAFF)
    List<ComplaintView.Note> notes(@PathVariable UUID id) {
        complaints.get(id);
        return complaints.notes(id);
    }

    @GetMapping("/api/v1/complaints/{id}/timeline")
    @PreAuthorize(STAFF)
    List<ComplaintView.TimelineEntry> timeline(@PathVariable UUID id) {
        complaints.get(id);
        return complaints.timeline(id);
    }

    @GetMapping("/api/v1/complaints/{id}/evidence/contacts")
    @PreAuthorize(STAFF)
    ComplaintEvidence.ContactEvidenceReport contacts(@PathVariable UUID id) {
        return evidence.contactEvidence(complaints.get(id));
    }

    @PostMapping(value = "/api/v1/complaints/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','CUSTOMER')")
    ResponseEntity<ComplaintView.FileInfo> upload(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
        complaints.get(id);
        ComplaintView.FileInfo info = evidence.attach(id, null, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + id + "/files/" + info.id())).body(info);
    }

    @GetMapping("/api/v1/complaints/{id}/files")
    @PreAuthorize(STAFF_OR_CUSTOMER)
    List<ComplaintView.FileInfo> files(@PathVariable UUID id) {
        complaints.get(id);
        return evidence.files(id);
    }

    @GetMapping("/api/v1/complaints/{id}/files/{fileId}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','FIELD_OFFICER','CUSTOMER')")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable UUID fileId) {
        complaints.get(id);
        ComplaintEvidence.FileContent f = evidence.content(id, fileId)
                .orElseThrow(() -> ApiProblem.notFound("FILE_NOT_FOUND", "No file " + fileId + " on this case"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }

    record ResolutionRequest(String summary, BigDecimal amount) {
    }

    @PostMapping("/api/v1/complaints/{id}/resolution")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    ComplaintView propose(@PathVariable UUID id, @RequestBody ResolutionRequest r) {
        return complaints.proposeResolution(id, r == null ? null : r.summary(), r == null ? null : r.amount());
    }

    @PostMapping("/api/v1/complaints/{id}/resolution/approve")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    ComplaintView approve(@PathVariable UUID id) {
        return complaints.approveResolution(id);
    }

    @PostMapping("/api/v1/complaints/{id}/resolution/return")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    ComplaintView returnResolution(@PathVariable UUID id, @RequestBody Reason r) {
        return complaints.returnResolution(id, r == null ? null : r.reason());
    }

    record Answer(Boolean accept, String reason) {
    }

    @PostMapping("/api/v1/complaints/{id}/resolution/answer")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','CUSTOMER')")
    ComplaintView answer(@PathVariable UUID id, @RequestBody Answer r) {
        if (r == null || r.accept() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "accept", "accept (true or false) is required");
        }
        return complaints.answerResolution(id, r.accept(), r.reason());
    }

    @GetMapping("/api/v1/complaints/{id}/resolutions")
    @PreAuthorize(STAFF_OR_CUSTOMER)
    List<ComplaintView.Resolution> resolutions(@PathVariable UUID id) {
        complaints.get(id);
        return complaints.resolutions(id);
    }

    @PostMapping("/api/v1/complaints/{id}/re-review")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    ComplaintView reReview(@PathVariable UUID id) {
        return complaints.startReReview(id);
    }

    record Mediation(String organisation, String reference, String outcome, Boolean settled) {
    }

    @PostMapping("/api/v1/complaints/{id}/mediation")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','COMPLIANCE')")
    ComplaintView mediation(@PathVariable UUID id, @RequestBody Mediation r) {
        return complaints.referToMediation(id, r == null ? null : r.organisation(), r == null ? null : r.reference());
    }

    @PostMapping("/api/v1/complaints/{id}/mediation/outcome")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','COMPLIANCE')")
    ComplaintView mediationOutcome(@PathVariable UUID id, @RequestBody Mediation r) {
        return complaints.recordMediationOutcome(id, r == null ? null : r.outcome(), r != null && Boolean.TRUE.equals(r.settled()));
    }

    record Regulator(String reference, Instant deadline, String outcome) {
    }

    @PostMapping("/api/v1/complaints/{id}/regulator")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','COMPLIANCE')")
    ComplaintView regulator(@PathVariable UUID id, @RequestBody Regulator r) {
        return complaints.escalateToRegulator(id, r == null ? null : r.reference(), r == null ? null : r.deadline());
    }

    @PostMapping("/api/v1/complaints/{id}/regulator/outcome")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','COMPLIANCE')")
    ComplaintView regulatorOutcome(@PathVariable UUID id, @RequestBody Regulator r) {
        return complaints.recordRegulatorOutcome(id, r == null ? null : r.outcome());
    }

    record Survey(Integer rating, String comment) {
    }

    @PostMapping("/api/v1/complaints/{id}/survey")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','CUSTOMER')")
    ComplaintView survey(@PathVariable UUID id, @RequestBody Survey r) {
        return complaints.survey(id, r == null ? null : r.rating(), r == null ? null : r.comment());
    }

    record VisitProposal(List<Instant> slots, List<String> officers) {
    }

    @PostMapping("/api/v1/complaints/{id}/visits")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    ResponseEntity<List<HomeVisits.Visit>> proposeVisit(@PathVariable UUID id, @RequestBody VisitProposal r) {
        return ResponseEntity.status(201).body(visits.propose(id, r == null ? null : r.slots(), r == null ? null : r.officers()));
    }

    @GetMapping("/api/v1/complaints/{id}/visits")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','FIELD_OFFICER','CUSTOMER')")
    List<HomeVisits.Visit> visits(@PathVariable UUID id) {
        complaints.get(id);
        return visits.visits(id);
    }

    record VisitAnswer(UUID visitId, HomeVisits.Answer answer, String alternative, String note) {
    }

    @PostMapping("/api/v1/complaints/{id}/visits/answer")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','CUSTOMER')")
    List<HomeVisits.Visit> answerVisit(@PathVariable UUID id, @RequestBody VisitAnswer r) {
        if (r == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A JSON body is required");
        }
        return visits.answer(id, r.visitId(), r.answer(), r.alternative(), r.note());
    }

    @PostMapping("/api/v1/visits/{visitId}/start")
    @PreAuthorize("hasRole('FIELD_OFFICER')")
    HomeVisits.Visit startVisit(@PathVariable UUID visitId) {
        return visits.start(visitId);
    }

    record VisitRecord(String findings, String acknowledgement, Boolean customerMet) {
    }

    @PostMapping("/api/v1/visits/{visitId}/record")
    @PreAuthorize("hasRole('FIELD_OFFICER')")
    HomeVisits.Visit recordVisit(@PathVariable UUID visitId, @RequestBody VisitRecord r) {
        return visits.record(visitId, r == null ? null : r.findings(), r == null ? null : r.acknowledgement(),
                r == null || !Boolean.FALSE.equals(r.customerMet()));
    }

    @GetMapping("/api/v1/complaints/{id}/case-file.pdf")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','COMPLIANCE')")
    ResponseEntity<byte[]> caseFile(@PathVariable UUID id) {
        ComplaintView c = complaints.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + c.reference() + ".pdf\"")
                .body(export.pdf(id));
    }
}
