package org.amity.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.domain.DecisionFacts;
import org.amity.contact.internal.CandidateZones;
import org.amity.ledger.CustomerView;
import org.amity.ledger.Delinquency;
import org.amity.ledger.LoanApplicationService;
import org.amity.ledger.LoanService;
import org.amity.ledger.PaymentClaimService;
import org.amity.platform.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gathers, from the ledger and the contact tables, everything the decision engine needs about one customer now. */
@Component
class DecisionFactsLoader {

    private final JdbcClient jdbc;
    private final LoanService loans;
    private final PaymentClaimService claims;
    private final LoanApplicationService applications;
    private final ContactPreferenceService preferences;
    private final ContactHoldService holds;
    private final PolicyStore policies;
    private final ContactProperties properties;

    DecisionFactsLoader(JdbcClient jdbc, LoanService loans, PaymentClaimService claims, LoanApplicationService applications,
                        ContactPreferenceService preferences, ContactHoldService holds, PolicyStore policies,
                        ContactProperties properties) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.claims = claims;
        this.applications = applications;
        this.preferences = preferences;
        this.holds = holds;
        this.policies = policies;
        this.properties = properties;
    }

    record Loaded(DecisionFacts facts, String productPreset) {
    }

    /**
     * @param live a decision about now (not a what-if): every attempt already booked counts, even one stamped a few
     *             milliseconds "later" by another instance whose clock runs slightly ahead
     */
    Loaded load(CustomerView customer, UUID loanId, ContactChannel channel, String destination, Instant at, Instant historyFrom,
                boolean live) {
        return loadWith(customer, loanId, channel, destination, at, attempts(customer.id(), historyFrom, at, live));
    }

    /** The same facts, with a given attempt history instead of the booked one (a policy what-if replays its own). */
    Loaded loadWith(CustomerView customer, UUID loanId, ContactChannel channel, String destination, Instant at,
                    List<DecisionFacts.Attempt> attempts) {
        DecisionFacts.LoanState loan = null;
        String productPreset = null;
        if (loanId != null) {
            LoanService.LoanSummary view = loans.summary(loanId).filter(l -> l.customerId().equals(customer.id()))
                    .orElseThrow(() -> ApiProblem.badRequest("UNKNOWN_LOAN", "loanId", "The customer has no loan " + loanId));
            Delinquency d = loans.delinquency(loanId, at);
            loan = new DecisionFacts.LoanState(loanId, d.daysPastDue(), d.graceDays(), claims.hasOpenClaim(loanId, at),
                    view.nextUnpaidDueDate());
            productPreset = properties.presetForProduct(view.product());
        }
        Set<ZoneId> zones = CandidateZones.of(customer.address().timeZone(), channel.usesPhone() ? destination : null);
        List<DecisionFacts.ContactPoint> points = customer.contactPoints().stream()
                .map(p -> new DecisionFacts.ContactPoint(DecisionFacts.PointType.valueOf(p.type().name()), p.value(), p.verified(),
                        DecisionFacts.Owner.valueOf(p.owner().name()))).toList();
        DecisionFacts facts = new DecisionFacts(customer.language(), new ArrayList<>(zones), points, loan,
                applications.anyNeedingCustomerAction(customer.id()), preferencesOf(customer),
                holds.holdsOf(customer.id()).stream().filter(h -> h.liftedAt() == null || h.liftedAt().isAfter(at))
                        .map(h -> new DecisionFacts.Hold(h.type(), h.loanId(), h.from(),
                                h.liftedAt() != null && (h.until() == null || h.liftedAt().isBefore(h.until())) ? h.liftedAt() : h.until()))
                        .toList(),
                attempts, policies.holidays());
        return new Loaded(facts, productPreset);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private DecisionFacts.Preferences preferencesOf(CustomerView customer) {
        ContactPreferences p = preferences.of(customer);
        Set<DecisionFacts.OptOut> optOuts = new LinkedHashSet<>();
        p.optOuts().forEach(o -> optOuts.add(new DecisionFacts.OptOut(o.channel(), o.purpose())));
        List<DecisionFacts.InconvenientTime> times = p.inconvenientTimes().stream()
                .map(t -> new DecisionFacts.InconvenientTime(
                        t.days().stream().map(Weekday::dayOfWeek).collect(java.util.stream.Collectors.toSet()), t.from(), t.to()))
                .toList();
        return new DecisionFacts.Preferences(optOuts,
                p.marketingOptIns().isEmpty() ? EnumSet.noneOf(ContactChannel.class) : EnumSet.copyOf(p.marketingOptIns()), times);
    }

    /** Booked attempts (allowed, reserved decisions) since {@code from}, with their outcomes so far. */
    private List<DecisionFacts.Attempt> attempts(UUID customerId, Instant from, Instant at, boolean live) {
        return jdbc.sql("""
                SELECT evaluated_at, channel, purpose, loan_id, outcome FROM contact_decision
                 WHERE customer_id = ? AND reserved AND evaluated_at >= ? AND (? OR evaluated_at <= ?) ORDER BY evaluated_at""")
                .params(customerId, Timestamp.from(from), live, Timestamp.from(at))
                .query((rs, n) -> new DecisionFacts.Attempt(min(rs.getTimestamp(1).toInstant(), at), ContactChannel.valueOf(rs.getString(2)),
                        ContactPurpose.valueOf(rs.getString(3)), rs.getObject(4, UUID.class),
                        rs.getString(5) == null ? null : ContactOutcome.valueOf(rs.getString(5))))
                .list();
    }
}
