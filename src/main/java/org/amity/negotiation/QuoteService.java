package org.amity.negotiation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.ledger.Delinquency;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.ledger.domain.Component;
import org.amity.ledger.domain.InstalmentBalance;
import org.amity.ledger.domain.Money;
import org.amity.negotiation.domain.ArrangementOption;
import org.amity.negotiation.domain.Complexity;
import org.amity.negotiation.domain.Hardship;
import org.amity.negotiation.domain.LoanPosition;
import org.amity.negotiation.domain.OptionCalculator;
import org.amity.negotiation.domain.Quote;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a hardship request (reason, income, essential expenses, dependants), assesses it and quotes the options the
 * product's policy in effect gives for the loan as it stands. The quote is stored as answered, so a later choice is
 * made among exactly the options the customer saw.
 */
@Service
public class QuoteService {

    static final Duration TWELVE_MONTHS = Duration.ofDays(365);

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final LoanService loans;
    private final ArrangementPolicyStore policies;
    private final JsonMapper json;

    QuoteService(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, LoanService loans, ArrangementPolicyStore policies,
                 JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.loans = loans;
        this.policies = policies;
        this.json = json;
    }

    public record HardshipInput(String reason, BigDecimal monthlyIncome, BigDecimal monthlyEssentialExpenses, Integer dependants) {
    }

    public record QuoteRequest(UUID loanId, HardshipInput hardship) {
    }

    /** A quote with what the console and portal show beside it: assessment, affordable limit, current total. */
    public record QuoteResult(QuoteView view, UUID requestId, UUID loanId, UUID customerId, String currency,
                              Complexity complexity, List<String> complexityReasons, BigDecimal affordableLimit,
                              BigDecimal disposableIncome, BigDecimal currentTotal, LocalDate businessDate) {
    }

    @Transactional
    public QuoteResult quote(QuoteRequest request, Channel channel) {
        if (request == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A quote request is required");
        }
        if (request.loanId() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "loanId", "loanId is required");
        }
        Hardship hardship = validate(request.hardship());
        LoanView loan = loans.find(request.loanId())
                .orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND", "No loan with id " + request.loanId()));
        CurrentUser.requireAccessTo(loan.customerId());
        Instant now = clock.instant();
        ArrangementPolicyStore.InEffect policy = policies.inEffect(loan.product(), now);
        LoanPosition position = position(loan, now);
        Quote quote = OptionCalculator.quote(policy.policy(), position, hardship, position.businessDate().plusMonths(1));
        QuoteView view = view(UUID.randomUUID(), quote);

