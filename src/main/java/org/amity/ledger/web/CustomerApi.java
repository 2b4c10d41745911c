package org.amity.ledger.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.platform.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomerApi {

    private final CustomerService customers;
    private final LoanService loans;

    CustomerApi(CustomerService customers, LoanService loans) {
        this.customers = customers;
        this.loans = loans;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','AGENT','SUPERVISOR','SYSTEM')")
    ResponseEntity<CustomerView> create(@RequestBody CustomerService.NewCustomer request) {
        CustomerView created = customers.register(request);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','AGENT','SUPERVISOR','COMPLIANCE','FIELD_OFFICER','SYSTEM','CUSTOMER')")
    CustomerView get(@PathVariable UUID id) {
        CurrentUser.requireAccessTo(id);
        return customers.find(id).orElseThrow(() -> ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer with id " + id));
    }

    @GetMapping("/{id}/loans")
    @PreAuthorize("hasAnyRole('ADMIN','AGENT','SUPERVISOR','COMPLIANCE','FIELD_OFFICER','SYSTEM','CUSTOMER')")
    List<LoanView> loans(@PathVariable UUID id) {
        CurrentUser.requireAccessTo(id);
        get(id);
        return loans.loansOf(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','AGENT','SUPERVISOR','COMPLIANCE','FIELD_OFFICER')")
    List<CustomerService.SearchHit> search(@RequestParam("q") String query, @RequestParam(defaultValue = "50") int limit) {
        return customers.search(query, Math.min(Math.max(limit, 1), 200));
    }
}
