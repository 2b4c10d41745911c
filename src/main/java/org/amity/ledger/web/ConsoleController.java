package org.amity.ledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanApplicationService;
import org.amity.ledger.LoanService;
import org.amity.platform.BusinessClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The staff console: home, customer search and the customer 360° page. */
@Controller
class ConsoleController {

    static final String STAFF = "hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','COMPLIANCE')";
    private static final int SEARCH_LIMIT = 50;

    private final CustomerService customers;
    private final LoanService loans;
    private final LoanApplicationService applications;
    private final LoanPanels panels;
    private final BusinessClock clock;

    ConsoleController(CustomerService customers, LoanService loans, LoanApplicationService applications,
                      LoanPanels panels, BusinessClock clock) {
        this.customers = customers;
        this.loans = loans;
        this.applications = applications;
        this.panels = panels;
        this.clock = clock;
    }

    @GetMapping("/console")
    @PreAuthorize(STAFF)
    String home(Model model) {
        Instant now = clock.instant();
        model.addAttribute("customerCount", customers.count());
        model.addAttribute("loanCount", loans.count());
        model.addAttribute("now", now);
        model.addAttribute("businessDate", LocalDate.ofInstant(now, clock.bankZone()));
        model.addAttribute("clockAdjusted", clock.isAdjusted());
        return "ledger/home";
    }

    /**
     * One URL for both the page and the live-search results: htmx asks for the table only, a plain form
     * submit (no JavaScript) or a reload of a pushed URL gets the whole page.
     */
    @GetMapping("/console/customers")
    @PreAuthorize(STAFF)
    String search(@RequestParam(defaultValue = "") String q,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                  Model model) {
        model.addAttribute("q", q.trim());
        model.addAttribute("hits", customers.search(q, SEARCH_LIMIT));
        model.addAttribute("limit", SEARCH_LIMIT);
        boolean fragment = "true".equals(htmx) && !"true".equals(historyRestore);
        return fragment ? "ledger/customers :: results" : "ledger/customers";
    }

    @GetMapping("/console/customers/{id}")
    @PreAuthorize(STAFF)
    String customer(@PathVariable UUID id, Model model) {
        CustomerView customer = customers.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant now = clock.instant();
        model.addAttribute("customer", customer);
        model.addAttribute("localTime", now.atZone(ZoneId.of(customer.address().timeZone())));
        model.addAttribute("loans", panels.of(id, now));
        model.addAttribute("applications", applications.applicationsOf(id));
        return "ledger/customer";
    }
}
