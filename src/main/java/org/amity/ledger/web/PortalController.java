package org.amity.ledger.web;

import java.time.Instant;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.platform.BusinessClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** A first customer portal page: the customer's own loans and whether they are overdue, and why. */
@Controller
class PortalController {

    private final CustomerService customers;
    private final LoanPanels panels;
    private final BusinessClock clock;

    PortalController(CustomerService customers, LoanPanels panels, BusinessClock clock) {
        this.customers = customers;
        this.panels = panels;
        this.clock = clock;
    }

    @GetMapping("/portal")
    @PreAuthorize("hasRole('CUSTOMER')")
    String home(Model model) {
        // the customer id comes from the login only, never from the request, so nobody can look at another's loans
        var customerId = CurrentUser.get().map(AmityUser::customerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        var customer = customers.find(customerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant now = clock.instant();
        model.addAttribute("customer", customer);
        model.addAttribute("now", now);
        model.addAttribute("loans", panels.of(customerId, now));
        return "portal/home";
    }
}
