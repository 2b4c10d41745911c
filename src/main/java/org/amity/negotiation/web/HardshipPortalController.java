package org.amity.negotiation.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.negotiation.ArrangementEscalation;
import org.amity.negotiation.ArrangementService;
import org.amity.negotiation.ArrangementView;
import org.amity.negotiation.Channel;
import org.amity.negotiation.HardshipDocuments;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The self-serve hardship journey in the portal: tell us about your situation (with evidence) → see the options the
 * policy gives anyone in the same position, affordable ones first and none pre-selected → choose → read the plan
 * and accept → follow each instalment (kept or not); dissatisfied → re-review, mediation, the regulator.
 */
@Controller
@PreAuthorize("hasRole('CUSTOMER')")
class HardshipPortalController {

    private final LoanService loans;
    private final QuoteService quotes;
    private final ArrangementService arrangements;
    private final ArrangementEscalation escalation;
    private final HardshipDocuments documents;

    HardshipPortalController(LoanService loans, QuoteService quotes, ArrangementService arrangements,
                             ArrangementEscalation escalation, HardshipDocuments documents) {
        this.loans = loans;
        this.quotes = quotes;
        this.arrangements = arrangements;
        this.escalation = escalation;
        this.documents = documents;
    }

    private static UUID me() {
        // the customer comes from the login only, never from the request
        return CurrentUser.get().map(AmityUser::customerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /** What the customer typed, kept when something is refused so that nothing has to be entered twice. */
    record Form(String loanId, String reason, String monthlyIncome, String monthlyEssentialExpenses, String dependants) {
    }

    @GetMapping("/portal/hardship")
    @PreAuthorize("hasRole('CUSTOMER')")
    String page(Model model) {
        return page(model, new Form(null, null, null, null, "0"), null);
    }

    private String page(Model model, Form form, String error) {
        UUID customerId = me();
        model.addAttribute("loans", loans.loansOf(customerId));
        model.addAttribute("arrangements", arrangements.ofCustomer(customerId));
        model.addAttribute("reasons", HardshipReason.values());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "negotiation/portal-hardship";
    }

    @PostMapping("/portal/hardship/quote")
    @PreAuthorize("hasRole('CUSTOMER')")
    String quote(@RequestParam(required = false) String loanId, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String monthlyIncome, @RequestParam(required = false) String monthlyEssentialExpenses,
                 @RequestParam(required = false) String dependants,
                 @RequestParam(name = "documents", required = false) List<MultipartFile> files, Model model) throws IOException {
        Form form = new Form(loanId, reason, monthlyIncome, monthlyEssentialExpenses, dependants);
        try {
            // every file is checked before anything is stored: a refused file loses nothing else
            List<MultipartFile> evidence = new ArrayList<>();
            for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
                if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                    continue;
                }
                if (f.getSize() > HardshipDocuments.MAX_BYTES) {
                    throw ApiProblem.badRequest("DOCUMENT_TOO_LARGE", "file", f.getOriginalFilename() + " is larger than 10 MB");
                }
                HardshipDocuments.contentType(f.getOriginalFilename(), f.getBytes());
                evidence.add(f);
            }
            UUID loan = parseId(loanId);
            QuoteService.QuoteResult result = quotes.quote(new QuoteService.QuoteRequest(loan, new QuoteService.HardshipInput(reason,
                    decimal(monthlyIncome, "hardship.monthlyIncome"), decimal(monthlyEssentialExpenses, "hardship.monthlyEssentialExpenses"),
                    integer(dependants))), Channel.PORTAL);
            for (MultipartFile f : evidence) {
                documents.attach(result.requestId(), f.getOriginalFilename(), f.getBytes());
            }
            return "redirect:/portal/hardship/quotes/" + result.view().quoteId();
        } catch (ApiProblem e) {
            model.addAttribute("errorCode", e.code());
            return page(model, form, e.getMessage());
        }
    }

    private static UUID parseId(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("LOAN_NOT_FOUND", "loanId", "Choose one of your loans");
        }
    }

    private static BigDecimal decimal(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", field, "'" + value + "' is not an amount");
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("INVALID_DEPENDANTS", "hardship.dependants", "'" + value + "' is not a number");
        }
    }

    @GetMapping("/portal/hardship/quotes/{id}")
    @PreAuthorize("hasRole('CUSTOMER')")
    String quotePage(@PathVariable UUID id, Model model) {
        QuoteService.StoredQuote q = quotes.find(id).filter(x -> x.customerId().equals(me()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LoanView loan = loans.find(q.loanId()).orElseThrow();
        model.addAttribute("quote", q);
        model.addAttribute("loan", loan);
        // affordable options first; the order among them is the policy's, and none is pre-selected
        model.addAttribute("options", q.view().options().stream().sorted((a, b) -> Boolean.compare(b.affordable(), a.affordable())).toList());
        return "negotiation/portal-quote";
    }

    @PostMapping("/portal/hardship/quotes/{id}/choose")
    @PreAuthorize("hasRole('CUSTOMER')")
    String choose(@PathVariable UUID id, @RequestParam(required = false) String optionId, RedirectAttributes flash) {
        try {
            ArrangementView a = arrangements.propose(new ArrangementService.Proposal(id, optionId), Channel.PORTAL);
            return "redirect:/portal/hardship/arrangements/" + a.id();
        } catch (ApiProblem e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("errorCode", e.code());
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/portal/hardship/quotes/" + id;
        }
    }

    @GetMapping("/portal/hardship/arrangements/{id}")
    @PreAuthorize("hasRole('CUSTOMER')")
    String arrangement(@PathVariable UUID id, Model model) {
        ArrangementView a = arrangements.get(id);
        model.addAttribute("a", a);
        model.addAttribute("loan", loans.find(a.loanId()).orElseThrow());
        return "negotiation/portal-arrangement";
    }

    @PostMapping("/portal/hardship/arrangements/{id}/{action}")
    @PreAuthorize("hasRole('CUSTOMER')")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String text,
               RedirectAttributes flash) {
        try {
            switch (action) {
                case "accept" -> arrangements.accept(id, Channel.PORTAL);
                case "decline" -> arrangements.close(id, true, text);
                case "re-review" -> escalation.requestReReview(id, text);
                case "regulator" -> escalation.referToRegulator(id, text);
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        } catch (ApiProblem e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            flash.addFlashAttribute("errorCode", e.code());
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/portal/hardship/arrangements/" + id;
    }

    /** A problem on a page (e.g. another customer's arrangement: 404) is an HTTP error page, not a server error. */
    @org.springframework.web.bind.annotation.ExceptionHandler(ApiProblem.class)
    void problem(ApiProblem e, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.sendError(e.status().value(), e.getMessage());
    }
}
