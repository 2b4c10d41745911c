package org.amity.ledger.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.ledger.Delinquency;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.ledger.PaymentClaim;
import org.amity.ledger.PaymentClaimService;
import org.amity.ledger.PaymentService;
import org.amity.ledger.PaymentView;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/loans")
@Tag(name = "Loans")
class LoanApi {

    private static final String READERS = "hasAnyRole('ADMIN','AGENT','SUPERVISOR','COMPLIANCE','FIELD_OFFICER','SYSTEM','CUSTOMER')";

    private final LoanService loans;
    private final PaymentService payments;
    private final PaymentClaimService claims;
    private final BusinessClock clock;

    LoanApi(LoanService loans, PaymentService payments, PaymentClaimService claims, BusinessClock clock) {
        this.loans = loans;
        this.payments = payments;
        this.claims = claims;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','SYSTEM')")
    ResponseEntity<LoanView> book(@RequestBody LoanService.NewLoan request) {
        LoanView loan = loans.book(request);
        return ResponseEntity.created(URI.create("/api/v1/loans/" + loan.id())).body(loan);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    LoanView get(@PathVariable UUID id) {
        LoanView loan = loans.find(id).orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND", "No loan with id " + id));
        CurrentUser.requireAccessTo(loan.customerId());
        return loan;
    }

    @GetMapping("/{id}/delinquency")
    @PreAuthorize(READERS)
    Delinquency delinquency(@PathVariable UUID id,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Delinquency d = loans.delinquency(id, asOf == null ? clock.instant() : asOf);
        CurrentUser.requireAccessTo(d.customerId());
        return d;
    }

    @PostMapping("/{id}/payments")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','SYSTEM')")
    ResponseEntity<PaymentView> pay(@PathVariable UUID id, @RequestBody PaymentService.NewPayment request) {
        PaymentService.Posted posted = payments.post(id, request);
        return posted.created()
                ? ResponseEntity.created(URI.create("/api/v1/loans/" + id + "/payments/" + posted.payment().id())).body(posted.payment())
                : ResponseEntity.ok(posted.payment());
    }

    @GetMapping("/{id}/payments")
    @PreAuthorize(READERS)
    List<PaymentView> paymentsOf(@PathVariable UUID id) {
        CurrentUser.requireAccessTo(loans.customerOf(id));
        return payments.paymentsOf(id);
    }

    record Reversal(String reason) {
    }

    @PostMapping("/{id}/payments/{paymentId}/reversal")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','SYSTEM')")
    PaymentView reverse(@PathVariable UUID id, @PathVariable UUID paymentId, @RequestBody Reversal reversal) {
        return payments.reverse(id, paymentId, reversal == null ? null : reversal.reason());
    }

    @PostMapping("/{id}/payment-claims")
    @PreAuthorize("hasAnyRole('ADMIN','AGENT','SUPERVISOR','SYSTEM','CUSTOMER')")
    ResponseEntity<Map<String, Object>> claim(@PathVariable UUID id, @RequestBody PaymentClaimService.NewClaim request) {
        CurrentUser.requireAccessTo(loans.customerOf(id));
        PaymentClaim claim = claims.record(id, request);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/loans/" + id + "/payment-claims/" + claim.id()))
                .body(claimView(claim));
    }

    @GetMapping("/{id}/payment-claims")
    @PreAuthorize(READERS)
    List<Map<String, Object>> claimsOf(@PathVariable UUID id) {
        CurrentUser.requireAccessTo(loans.customerOf(id));
        return claims.claimsOf(id).stream().map(this::claimView).toList();
    }

    private Map<String, Object> claimView(PaymentClaim c) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", c.id());
        view.put("loanId", c.loanId());
        view.put("status", c.statusAt(clock.instant()));
        view.put("evidenceReference", c.evidenceReference());
        view.put("amount", c.amount());
        view.put("paidOn", c.paidOn());
        view.put("channel", c.channel());
        view.put("claimedBy", c.claimedBy());
        view.put("createdAt", c.createdAt());
        view.put("expiresAt", c.expiresAt());
        view.put("matchedPaymentId", c.matchedPaymentId());
        return view;
    }
}