        UUID requestId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO hardship_request (id, customer_id, loan_id, channel, reason, monthly_income, essential_expenses,
                                              dependants, complexity, complexity_reasons, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(requestId, loan.customerId(), loan.id(), channel.name(), hardship.reason(), hardship.monthlyIncome(),
                        hardship.monthlyEssentialExpenses(), hardship.dependants(), quote.complexity().name(),
                        String.join(",", quote.complexityReasons()), CurrentUser.name(), Timestamp.from(now))
                .update();
        jdbc.sql("""
                INSERT INTO arrangement_quote (id, customer_id, loan_id, request_id, policy_version, business_date, complexity,
                                               complexity_reasons, affordable_limit, disposable_income, current_total, currency,
                                               body, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(view.quoteId(), loan.customerId(), loan.id(), requestId, policy.policy().version(), position.businessDate(),
                        quote.complexity().name(), String.join(",", quote.complexityReasons()), quote.affordableLimit(),
                        hardship.disposableIncome(), position.currentTotal(), loan.currency(),
                        json.writeValueAsString(view), CurrentUser.name(), Timestamp.from(now))
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("loanId", loan.id().toString());
        after.put("channel", channel.name());
        after.put("complexity", quote.complexity().name());
        after.put("policy", loan.product() + " " + policy.policy().version());
        after.put("options", quote.options().stream().map(ArrangementOption::optionId).toList());
        audit.record("ARRANGEMENT_QUOTED", "ArrangementQuote", view.quoteId().toString(), null, after);
        return new QuoteResult(view, requestId, loan.id(), loan.customerId(), loan.currency(), quote.complexity(),
                quote.complexityReasons(), quote.affordableLimit(), hardship.disposableIncome(), position.currentTotal(),
                position.businessDate());
    }

    static Hardship validate(HardshipInput h) {
        if (h == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "hardship", "hardship is required");
        }
        if (h.reason() == null || h.reason().isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "hardship.reason", "hardship.reason is required")
                    .allowedValues(List.of(HardshipReason.values()));
        }
        HardshipReason reason;
        try {
            reason = HardshipReason.valueOf(h.reason().trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_HARDSHIP_REASON", "hardship.reason", "'" + h.reason() + "' is not a hardship reason")
                    .allowedValues(List.of(HardshipReason.values()));
        }
        BigDecimal income = amount(h.monthlyIncome(), "hardship.monthlyIncome");
        BigDecimal expenses = amount(h.monthlyEssentialExpenses(), "hardship.monthlyEssentialExpenses");
        if (h.dependants() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "hardship.dependants", "hardship.dependants is required (0 if none)");
        }
        if (h.dependants() < 0 || h.dependants() > 30) {
            throw ApiProblem.badRequest("INVALID_DEPENDANTS", "hardship.dependants", "hardship.dependants is between 0 and 30");
        }
        return new Hardship(reason.name(), income, expenses, h.dependants());
    }

    private static BigDecimal amount(BigDecimal value, String field) {
        if (value == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", field, field + " is required");
        }
        if (value.signum() < 0) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", field, field + " cannot be negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", field, field + " has more than two decimals");
        }
        if (value.compareTo(new BigDecimal("100000000")) >= 0) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", field, field + " is implausibly large");
        }
        return value.setScale(2);
    }

    /** The loan's facts as of now: unpaid principal, arrears of interest and fees, remaining term, history. */
    LoanPosition position(LoanView loan, Instant now) {
        Delinquency d = loans.delinquency(loan.id(), now);
        LocalDate today = d.businessDate();
        BigDecimal principal = Money.ZERO;
        BigDecimal interest = Money.ZERO;
        BigDecimal fees = Money.ZERO;
        BigDecimal total = Money.ZERO;
        int remaining = 0;
        for (InstalmentBalance b : loans.balances(loan.id())) {
            principal = principal.add(b.outstanding(Component.PRINCIPAL));
            total = total.add(b.remaining());
            if (!b.dueDate().isAfter(today)) {
                interest = interest.add(b.outstanding(Component.INTEREST));
                fees = fees.add(b.outstanding(Component.FEE)).add(b.outstanding(Component.PENALTY));
            } else if (b.remaining().signum() > 0) {
                remaining++;
            }
        }
        int recent = jdbc.sql("""
                SELECT count(*) FROM arrangement WHERE customer_id = ? AND accepted_at IS NOT NULL AND accepted_at > ?""")
                .params(loan.customerId(), Timestamp.from(now.minus(TWELVE_MONTHS))).query(Integer.class).single();
        return new LoanPosition(loan.product(), loan.currency(), loan.annualRate(), loan.method(), today, d.daysPastDue(),
                principal, interest, fees, remaining, total, recent);
    }

    static QuoteView view(UUID quoteId, Quote quote) {
        List<QuoteView.Option> options = quote.options().stream().map(o -> new QuoteView.Option(o.optionId(), o.type().name(),
                o.termMonths(), o.monthlyPayment(), o.totalPayable(), o.waivedAmount(), o.affordable(),
                o.schedule().stream().map(i -> new QuoteView.Instalment(i.number(), i.dueDate(), i.principal(), i.interest(),
                        i.fees(), i.total())).toList())).toList();
        List<QuoteView.NotOffered> notOffered = quote.notOffered().stream()
                .map(n -> new QuoteView.NotOffered(n.type().name(), n.reason())).toList();
        return new QuoteView(quoteId, options, notOffered, quote.policyVersion());
    }

    /** A stored quote as answered, with its loan and customer. */
    public record StoredQuote(QuoteView view, UUID customerId, UUID loanId, UUID requestId, String policyVersion,
                              Complexity complexity, Instant createdAt, LocalDate businessDate, List<String> complexityReasons,
                              BigDecimal affordableLimit, BigDecimal disposableIncome, BigDecimal currentTotal, String currency) {
    }

    public Optional<StoredQuote> find(UUID quoteId) {
        return jdbc.sql("SELECT * FROM arrangement_quote WHERE id = ?").param(quoteId)
                .query((rs, n) -> new StoredQuote(json.readValue(rs.getString("body"), QuoteView.class),
                        rs.getObject("customer_id", UUID.class), rs.getObject("loan_id", UUID.class),
                        rs.getObject("request_id", UUID.class), rs.getString("policy_version"),
                        Complexity.valueOf(rs.getString("complexity")), rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("business_date", LocalDate.class), List.of(rs.getString("complexity_reasons").split(",")),
                        rs.getBigDecimal("affordable_limit"), rs.getBigDecimal("disposable_income"), rs.getBigDecimal("current_total"),
                        rs.getString("currency")))
                .optional();
    }
}
