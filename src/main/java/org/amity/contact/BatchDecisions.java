package org.amity.contact;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.amity.contact.ContactDecisionService.AlternativeView;
import org.amity.contact.ContactDecisionService.DecisionView;
import org.amity.contact.ContactDecisionService.ReasonView;
import org.amity.contact.domain.ContactPolicy;
import org.amity.contact.domain.ContactRequest;
import org.amity.contact.domain.Decision;
import org.amity.contact.domain.DecisionEngine;
import org.amity.contact.domain.DecisionFacts;
import org.amity.contact.domain.PolicyLibrary;
import org.amity.contact.internal.CandidateZones;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerView;
import org.amity.ledger.PortfolioReads;
import org.amity.platform.TimeOrderedIds;
import org.amity.platform.BusinessClock;
import org.amity.platform.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many contact decisions at once, for batch jobs such as the daily contact plan: exactly the rules of
 * {@link ContactDecisionService#decide} (same {@link DecisionEngine}, same policy versions, same facts), with the
 * facts of a whole chunk of customers read in a few set-based statements and the decisions written in one batch.
 *
 * <p>Each candidate lists channels to try; the customer's preferred channel goes first when it is one of them,
 * then the candidate's order. The first channel the engine allows is decided (and booked when the candidate asks
 * for that channel to be reserved); when none is allowed, the decision of the first channel tried is recorded, with
 * its reasons. Decisions of one chunk are serialised against every other decision about the same customers by
 * locking the customers' contact version rows, in a fixed order, as a reservation that lost its optimistic race does,
 * and moving the version of every customer booked for; every decision booked earlier in the chunk counts towards the
 * caps of the later ones.
 */
@Service
public class BatchDecisions {

    private static final Duration HISTORY = Duration.ofDays(35);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BusinessClock clock;
    private final PortfolioReads portfolio;
    private final PolicyStore policies;
    private final ContactProperties properties;
    private final ContactDecisionService decisions;
    private final DecisionEngine engine = new DecisionEngine();

    BatchDecisions(JdbcClient jdbc, JdbcTemplate template, BusinessClock clock, PortfolioReads portfolio, PolicyStore policies,
                   ContactProperties properties, ContactDecisionService decisions) {
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.portfolio = portfolio;
        this.policies = policies;
        this.properties = properties;
    }

    /**
     * @param channels       the channels to try, in order (the preferred one is moved first when present)
     * @param reserveOn      the channels whose allowing decision books an attempt now (e.g. a message queued now);
     *                       an allowed decision on another channel is recorded unreserved and must be booked when the
     *                       contact is really made (e.g. a call, by the dialer)
     * @param idempotencyKey recorded on an allowing decision only; a candidate whose key already names a decision is
     *                       not decided again ({@link Result#earlier()})
     */
    public record Candidate(UUID customerId, UUID loanId, ContactPurpose purpose, List<ContactChannel> channels,
                            Set<ContactChannel> reserveOn, String idempotencyKey) {
        public Candidate {
            if (customerId == null || purpose == null || channels == null || channels.isEmpty()) {
                throw new IllegalArgumentException("customerId, purpose and at least one channel are required");
            }
            if (purpose == ContactPurpose.APPLICATION_PROGRESS) {
                // its facts (applications needing the customer's action) are read per customer by ContactDecisionService
                throw new IllegalArgumentException("APPLICATION_PROGRESS is decided one at a time, not in batches");
            }
            channels = List.copyOf(channels);
            reserveOn = reserveOn == null ? Set.of() : Set.copyOf(reserveOn);
        }
    }

