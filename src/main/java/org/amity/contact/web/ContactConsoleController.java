package org.amity.contact.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactPurpose;
import org.amity.contact.domain.Decision;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.platform.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The agent's "may I call now?" panel on the customer page (loaded by htmx): for each loan and channel, what the
 * engine would answer this minute and why, the next allowed time, and the customer's recent decisions.
 */
@Controller
class ContactConsoleController {

    private static final List<ContactChannel> PANEL_CHANNELS = List.of(ContactChannel.VOICE, ContactChannel.SMS, ContactChannel.EMAIL);

    private final CustomerService customers;
    private final LoanService loans;
    private final ContactDecisionService decisions;

    ContactConsoleController(CustomerService customers, LoanService loans, ContactDecisionService decisions) {
        this.customers = customers;
        this.loans = loans;
        this.decisions = decisions;
    }

    public record PanelRow(String loan, ContactChannel channel, String destination, boolean allowed, List<String> reasons,
                           Instant nextAllowedAt, List<ContactChannel> alternatives) {
    }

    @GetMapping("/console/customers/{id}/contact-panel")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','FIELD_OFFICER','COMPLIANCE')")
    String panel(@PathVariable UUID id, Model model, Locale locale) {
        CustomerView customer = customers.find(id).orElseThrow(() -> ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer " + id));
        String language = locale.getLanguage().equals("zh") ? "zh-CN" : "en";
        List<PanelRow> rows = new ArrayList<>();
        for (LoanView loan : loans.loansOf(id)) {
            for (ContactChannel channel : PANEL_CHANNELS) {
                Optional<CustomerView.ContactPoint> own = customer.contactPoints().stream()
                        .filter(p -> p.owner() == CustomerView.ContactOwner.SELF && p.verified())
                        .filter(p -> (p.type() == CustomerView.ContactType.EMAIL) == (channel == ContactChannel.EMAIL))
                        .findFirst();
                if (own.isEmpty()) {
                    rows.add(new PanelRow(loan.externalId(), channel, null, false, List.of(), null, List.of()));
                    continue;
                }
                Decision d = decisions.preview(customer, loan.id(), ContactPurpose.COLLECTION, channel, own.get().value());
                rows.add(new PanelRow(loan.externalId(), channel, own.get().masked(), d.allowed(),
                        d.reasons().stream().map(r -> r.message(language)).toList(), d.nextAllowedAt(), d.alternatives()));
            }
        }
        model.addAttribute("customer", customer);
        model.addAttribute("rows", rows);
        model.addAttribute("history", decisions.history(id, 20));
        return "contact/panel :: panel";
    }
}
