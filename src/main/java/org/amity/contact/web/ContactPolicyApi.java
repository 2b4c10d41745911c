package org.amity.contact.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.amity.contact.PolicyStore;
import org.amity.contact.PolicyStore.PolicyDocument;
import org.amity.contact.PolicyStore.PolicyVersion;
import org.amity.platform.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The contact policy documents with their history, new versions (validated, audited) and holiday calendars. */
@RestController
@Tag(name = "Contact policy")
class ContactPolicyApi {

    static final String EDITORS = "hasAnyRole('COMPLIANCE','ADMIN')";
    private static final String READERS = "hasAnyRole('COMPLIANCE','ADMIN','SUPERVISOR')";

    private final PolicyStore store;

    ContactPolicyApi(PolicyStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/contact-policies")
    @PreAuthorize(READERS)
    List<PolicyDocument> documents() {
        return store.documents();
    }

    @GetMapping("/api/v1/contact-policies/{documentId}/versions")
    @PreAuthorize(READERS)
    List<PolicyVersion> versions(@PathVariable String documentId) {
        return store.versions(documentId);
    }

    @PostMapping("/api/v1/contact-policies/{documentId}/versions")
    @PreAuthorize(EDITORS)
    ResponseEntity<PolicyVersion> add(@PathVariable String documentId, @RequestBody PolicyStore.NewVersion request) {
        PolicyVersion created = store.addVersion(documentId, request);
        return ResponseEntity.created(URI.create("/api/v1/contact-policies/" + documentId + "/versions")).body(created);
    }

    record DiffRequest(String yaml) {
    }

    @PostMapping("/api/v1/contact-policies/{documentId}/diff")
    @PreAuthorize(EDITORS)
    PolicyStore.Diff diff(@PathVariable String documentId, @RequestBody DiffRequest request) {
        return store.diff(documentId, request == null ? null : request.yaml());
    }

    @GetMapping("/api/v1/holiday-calendars")
    @PreAuthorize(READERS)
    List<PolicyStore.HolidayYear> holidayYears() {
        return store.holidayYears();
    }

    @GetMapping("/api/v1/holiday-calendars/{jurisdiction}/{year}")
    @PreAuthorize(READERS)
    ResponseEntity<String> holidayYear(@PathVariable String jurisdiction, @PathVariable int year) {
        String yaml = store.holidayYaml(jurisdiction, year).orElseThrow(() -> ApiProblem.notFound("CALENDAR_YEAR_NOT_FOUND",
                "No holiday calendar for " + jurisdiction + " " + year));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8")).body(yaml);
    }

    /** The body is the year's YAML document (any content type), e.g. CN 2027 once the State Council publishes it. */
    @PutMapping("/api/v1/holiday-calendars/{jurisdiction}/{year}")
    @PreAuthorize(EDITORS)
    PolicyStore.HolidayYear loadHolidayYear(@PathVariable String jurisdiction, @PathVariable int year,
                                            @RequestBody(required = false) String yaml) {
        return store.loadHolidayYear(jurisdiction, year, yaml);
    }
}
