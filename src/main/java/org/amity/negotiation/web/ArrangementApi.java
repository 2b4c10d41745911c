package org.amity.negotiation.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.negotiation.ArrangementEscalation;
import org.amity.negotiation.ArrangementMonitor;
import org.amity.negotiation.ArrangementPolicyStore;
import org.amity.negotiation.ArrangementService;
import org.amity.negotiation.ArrangementView;
import org.amity.negotiation.Channel;
import org.amity.negotiation.HardshipDocuments;
import org.amity.negotiation.QuoteService;
import org.amity.negotiation.QuoteView;
import org.amity.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Hardship requests, quotes and arrangements over the public JSON API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Arrangements")
class ArrangementApi {

    static final String CUSTOMER_OR_STAFF = "hasAnyRole('CUSTOMER','AGENT','SUPERVISOR','ADMIN','SYSTEM')";
    static final String READERS = "hasAnyRole('CUSTOMER','AGENT','SUPERVISOR','ADMIN','SYSTEM','COMPLIANCE')";
    static final String STAFF = "hasAnyRole('AGENT','SUPERVISOR','ADMIN')";

    private final QuoteService quotes;
    private final ArrangementService arrangements;
    private final ArrangementMonitor monitor;
    private final ArrangementEscalation escalation;
    private final HardshipDocuments documents;
    private final ArrangementPolicyStore policies;

    ArrangementApi(QuoteService quotes, ArrangementService arrangements, ArrangementMonitor monitor, ArrangementEscalation escalation,
                   HardshipDocuments documents, ArrangementPolicyStore policies) {
        this.quotes = quotes;
        this.arrangements = arrangements;
        this.monitor = monitor;
        this.escalation = escalation;
        this.documents = documents;
        this.policies = policies;
    }

    /** The channel of a call to the API: the app for customers, the API for systems, the hotline for staff. */
    static Channel apiChannel() {
        return CurrentUser.get().map(u -> u.isCustomer() ? Channel.APP
                : u.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SYSTEM")) ? Channel.API : Channel.HOTLINE)
                .orElse(Channel.API);
    }


    @PostMapping("/arrangements/quotes")
    @PreAuthorize(CUSTOMER_OR_STAFF)
    ResponseEntity<QuoteView> quote(@RequestBody(required = false) QuoteService.QuoteRequest request) {
        QuoteView view = quotes.quote(request, apiChannel()).view();
        return ResponseEntity.created(URI.create("/api/v1/arrangements/quotes/" + view.quoteId())).body(view);
    }

    @GetMapping("/arrangements/quotes/{id}")
    @PreAuthorize(READERS)
    QuoteView getQuote(@PathVariable UUID id) {
        QuoteService.StoredQuote q = quotes.find(id).orElseThrow(() -> ApiProblem.notFound("QUOTE_NOT_FOUND", "No quote with id " + id));
        CurrentUser.requireAccessTo(q.customerId());
        return q.view();
    }

    @PostMapping("/arrangements")
    @PreAuthorize(CUSTOMER_OR_STAFF)
    ResponseEntity<ArrangementView> propose(@RequestBody(required = false) ArrangementService.Proposal proposal) {
        ArrangementView a = arrangements.propose(proposal, apiChannel());
        return ResponseEntity.created(URI.create("/api/v1/arrangements/" + a.id())).body(a);
    }

    @GetMapping("/arrangements/{id}")
    @PreAuthorize(READERS)
    ArrangementView get(@PathVariable UUID id) {
        return arrangements.get(id);
    }

    @GetMapping("/arrangements")
    @PreAuthorize(READERS)
    List<ArrangementView> list(@RequestParam(required = false) UUID customerId, @RequestParam(required = false) String status) {
        UUID own = CurrentUser.get().filter(AmityUser::isCustomer).map(AmityUser::customerId).orElse(null);
        if (own != null) {
            return arrangements.ofCustomer(customerId == null ? own : customerId);
        }
        if (customerId != null) {
            return arrangements.ofCustomer(customerId);
        }
        if (status == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "customerId", "Give a customerId or a status");
        }
        return arrangements.withStatus(List.of(status.toUpperCase()));
    }

    record Decision(Boolean approved, String note) {
    }