    /**
     * @param decision   the recorded decision (allowed, or the blocked decision of the first channel tried)
     * @param customer   the customer as read for the decision (contact points, address)
     * @param language   the language to write to the customer in (their preference, else their record)
     * @param earlier    true when the idempotency key already named a decision: nothing new was decided
     */
    public record Result(Candidate candidate, DecisionView decision, CustomerView customer, String language, boolean earlier) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<Result> decide(Collection<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<UUID> customerIds = candidates.stream().map(Candidate::customerId).collect(Collectors.toCollection(TreeSet::new));
        // the same lock as a single reserving decision that lost its optimistic race; in a fixed order, so that two
        // batches cannot deadlock; held to the end of the caller's transaction
        jdbc.sql(DecisionFactsLoader.LOCK_VERSIONS).param("customers", SqlArrays.uuids(customerIds)).update();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, DecisionView> earlier = earlierDecisions(candidates);
        Map<UUID, CustomerView> customers = portfolio.customers(customerIds);
        Set<UUID> loanIds = candidates.stream().map(Candidate::loanId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, PortfolioReads.LoanState> loans = portfolio.currentStates(loanIds, at);
        Map<UUID, Prefs> prefs = preferences(customerIds);
        Map<UUID, List<DecisionFacts.Hold>> holds = holds(customerIds, at);
        Map<UUID, List<DecisionFacts.Attempt>> attempts = attempts(customerIds, at.minus(HISTORY), at);
        PolicyLibrary library = policies.libraryAt(at);
        var holidays = policies.holidays();
        String by = CurrentUser.name();

        List<Result> results = new ArrayList<>(candidates.size());
        List<Object[]> rows = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            DecisionView before = c.idempotencyKey() == null ? null : earlier.get(c.idempotencyKey());
            CustomerView customer = customers.get(c.customerId());
            Prefs p = prefs.getOrDefault(c.customerId(), Prefs.NONE);
            String language = p.language() == null ? (customer == null ? "zh-CN" : customer.language()) : p.language();
            if (before != null) {
                results.add(new Result(c, before, customer, language, true));
                continue;
            }
            if (customer == null) {
                throw new IllegalArgumentException("No customer " + c.customerId());
            }
            PortfolioReads.LoanState loan = c.loanId() == null ? null : loans.get(c.loanId());
            if (c.loanId() != null && (loan == null || !loan.customerId().equals(c.customerId()))) {
                throw new IllegalArgumentException("The customer " + c.customerId() + " has no loan " + c.loanId());
            }
            ContactPolicy policy = library.policyFor(customer.address().country(),
                    loan == null ? null : properties.presetForProduct(loan.product()));
            List<DecisionFacts.Attempt> history = attempts.computeIfAbsent(c.customerId(), k -> new ArrayList<>());
            DecisionFacts.LoanState loanState = loan == null ? null : new DecisionFacts.LoanState(loan.loanId(), loan.daysPastDue(),
                    loan.graceDays(), loan.openPaymentClaim(), loan.nextUnpaidDueDate());
            List<DecisionFacts.ContactPoint> points = customer.contactPoints().stream()
                    .map(cp -> new DecisionFacts.ContactPoint(DecisionFacts.PointType.valueOf(cp.type().name()), cp.value(), cp.verified(),
                            DecisionFacts.Owner.valueOf(cp.owner().name()))).toList();

            Decision chosen = null;
            ContactChannel chosenChannel = null;
            String chosenDestination = null;
            for (ContactChannel channel : order(c.channels(), p.preferred())) {
                String destination = destination(customer, channel);
                DecisionFacts facts = new DecisionFacts(customer.language(),
                        new ArrayList<>(CandidateZones.of(customer.address().timeZone(), channel.usesPhone() ? destination : null)),
                        points, loanState, false, p.facts(), holds.getOrDefault(c.customerId(), List.of()),
                        history, holidays);
                Decision d = engine.decide(new ContactRequest(c.customerId(), c.loanId(), c.purpose(), channel, destination, at), facts, policy);
                if (chosen == null || d.allowed()) {
                    chosen = d;
                    chosenChannel = channel;
                    chosenDestination = destination;
                }
                if (d.allowed()) {
                    break;
                }
            }
            boolean reserved = chosen.allowed() && c.reserveOn().contains(chosenChannel);
            if (chosen.allowed()) {
                // booked now, or about to be made (a call planned for today): either way later decisions must see it
                history.add(new DecisionFacts.Attempt(at, chosenChannel, c.purpose(), c.loanId(), null));
            }
            UUID id = TimeOrderedIds.next();
            Decision d = chosen;
            List<ReasonView> reasons = d.reasons().stream().map(r -> new ReasonView(r.code().name(), r.message(language),
                    r.message(customer.language()), r.holdType(), r.source())).toList();
            List<AlternativeView> alternatives = d.alternatives().stream().map(AlternativeView::new).toList();
            rows.add(new Object[] {id, c.customerId(), c.loanId(), c.purpose().name(), chosenChannel.name(), chosenDestination,
                    Timestamp.from(at), Timestamp.from(at), d.allowed(), reserved, JSON.writeValueAsString(reasons),
                    d.nextAllowedAt() == null ? null : Timestamp.from(d.nextAllowedAt()), JSON.writeValueAsString(alternatives),
                    d.policyVersion(), d.allowed() ? c.idempotencyKey() : null, by});
            results.add(new Result(c, new DecisionView(id, d.allowed(), reasons, d.nextAllowedAt(), alternatives, d.policyVersion(),
                    c.customerId(), c.loanId(), c.purpose(), chosenChannel, chosenDestination, at, reserved, null, null),
                    customer, language, false));
        }
        if (!rows.isEmpty()) {
            // the keys were checked under the customers' locks, so no other writer can have used them since
            template.batchUpdate("""
                    INSERT INTO contact_decision (id, customer_id, loan_id, purpose, channel, destination, evaluated_at, decided_at,
                        allowed, reserved, reasons, next_allowed_at, alternatives, policy_version, idempotency_key, requested_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            Set<UUID> booked = results.stream().filter(result -> !result.earlier() && result.decision().reserved())
                    .map(result -> result.candidate().customerId()).collect(Collectors.toCollection(TreeSet::new));
            if (!booked.isEmpty()) {
                jdbc.sql(DecisionFactsLoader.MOVE_VERSIONS).param("customers", SqlArrays.uuids(booked)).update();
            }
        }
        return results;
    }

    /** The preferred channel first when it is among the channels to try, then the given order. */
    static List<ContactChannel> order(List<ContactChannel> channels, ContactChannel preferred) {
        if (preferred == null || !channels.contains(preferred) || channels.get(0) == preferred) {
            return channels;
        }
        List<ContactChannel> ordered = new ArrayList<>(channels.size());
        ordered.add(preferred);
        channels.stream().filter(ch -> ch != preferred).forEach(ordered::add);
        return ordered;
    }

    /** The customer's own verified number or address for the channel, else their first one (the engine says why not). */
    private static String destination(CustomerView customer, ContactChannel channel) {
        CustomerView.ContactType type = channel.usesPhone() ? CustomerView.ContactType.PHONE
                : channel == ContactChannel.EMAIL ? CustomerView.ContactType.EMAIL : null;
        if (type == null) {
            return null;
        }
        CustomerView.ContactPoint fallback = null;
        for (CustomerView.ContactPoint p : customer.contactPoints()) {
            if (p.type() != type) {
                continue;
            }
            if (p.verified() && p.owner() == CustomerView.ContactOwner.SELF) {
                return p.value();
            }
            if (fallback == null) {
                fallback = p;
            }
        }
        return fallback == null ? null : fallback.value();
    }

    /** Decisions already recorded under the candidates' keys (rare: a batch job skips what it already decided). */
    private Map<String, DecisionView> earlierDecisions(Collection<Candidate> candidates) {
        List<String> keys = candidates.stream().map(Candidate::idempotencyKey).filter(java.util.Objects::nonNull).toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, DecisionView> found = new HashMap<>();
        jdbc.sql("SELECT idempotency_key, id FROM contact_decision WHERE idempotency_key IN (:keys)").param("keys", keys)
                .query(rs -> {
                    found.put(rs.getString(1), decisions.find(rs.getObject(2, UUID.class)).orElseThrow());
                });
        return found;
    }

    private record Prefs(ContactChannel preferred, String language, DecisionFacts.Preferences facts) {
        static final Prefs NONE = new Prefs(null, null, DecisionFacts.Preferences.NONE);
    }

    /** {@link ContactPreferenceService#of} and {@link DecisionFactsLoader}'s mapping, for many customers at once. */
    private Map<UUID, Prefs> preferences(Set<UUID> ids) {
        Map<UUID, Set<DecisionFacts.OptOut>> optOuts = new HashMap<>();
        jdbc.sql("SELECT customer_id, channel, purpose FROM contact_opt_out WHERE customer_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    optOuts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                            .add(new DecisionFacts.OptOut(ContactChannel.valueOf(rs.getString(2)), ContactPurpose.valueOf(rs.getString(3))));
                });
        Map<UUID, Set<ContactChannel>> optIns = new HashMap<>();
        jdbc.sql("SELECT customer_id, channel FROM marketing_opt_in WHERE customer_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    optIns.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(ContactChannel.class))
                            .add(ContactChannel.valueOf(rs.getString(2)));
                });
        Map<UUID, List<DecisionFacts.InconvenientTime>> times = new HashMap<>();
        jdbc.sql("SELECT customer_id, days, from_time, to_time FROM inconvenient_time WHERE customer_id IN (:ids) ORDER BY customer_id, position")
                .param("ids", ids).query(rs -> {
                    Array days = rs.getArray(2);
                    times.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new DecisionFacts.InconvenientTime(
                            Arrays.stream((String[]) days.getArray()).map(d -> Weekday.valueOf(d).dayOfWeek()).collect(Collectors.toSet()),
                            rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)));
                });
        Map<UUID, String[]> heads = new HashMap<>();
        jdbc.sql("SELECT customer_id, preferred_channel, language FROM contact_preference WHERE customer_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    heads.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3)});
                });
        Map<UUID, Prefs> prefs = new HashMap<>();
        for (UUID id : ids) {
            String[] head = heads.get(id);
            if (head == null && !optOuts.containsKey(id) && !optIns.containsKey(id) && !times.containsKey(id)) {
                continue;
            }
            prefs.put(id, new Prefs(head == null || head[0] == null ? null : ContactChannel.valueOf(head[0]), head == null ? null : head[1],
                    new DecisionFacts.Preferences(optOuts.getOrDefault(id, Set.of()),
                            optIns.getOrDefault(id, Set.of()), times.getOrDefault(id, List.of()))));
        }
        return prefs;
    }

    /** {@link DecisionFactsLoader}'s holds for a decision about now: those not lifted. */
    private Map<UUID, List<DecisionFacts.Hold>> holds(Set<UUID> ids, Instant at) {
        Map<UUID, List<DecisionFacts.Hold>> holds = new HashMap<>();
        // holds still in force (the partial index): one lifted before now no longer applies to a decision about now
        jdbc.sql("SELECT customer_id, loan_id, type, valid_from, valid_until, lifted_at FROM contact_hold WHERE customer_id IN (:ids) AND lifted_at IS NULL")
                .param("ids", ids).query(rs -> {
                    Instant lifted = rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant();
                    Instant until = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
                    if (lifted != null && !lifted.isAfter(at)) {
                        return;
                    }
                    holds.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new DecisionFacts.Hold(
                            HoldType.valueOf(rs.getString(3)), rs.getObject(2, UUID.class), rs.getTimestamp(4).toInstant(),
                            lifted != null && (until == null || lifted.isBefore(until)) ? lifted : until));
                });
        return holds;
    }

    /** Booked attempts of the customers since {@code from}, as a live decision reads them. */
    private Map<UUID, List<DecisionFacts.Attempt>> attempts(Set<UUID> ids, Instant from, Instant at) {
        Map<UUID, List<DecisionFacts.Attempt>> attempts = new HashMap<>();
        jdbc.sql("""
                SELECT customer_id, evaluated_at, channel, purpose, loan_id, outcome FROM contact_decision
                 WHERE customer_id IN (:ids) AND reserved AND evaluated_at >= :from ORDER BY customer_id, evaluated_at""")
                .param("ids", ids).param("from", Timestamp.from(from)).query(rs -> {
                    Instant when = rs.getTimestamp(2).toInstant();
                    attempts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new DecisionFacts.Attempt(
                            when.isAfter(at) ? at : when, ContactChannel.valueOf(rs.getString(3)), ContactPurpose.valueOf(rs.getString(4)),
                            rs.getObject(5, UUID.class), rs.getString(6) == null ? null : ContactOutcome.valueOf(rs.getString(6))));
                });
        return attempts;
    }

}
