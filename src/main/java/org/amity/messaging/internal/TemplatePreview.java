package org.amity.messaging.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.messaging.ClaimEvidence;
import org.amity.messaging.MessageTemplate;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.springframework.stereotype.Service;

/**
 * Shows staff what a template (stored, or a draft being edited) would say to a real customer today, with the
 * ledger's figures, before anyone saves or sends it. Nothing is recorded.
 */
@Service
public class TemplatePreview {

    private final TemplateStore templates;
    private final MessageRenderer renderer;
    private final CustomerService customers;
    private final LoanService loans;
    private final BusinessClock clock;

    TemplatePreview(TemplateStore templates, MessageRenderer renderer, CustomerService customers, LoanService loans,
                    BusinessClock clock) {
        this.templates = templates;
        this.renderer = renderer;
        this.customers = customers;
        this.loans = loans;
        this.clock = clock;
    }

    /** {@code customer}: a customer id or number; {@code body}/{@code subject}: a draft, else the stored version. */
    public record PreviewRequest(String key, ContactChannel channel, String language, String customer, UUID loanId,
                                 String subject, String body, Set<ClaimEvidence.Claim> claims, Boolean limitedContent,
                                 Map<String, String> variables) {
    }

    public record Preview(String key, ContactChannel channel, String language, Integer version, String customerNumber,
                          String loanNumber, String subject, String body, Set<ClaimEvidence.Claim> claims,
                          List<TemplateStore.Problem> problems, String error) {
    }

    public Preview preview(PreviewRequest r) {
        if (r == null || r.key() == null || r.channel() == null || r.language() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "key", "key, channel and language are required");
        }
        MessageTemplate t;
        List<TemplateStore.Problem> problems = List.of();
        if (r.body() != null) {
            TemplateStore.NewVersion draft = new TemplateStore.NewVersion(r.key(), r.channel(), r.language(), r.subject(), r.body(),
                    r.claims(), r.limitedContent(), null, null);
            problems = templates.validate(draft);
            t = new MessageTemplate(null, r.key(), r.channel(), r.language(), 0, r.subject(), r.body(),
                    r.claims() == null ? Set.of() : r.claims(), Boolean.TRUE.equals(r.limitedContent()), false, null,
                    clock.instant(), CurrentUser.name());
        } else {
            t = templates.latest(r.key(), r.channel(), r.language()).orElseThrow(() -> ApiProblem.notFound("TEMPLATE_NOT_FOUND",
                    "No template " + r.key() + " for " + r.channel() + " in " + r.language()));
        }
        CustomerView customer = customer(r.customer());
        UUID loanId = r.loanId();
        String loanNumber = null;
        if (customer != null && loanId == null) {
            List<LoanView> owned = loans.loansOf(customer.id());
            loanId = owned.isEmpty() ? null : owned.get(0).id();
        }
        if (loanId != null) {
            LoanView loan = loans.find(loanId).orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND", "No loan " + r.loanId()));
            if (customer != null && !loan.customerId().equals(customer.id())) {
                throw ApiProblem.badRequest("LOAN_OF_ANOTHER_CUSTOMER", "loanId", "That loan is not this customer's");
            }
            loanNumber = loan.externalId();
        }
        Map<String, String> variables = new java.util.HashMap<>(r.variables() == null ? Map.of() : r.variables());
        if (customer == null) {
            LedgerVariables.sample(LocalDate.ofInstant(clock.instant(), clock.bankZone())).forEach(variables::putIfAbsent);
        }
        try {
            MessageRenderer.Rendered rendered = renderer.render(t, customer == null ? null : customer.id(), customer == null ? null : loanId,
                    variables, clock.instant());
            return new Preview(t.key(), t.channel(), t.language(), t.version() == 0 ? null : t.version(),
                    customer == null ? null : customer.externalId(), loanNumber, rendered.subject(), rendered.body(), t.claims(),
                    problems, null);
        } catch (MessageRenderer.RenderException e) {
            return new Preview(t.key(), t.channel(), t.language(), t.version() == 0 ? null : t.version(),
                    customer == null ? null : customer.externalId(), loanNumber, null, null, t.claims(), problems, e.getMessage());
        }
    }

    private CustomerView customer(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String s = ref.trim();
        try {
            UUID id = UUID.fromString(s);
            return customers.find(id).orElseThrow(() -> ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer " + s));
        } catch (IllegalArgumentException notAnId) {
            return customers.findByExternalId(s).orElseThrow(() -> ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer " + s));
        }
    }
}
