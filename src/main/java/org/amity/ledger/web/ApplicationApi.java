package org.amity.ledger.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.ledger.LoanApplicationService;
import org.amity.ledger.LoanApplicationView;
import org.amity.platform.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Loan applications")
class ApplicationApi {

    private final LoanApplicationService applications;

    ApplicationApi(LoanApplicationService applications) {
        this.applications = applications;
    }

    @PostMapping("/api/v1/applications")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','SYSTEM')")
    ResponseEntity<LoanApplicationView> submit(@RequestBody LoanApplicationService.NewApplication request) {
        LoanApplicationView created = applications.submit(request);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/applications/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','SYSTEM','CUSTOMER')")
    LoanApplicationView get(@PathVariable UUID id) {
        LoanApplicationView application = applications.find(id)
                .orElseThrow(() -> ApiProblem.notFound("APPLICATION_NOT_FOUND", "No application with id " + id));
        CurrentUser.requireAccessTo(application.customerId());
        return application;
    }

    @GetMapping("/api/v1/customers/{customerId}/applications")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','SYSTEM','CUSTOMER')")
    List<LoanApplicationView> ofCustomer(@PathVariable UUID customerId) {
        CurrentUser.requireAccessTo(customerId);
        return applications.applicationsOf(customerId);
    }

    record StatusChange(LoanApplicationView.ApplicationStatus status, String note) {
    }

    @PostMapping("/api/v1/applications/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','SYSTEM')")
    LoanApplicationView changeStatus(@PathVariable UUID id, @RequestBody StatusChange change) {
        return applications.changeStatus(id, change == null ? null : change.status(), change == null ? null : change.note());
    }

    record DocumentUpdate(LoanApplicationView.DocumentState state, String note) {
    }

    @PutMapping("/api/v1/applications/{id}/documents/{type}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','SYSTEM')")
    LoanApplicationView updateDocument(@PathVariable UUID id, @PathVariable String type, @RequestBody DocumentUpdate update) {
        return applications.updateDocument(id, type, update == null ? null : update.state(), update == null ? null : update.note());
    }
}
