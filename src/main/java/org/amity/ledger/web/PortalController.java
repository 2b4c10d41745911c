package org.amity.ledger.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.LoanService;
import org.amity.ledger.PaymentClaimService;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's overview: each loan with its next due date and amount, whether it is overdue as of this moment and
 * the sentence that explains how that was computed; and "I have paid" for a payment the ledger does not show yet.
 */
@Controller
class PortalController {

    private final CustomerService customers;
    private final LoanPanels panels;
    private final BusinessClock clock;
    private final LoanService loans;
    private final PaymentClaimService claims;

    PortalController(CustomerService customers, LoanPanels panels, BusinessClock clock, LoanService loans, PaymentClaimService claims) {
        this.customers = customers;
        this.panels = panels;
        this.clock = clock;
        this.loans = loans;
        this.claims = claims;
    }

    @GetMapping("/portal")
    @PreAuthorize("hasRole('CUSTOMER')")
    String home(Model model) {
        // the customer id comes from the login only, never from the request, so nobody can look at another's loans
        UUID customerId = customerId();
        var customer = customers.find(customerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant now = clock.instant();
        model.addAttribute("customer", customer);
        model.addAttribute("now", now);
        model.addAttribute("today", LocalDate.ofInstant(now, clock.bankZone()));
        model.addAttribute("loans", panels.of(customerId, now));
        return "portal/home";
    }

    /** "I have paid": an open claim pauses collection contact about the loan while the bank checks the payment. */
    @PostMapping("/portal/loans/{loanId}/payment-claims")
    @PreAuthorize("hasRole('CUSTOMER')")
    String claim(@PathVariable UUID loanId, @RequestParam(required = false) String evidenceReference,
                 @RequestParam(required = false) String amount, @RequestParam(required = false) String paidOn,
                 RedirectAttributes redirect) {
        UUID customerId = customerId();
        String loanNumber;
        try {
            if (!customerId.equals(loans.customerOf(loanId))) {
                throw ApiProblem.notFound("LOAN_NOT_FOUND", "No loan with id " + loanId);
            }
        } catch (ApiProblem e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        loanNumber = loans.find(loanId).orElseThrow().externalId();
        try {
            BigDecimal value = amount == null || amount.isBlank() ? null : parseAmount(amount);
            LocalDate date = paidOn == null || paidOn.isBlank() ? null : parseDate(paidOn);
            claims.record(loanId, new PaymentClaimService.NewClaim(evidenceReference, value, date, "PORTAL"));
            redirect.addFlashAttribute("claimed", loanNumber);
        } catch (ApiProblem e) {
            redirect.addFlashAttribute("claimError", e.getMessage());
            redirect.addFlashAttribute("claimLoan", loanNumber);
        }
        return "redirect:/portal#loan-" + loanNumber;
    }

    private static BigDecimal parseAmount(String amount) {
        try {
            return new BigDecimal(amount.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", "amount", "'" + amount + "' is not an amount, e.g. 1032.80");
        }
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_DATE", "paidOn", "'" + date + "' is not a date, e.g. 2026-11-20");
        }
    }

    private static UUID customerId() {
        return CurrentUser.get().filter(AmityUser::isCustomer).map(AmityUser::customerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