    @PostMapping("/arrangements/{id}/approval")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    ArrangementView decide(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
        if (decision == null || decision.approved() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "approved", "approved (true or false) is required");
        }
        return arrangements.decide(id, decision.approved(), decision.note());
    }

    record Acceptance(String channel) {
    }

    @PostMapping("/arrangements/{id}/acceptance")
    @PreAuthorize(CUSTOMER_OR_STAFF)
    ArrangementView accept(@PathVariable UUID id, @RequestBody(required = false) Acceptance acceptance) {
        Channel channel = apiChannel();
        if (acceptance != null && acceptance.channel() != null) {
            try {
                channel = Channel.valueOf(acceptance.channel());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("INVALID_CHANNEL", "channel", "'" + acceptance.channel() + "' is not a channel")
                        .allowedValues(List.of(Channel.values()));
            }
        }
        return arrangements.accept(id, channel);
    }

    record Note(String note) {
    }

    @PostMapping("/arrangements/{id}/decline")
    @PreAuthorize(CUSTOMER_OR_STAFF)
    ArrangementView decline(@PathVariable UUID id, @RequestBody(required = false) Note note) {
        return arrangements.close(id, true, note == null ? null : note.note());
    }

    @PostMapping("/arrangements/{id}/cancellation")
    @PreAuthorize(STAFF)
    ArrangementView cancel(@PathVariable UUID id, @RequestBody(required = false) Note note) {
        return arrangements.close(id, false, note == null ? null : note.note());
    }

    @PostMapping("/arrangements/{id}/tasks/{taskId}/done")
    @PreAuthorize(STAFF)
    ArrangementView taskDone(@PathVariable UUID id, @PathVariable UUID taskId, @RequestBody(required = false) Note note) {
        return arrangements.completeTask(id, taskId, note == null ? null : note.note());
    }

    record Text(String reason, String outcome, String note, String organisation, String reference, String description) {
    }

    private static Text body(Text t) {
        return t == null ? new Text(null, null, null, null, null, null) : t;
    }

    @PostMapping("/arrangements/{id}/re-review")
    @PreAuthorize(CUSTOMER_OR_STAFF)
    ArrangementView reReview(@PathVariable UUID id, @RequestBody(required = false) Text text) {
        return escalation.requestReReview(id, body(text).reason());
    }

    @PostMapping("/arrangements/{id}/re-review/outcome")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    ArrangementView reReviewed(@PathVariable UUID id, @RequestBody(required = false) Text text) {
        return escalation.recordReReview(id, body(text).outcome(), body(text).note());
    }

    @PostMapping("/arrangements/{id}/mediation")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    ArrangementView mediation(@PathVariable UUID id, @RequestBody(required = false) Text text) {
        return escalation.startMediation(id, body(text).organisation(), body(text).reference());
    }

    @PostMapping("/arrangements/{id}/mediation/outcome")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    ArrangementView mediated(@PathVariable UUID id, @RequestBody(required = false) Text text) {
        return escalation.recordMediation(id, body(text).outcome());
    }

    @PostMapping("/arrangements/{id}/regulator-referral")
    @PreAuthorize(CUSTOMER_OR_STAFF)
    ArrangementView regulator(@PathVariable UUID id, @RequestBody(required = false) Text text) {
        return escalation.referToRegulator(id, body(text).description());
    }

    @PostMapping(path = "/hardship-requests/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(CUSTOMER_OR_STAFF)
    ResponseEntity<HardshipDocuments.Document> document(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > HardshipDocuments.MAX_BYTES) {
            throw ApiProblem.badRequest("DOCUMENT_TOO_LARGE", "file", file.getOriginalFilename() + " is larger than 10 MB");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(documents.attach(id, file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping("/arrangements/monitoring-runs")
    @PreAuthorize("hasAnyRole('ADMIN','SYSTEM')")
    Map<String, Object> monitor() {
        return Map.of("changed", monitor.checkAll());
    }

    @GetMapping("/arrangement-policies/{product}")
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR','ADMIN','COMPLIANCE','SYSTEM')")
    List<ArrangementPolicyStore.PolicyVersion> policy(@PathVariable String product) {
        List<ArrangementPolicyStore.PolicyVersion> history = policies.history(product.toUpperCase());
        if (history.isEmpty()) {
            throw ApiProblem.notFound("NO_ARRANGEMENT_POLICY", "No arrangement policy for product " + product);
        }
        return history;
    }

    record NewPolicy(String yaml, Instant effectiveFrom, String comment) {
    }

    @PostMapping("/arrangement-policies/{product}")
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
    ResponseEntity<ArrangementPolicyStore.PolicyVersion> publish(@PathVariable String product, @RequestBody(required = false) NewPolicy p) {
        if (p == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A policy document is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(policies.publish(product.toUpperCase(), p.yaml(), p.effectiveFrom(), p.comment()));
    }
}
