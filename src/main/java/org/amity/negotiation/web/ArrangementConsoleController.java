package org.amity.negotiation.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.negotiation.ArrangementEscalation;
import org.amity.negotiation.ArrangementPolicyStore;
import org.amity.negotiation.ArrangementService;
import org.amity.negotiation.ArrangementView;
import org.amity.negotiation.Channel;
import org.amity.negotiation.HardshipReason;
import org.amity.negotiation.QuoteService;
import org.amity.platform.ApiProblem;
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
 * The console for arrangements: the approval queue (supervisors), active / broken / escalated arrangements, a
 * hardship request taken on the phone (quote → propose → the customer's acceptance recorded with its channel),
 * follow-up tasks, re-review and mediation. Every action goes through the same services as the API (audited).
 */
@Controller
class ArrangementConsoleController {

    static final String STAFF = "hasAnyRole('AGENT','SUPERVISOR','ADMIN','COMPLIANCE')";
    static final String ACTORS = "hasAnyRole('AGENT','SUPERVISOR','ADMIN')";

    private final ArrangementService arrangements;
    private final ArrangementEscalation escalation;
    private final QuoteService quotes;
    private final LoanService loans;
    private final ArrangementPolicyStore policies;

    ArrangementConsoleController(ArrangementService arrangements, ArrangementEscalation escalation, QuoteService quotes,
                                 LoanService loans, ArrangementPolicyStore policies) {
        this.arrangements = arrangements;
        this.escalation = escalation;
        this.quotes = quotes;
        this.loans = loans;
        this.policies = policies;
    }

    @GetMapping("/console/arrangements")
    @PreAuthorize(STAFF)
    String list(Model model) {
        model.addAttribute("awaiting", arrangements.withStatus(List.of("AWAITING_APPROVAL")));
        model.addAttribute("active", arrangements.withStatus(List.of("ACTIVE", "AWAITING_ACCEPTANCE")));
        model.addAttribute("broken", arrangements.withStatus(List.of("BROKEN")));
        model.addAttribute("escalated", arrangements.escalated());
        model.addAttribute("products", policies.products());
        return "negotiation/console-list";
    }

    @GetMapping("/console/arrangements/new")
    @PreAuthorize(ACTORS)
    String newRequest(@RequestParam(required = false) String loan, Model model) {
        model.addAttribute("reasons", HardshipReason.values());
        model.addAttribute("loan", loan);
        return "negotiation/console-new";
    }

    @PostMapping("/console/arrangements/quote")
    @PreAuthorize(ACTORS)
    String quote(@RequestParam String loan, @RequestParam(required = false) String reason, @RequestParam(required = false) BigDecimal monthlyIncome,
                 @RequestParam(required = false) BigDecimal monthlyEssentialExpenses, @RequestParam(required = false) Integer dependants,
                 Model model) {
        try {
            LoanView l = loans.findByExternalId(loan.trim()).or(() -> {
                try {
                    return loans.find(UUID.fromString(loan.trim()));
                } catch (IllegalArgumentException e) {
                    return java.util.Optional.empty();
                }
            }).orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND", "No loan " + loan));
            QuoteService.QuoteResult r = quotes.quote(new QuoteService.QuoteRequest(l.id(),
                    new QuoteService.HardshipInput(reason, monthlyIncome, monthlyEssentialExpenses, dependants)), Channel.HOTLINE);
            return "redirect:/console/arrangements/quotes/" + r.view().quoteId();
        } catch (ApiProblem e) {
            model.addAttribute("error", e.code() + ": " + e.getMessage());
            return newRequest(loan, model);
        }
    }

    @GetMapping("/console/arrangements/quotes/{id}")
    @PreAuthorize(STAFF)
    String quotePage(@PathVariable UUID id, Model model) {
        QuoteService.StoredQuote q = quotes.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("quote", q);
        model.addAttribute("loan", loans.find(q.loanId()).orElseThrow());
        return "negotiation/console-quote";
    }

    @PostMapping("/console/arrangements/quotes/{id}/propose")
    @PreAuthorize(ACTORS)
    String propose(@PathVariable UUID id, @RequestParam String optionId, RedirectAttributes flash) {
        try {
            ArrangementView a = arrangements.propose(new ArrangementService.Proposal(id, optionId), Channel.HOTLINE);
            return "redirect:/console/arrangements/" + a.id();
        } catch (ApiProblem e) {
            flash.addFlashAttribute("error", e.code() + ": " + e.getMessage());
            return "redirect:/console/arrangements/quotes/" + id;
        }
    }

    @GetMapping("/console/arrangements/{id}")
    @PreAuthorize(STAFF)
    String detail(@PathVariable UUID id, Model model) {
        ArrangementView a = arrangements.get(id);
        model.addAttribute("a", a);
        model.addAttribute("loan", loans.find(a.loanId()).orElseThrow());
        model.addAttribute("versions", loans.scheduleVersions(a.loanId()));
        return "negotiation/console-arrangement";
    }

    @PostMapping("/console/arrangements/{id}/approval")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String decide(@PathVariable UUID id, @RequestParam boolean approved, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return run(id, flash, () -> arrangements.decide(id, approved, note));
    }

    @PostMapping("/console/arrangements/{id}/acceptance")
    @PreAuthorize(ACTORS)
    String accept(@PathVariable UUID id, @RequestParam(defaultValue = "HOTLINE") Channel channel, RedirectAttributes flash) {
        return run(id, flash, () -> arrangements.accept(id, channel));
    }

    @PostMapping("/console/arrangements/{id}/cancellation")
    @PreAuthorize(ACTORS)
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return run(id, flash, () -> arrangements.close(id, false, note));
    }

    @PostMapping("/console/arrangements/{id}/tasks/{taskId}")
    @PreAuthorize(ACTORS)
    String task(@PathVariable UUID id, @PathVariable UUID taskId, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return run(id, flash, () -> arrangements.completeTask(id, taskId, note));
    }

    @PostMapping("/console/arrangements/{id}/re-review")
    @PreAuthorize(ACTORS)
    String reReview(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return run(id, flash, () -> escalation.requestReReview(id, note));
    }

    @PostMapping("/console/arrangements/{id}/re-review/outcome")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String reReviewed(@PathVariable UUID id, @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
                      RedirectAttributes flash) {
        return run(id, flash, () -> escalation.recordReReview(id, outcome, note));
    }

    @PostMapping("/console/arrangements/{id}/mediation")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String mediation(@PathVariable UUID id, @RequestParam(required = false) String organisation,
                     @RequestParam(required = false) String reference, RedirectAttributes flash) {
        return run(id, flash, () -> escalation.startMediation(id, organisation, reference));
    }

    @PostMapping("/console/arrangements/{id}/mediation/outcome")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String mediated(@PathVariable UUID id, @RequestParam(required = false) String outcome, RedirectAttributes flash) {
        return run(id, flash, () -> escalation.recordMediation(id, outcome));
    }

    @PostMapping("/console/arrangements/{id}/regulator-referral")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String regulator(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return run(id, flash, () -> escalation.referToRegulator(id, note));
    }

    private static String run(UUID id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (ApiProblem e) {
            flash.addFlashAttribute("error", e.code() + ": " + e.getMessage());
        }
        return "redirect:/console/arrangements/" + id;
    }

    /** A problem on a page (e.g. another customer's arrangement: 404) is an HTTP error page, not a server error. */
    @org.springframework.web.bind.annotation.ExceptionHandler(ApiProblem.class)
    void problem(ApiProblem e, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.sendError(e.status().value(), e.getMessage());
    }
}
