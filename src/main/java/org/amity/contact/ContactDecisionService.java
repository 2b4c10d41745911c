package org.amity.contact;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.domain.ContactPolicy;
import org.amity.contact.domain.ContactRequest;
import org.amity.contact.domain.Decision;
import org.amity.contact.domain.DecisionFacts;
import org.amity.contact.domain.DecisionEngine;
import org.amity.contact.domain.ReasonCode;
import org.amity.contact.internal.CandidateZones;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.PortfolioReads;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.amity.platform.SqlArrays;
import org.amity.platform.TimeOrderedIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * "May I contact this customer now?" Loads the facts, asks the {@link DecisionEngine}, and records the decision.
 * With {@code reserve} the decision also books the attempt, atomically: it is booked only if no other booking (and no
 * change of the customer's preferences or holds) happened since its facts were read, else it is decided again, so
 * dialers racing on any number of application instances sharing the database can never together exceed a cap.
 */
@Service
public class ContactDecisionService {

    /** Attempts older than this cannot affect any cap or cooldown of the bundled policies (7-day and monthly windows). */
    private static final Duration HISTORY = Duration.ofDays(35);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final DecisionFactsLoader facts;
    private final DecisionEngine engine = new DecisionEngine();
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final int optimisticTries;
    private final DecisionInserts inserts;

    ContactDecisionService(JdbcClient jdbc, BusinessClock clock, DecisionFactsLoader facts, ApplicationEventPublisher events,
                           PlatformTransactionManager transactionManager, ContactProperties properties, DecisionInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.optimisticTries = Math.max(0, properties.optimisticTries());
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
        this.facts = facts;
    }

    public record DecisionRequest(UUID customerId, UUID loanId, ContactPurpose purpose, ContactChannel channel,
                                  String destination, Boolean reserve, String idempotencyKey, Instant at) {
    }

    public record ReasonView(String code, String message, String customerMessage, HoldType holdType, String source) {
    }

    public record AlternativeView(ContactChannel channel) {
    }

    public record DecisionView(UUID decisionId, boolean allowed, List<ReasonView> reasons, Instant nextAllowedAt,
                               List<AlternativeView> alternatives, String policyVersion, UUID customerId, UUID loanId,
                               ContactPurpose purpose, ContactChannel channel, String destination, Instant evaluatedAt,
                               boolean reserved, ContactOutcome outcome, Instant outcomeAt) {
    }

    /**
     * Decides and records the decision, optimistically: a decision about now is made on the customer's contact facts as
     * last read (kept by {@link DecisionFactsLoader}), and recorded by one statement only if the customer's contact
     * version and the policy revision are still those the facts were read with (a refusal's statement is shared with
     * the concurrent ones, each row under its own guard: {@link DecisionInserts}); a reservation's statement also books the
     * attempt and moves the version on ({@link #BOOK}). No lock or transaction is held while the engine decides. A
     * decision that finds either moved decides again on fresh facts; after {@code amity.contact.optimistic-tries} such
     * races, a reservation decides under a lock on the version row ({@link DecisionFactsLoader#loadLocked}), so it cannot
     * lose again, and any other decision is recorded as made on the facts it has just read.
     */
    public DecisionView decide(DecisionRequest r, String agentLanguage) {
        if (r == null || r.customerId() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "customerId", "customerId is required");
        }
        if (r.purpose() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "purpose", "purpose is required").allowedValues(List.of(ContactPurpose.values()));
        }
        if (r.channel() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "channel", "channel is required").allowedValues(List.of(ContactChannel.values()));
        }
        boolean reserve = Boolean.TRUE.equals(r.reserve());
        if (reserve && r.at() != null) {
            throw ApiProblem.badRequest("AT_WITH_RESERVE", "at", "A reservation is for now; 'at' is only for what-if decisions (reserve: false)");
        }
        if (r.idempotencyKey() != null && r.idempotencyKey().length() > 200) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", "idempotencyKey", "idempotencyKey is at most 200 characters");
        }
        Optional<DecisionView> earlier = byIdempotencyKey(r.idempotencyKey());
        if (earlier.isPresent()) {
            return sameRequest(earlier.get(), r);
        }
        // microseconds, as PostgreSQL stores it, so the answer and a later read of the decision agree
        Instant at = (r.at() == null ? clock.instant() : r.at()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        boolean live = r.at() == null;
        for (int tries = 0; ; tries++) {
            boolean optimistic = tries < optimisticTries;
            // a decision about now is made on the ledger's kept standing, which its recording checks (ledgerVersion)
            PortfolioReads.KeptStanding kept = optimistic && live ? facts.keptStanding(r.customerId(), r.loanId(), at) : null;
            PortfolioReads.Standing standing = kept != null ? kept.standing() : facts.standing(r.customerId(), r.loanId(), at);
            if (standing == null) {
                throw ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer with id " + r.customerId());
            }
            CustomerView customer = standing.customer();
            Destination given = destination(r.channel(), r.destination(), customer.address().country());
            Set<ZoneId> zones = CandidateZones.ofZones(customer.address().timeZone(), given.phoneZones());
            Resolved request = new Resolved(r, agentLanguage, standing, kept == null ? null : kept.version(), given.value(),
                    zones, at, reserve);
            if (optimistic) {
                Optional<DecisionView> decided = record(request, live
                        ? facts.loadUnchecked(standing, r.loanId(), zones, at, at.minus(HISTORY))
                        : facts.load(standing, r.loanId(), zones, at, at.minus(HISTORY), false), true);
                if (decided.isPresent()) {
                    return decided.get();
                }
                facts.forget(r.customerId(), r.loanId());
            } else if (!reserve) {
                // a decision that books nothing is recorded as decided on the facts just read
                return record(request, facts.load(standing, r.loanId(), zones, at, at.minus(HISTORY), live), false).orElseThrow();
            } else {
                return transactions.execute(status ->
                        record(request, facts.loadLocked(standing, r.loanId(), zones, at, at.minus(HISTORY)), true)
                                .orElseThrow(() -> new IllegalStateException("a booking under the version lock found the version moved")));
            }
        }
    }

    /**
     * One decision request, resolved: the customer's standing, the destination as recorded and its candidate zones.
     *
     * @param ledgerVersion the ledger version a kept standing is true for, which the recording checks; null for a
     *                      standing just read
     */
    private record Resolved(DecisionRequest r, String agentLanguage, PortfolioReads.Standing standing, Long ledgerVersion,
                           String destination, Set<ZoneId> zones, Instant at, boolean reserve) {
    }

    /**
     * Decides on {@code loaded} and records the decision (booking it, for an allowed reservation), if {@code guarded}
     * only if the customer's contact version and the policy revision are still those the facts were read with, and the
     * ledger version that of a kept standing. Empty when they are not (another decision booked; the customer's
     * preferences, holds or ledger changed; or the policy): nothing was recorded.
     */
    private Optional<DecisionView> record(Resolved a, DecisionFactsLoader.Loaded loaded, boolean guarded) {
        DecisionRequest r = a.r();
        CustomerView customer = a.standing().customer();
        Decision decision = evaluate(customer, loaded, r, a.destination(), a.at());
        boolean booking = a.reserve() && decision.allowed();
        UUID id = TimeOrderedIds.next();
        String language = a.agentLanguage() == null ? customer.language() : a.agentLanguage();
        List<ReasonView> reasons = decision.reasons().stream().map(reason -> new ReasonView(reason.code().name(),
                reason.message(language), reason.message(customer.language()), reason.holdType(), reason.source())).toList();
        List<AlternativeView> alternatives = decision.alternatives().stream().map(AlternativeView::new).toList();
        boolean avoidedProgressCall = r.at() == null && r.purpose() == ContactPurpose.APPLICATION_PROGRESS
                && reasons.stream().anyMatch(reason -> reason.code().equals(ReasonCode.NO_ACTION_REQUIRED.name()));
        Instant decidedAt = clock.instant();
        String reasonsJson = JSON.writeValueAsString(reasons);
        String alternativesJson = JSON.writeValueAsString(alternatives);
        int inserted;
        if (guarded && !booking && !avoidedProgressCall && r.idempotencyKey() == null && DecisionInserts.mayCoalesce()) {
            // the usual refusal: recorded with the concurrent ones, each row under its own guard
            inserted = inserts.insertIfCurrent(new DecisionInserts.Row(id, r.customerId(), r.loanId(), r.purpose().name(),
                    r.channel().name(), a.destination(), a.at(), decidedAt, decision.allowed(), reasonsJson,
                    decision.nextAllowedAt(), alternativesJson, decision.policyVersion(), CurrentUser.name(),
                    loaded.version(), loaded.policyRevision(), a.ledgerVersion())) ? 1 : 0;
        } else {
            var insert = jdbc.sql(booking ? BOOK : guarded ? INSERT_IF_CURRENT : INSERT)
                    .param("id", id).param("customer", r.customerId()).param("loan", r.loanId()).param("purpose", r.purpose().name())
                    .param("channel", r.channel().name()).param("destination", a.destination()).param("at", Timestamp.from(a.at()))
                    .param("decidedAt", Timestamp.from(decidedAt)).param("allowed", decision.allowed()).param("reserved", booking)
                    .param("reasons", reasonsJson)
                    .param("next", decision.nextAllowedAt() == null ? null : Timestamp.from(decision.nextAllowedAt()))
                    .param("alternatives", alternativesJson).param("policy", decision.policyVersion())
                    .param("key", r.idempotencyKey()).param("by", CurrentUser.name()).param("seen", loaded.version())
                    .param("revision", loaded.policyRevision()).param("ledgerVersion", a.ledgerVersion(), java.sql.Types.BIGINT);
            inserted = avoidedProgressCall
                    ? transactions.execute(status -> {
                        int n = insert.update();
                        if (n > 0) {
                            events.publishEvent(new ProgressContactAvoided(id, r.customerId(), r.loanId(), r.channel(), a.at()));
                        }
                        return n;
                    })
                    : insert.update();
        }
        if (inserted == 0) {
            Optional<DecisionView> same = byIdempotencyKey(r.idempotencyKey());
            if (same.isPresent()) {
                // the same key was decided concurrently: that decision stands
                return Optional.of(sameRequest(same.get(), r));
            }
            return Optional.empty();
        }
        if (booking) {
            facts.booked(r.customerId(), loaded.version(), new DecisionFacts.Attempt(a.at(), r.channel(), r.purpose(), r.loanId(), null));
        }
        return Optional.of(new DecisionView(id, decision.allowed(), reasons, decision.nextAllowedAt(), alternatives,
                decision.policyVersion(), r.customerId(), r.loanId(), r.purpose(), r.channel(), a.destination(), a.at(), booking,
                null, null));
    }

    private static final String COLUMNS = """
            contact_decision (id, customer_id, loan_id, purpose, channel, destination, evaluated_at, decided_at, allowed,
                reserved, reasons, next_allowed_at, alternatives, policy_version, idempotency_key, requested_by)""";

    /** Typed, as {@link #BOOK} selects them rather than giving them as VALUES. */
    private static final String VALUES = """
            :id::uuid, :customer::uuid, :loan::uuid, :purpose, :channel, :destination, :at::timestamptz, :decidedAt::timestamptz,
            :allowed::boolean, :reserved::boolean, :reasons, :next::timestamptz, :alternatives, :policy, :key, :by""";

    /** A decision that books nothing. */
    private static final String INSERT = "INSERT INTO " + COLUMNS + " VALUES (" + VALUES + ") ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING";

    /**
     * The policy revision is still {@code :revision}, and the ledger version still {@code :ledgerVersion} where the
     * decision was made on a standing the ledger kept ({@code ledger_version} is the ledger's published check).
     */
    private static final String POLICY_CURRENT = """
            %s = :revision
            AND (CAST(:ledgerVersion AS bigint) IS NULL OR ledger_version(:customer::uuid) = :ledgerVersion)""".formatted(
            DecisionFactsLoader.POLICY_REVISION_NOW);

    /**
     * A decision that books nothing, recorded only if the customer's contact version is still {@code :seen} and the
     * policy revision {@code :revision}: the facts it was made on were current when it was recorded.
     */
    private static final String INSERT_IF_CURRENT = """
            INSERT INTO %s SELECT %s
             WHERE %s = :seen AND %s
            ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING""".formatted(COLUMNS, VALUES, DecisionFactsLoader.CONTACT_VERSION, POLICY_CURRENT);

    /**
     * A decision that books an attempt: recorded only if the customer's contact version is still {@code :seen} (0 when
     * there is no row), which the same statement moves on, and the policy revision {@code :revision}. Another booking
     * for the customer waits for this statement's row lock and then finds the version moved. (When only the revision
     * differs, the version moves on without a booking: harmless, the decision is made again.)
     */
    private static final String BOOK = """
            WITH booked AS (
                INSERT INTO contact_customer_version AS v (customer_id, version) VALUES (:customer, :seen + 1)
                ON CONFLICT (customer_id) DO UPDATE SET version = v.version + 1 WHERE v.version = :seen
                RETURNING 1)
            INSERT INTO %s SELECT %s FROM booked WHERE %s
            ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING""".formatted(COLUMNS, VALUES, POLICY_CURRENT);

    /**
     * What the engine would answer now, without recording anything: for screens that explain ("may I call
     * now?"), where a page view is not a contact decision.
     */
    public Decision preview(CustomerView customer, UUID loanId, ContactPurpose purpose, ContactChannel channel, String destination) {
        Instant at = clock.instant();
        PortfolioReads.Standing standing = facts.standing(customer.id(), loanId, at);
        if (standing == null) {
            throw ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer with id " + customer.id());
        }
        DecisionRequest r = new DecisionRequest(customer.id(), loanId, purpose, channel, destination, false, null, null);
        Set<ZoneId> zones = CandidateZones.of(customer.address().timeZone(), channel.usesPhone() ? destination : null);
        DecisionFactsLoader.Loaded loaded = facts.load(standing, loanId, zones, at, at.minus(HISTORY), true);
        return evaluate(standing.customer(), loaded, r, destination, at);
    }

    private Decision evaluate(CustomerView customer, DecisionFactsLoader.Loaded loaded, DecisionRequest r, String destination, Instant at) {
        // the policy versions in effect at the decision's instant: a what-if for next month sees a scheduled version
        ContactPolicy policy = loaded.library().policyFor(customer.address().country(), loaded.productPreset());
        return engine.decide(new ContactRequest(customer.id(), r.loanId(), r.purpose(), r.channel(), destination, at),
                loaded.facts(), policy);
    }

    public record OutcomeRequest(ContactOutcome outcome, Instant occurredAt) {
    }

    @Transactional
    public DecisionView recordOutcome(UUID decisionId, OutcomeRequest request) {
        if (request == null || request.outcome() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "outcome", "outcome is required").allowedValues(List.of(ContactOutcome.values()));
        }
        DecisionView decision = jdbc.sql("SELECT * FROM contact_decision WHERE id = ? FOR UPDATE").param(decisionId)
                .query(ContactDecisionService::map).optional()
                .orElseThrow(() -> ApiProblem.notFound("DECISION_NOT_FOUND", "No contact decision " + decisionId));
        if (!decision.reserved()) {
            throw ApiProblem.conflict("NOT_AN_ATTEMPT", null, "Only an allowed decision made with reserve: true books an attempt");
        }
        if (decision.outcome() != null) {
            if (decision.outcome() == request.outcome()) {
                return decision;
            }
            throw ApiProblem.conflict("OUTCOME_ALREADY_RECORDED", "outcome", "The outcome " + decision.outcome() + " was already recorded");
        }
        Instant occurred = request.occurredAt() == null ? clock.instant() : request.occurredAt();
        if (occurred.isBefore(decision.evaluatedAt().minus(Duration.ofMinutes(5)))) {
            throw ApiProblem.badRequest("OUTCOME_BEFORE_DECISION", "occurredAt", "The contact cannot have happened before it was allowed");
        }
        jdbc.sql("UPDATE contact_decision SET outcome = ?, outcome_at = ?, outcome_by = ? WHERE id = ?")
                .params(request.outcome().name(), Timestamp.from(occurred), CurrentUser.name(), decisionId).update();
        // an outcome changes what counts towards the caps (an attempt that did not connect does not)
        jdbc.sql(DecisionFactsLoader.MOVE_VERSIONS).param("customers", SqlArrays.uuids(List.of(decision.customerId()))).update();
        return find(decisionId).orElseThrow();
    }

    public Optional<DecisionView> find(UUID id) {
        return jdbc.sql("SELECT * FROM contact_decision WHERE id = ?").param(id).query(ContactDecisionService::map).optional();
    }

    public List<DecisionView> history(UUID customerId, int limit) {
        return jdbc.sql("SELECT * FROM contact_decision WHERE customer_id = ? ORDER BY decided_at DESC LIMIT ?")
                .params(customerId, limit).query(ContactDecisionService::map).list();
    }

    /** A key names one request; reusing it for another customer, loan, purpose or channel is a client error. */
    private static DecisionView sameRequest(DecisionView earlier, DecisionRequest r) {
        if (!earlier.customerId().equals(r.customerId()) || !java.util.Objects.equals(earlier.loanId(), r.loanId())
                || earlier.purpose() != r.purpose() || earlier.channel() != r.channel()) {
            throw ApiProblem.conflict("IDEMPOTENCY_KEY_REUSED", "idempotencyKey",
                    "This idempotencyKey was already used for a different request");
        }
        return earlier;
    }

    private Optional<DecisionView> byIdempotencyKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM contact_decision WHERE idempotency_key = ?").param(key).query(ContactDecisionService::map).optional();
    }

    /**
     * The destination as recorded (a phone number in E.164, an email address in lower case), and for a phone the zones
     * the number may be in (with the address's zone, the candidate zones).
     */
    private record Destination(String value, Set<ZoneId> phoneZones) {
    }

    /**
     * Phone destinations already checked, by region and the text given: a dialer asks about the same few numbers again
     * and again, and parsing, validating and locating a number is most of a decision's own work. Only valid numbers
     * are kept; what a number is and where it may be do not change.
     */
    private final Cache<String, Destination> phoneDestinations = Caffeine.newBuilder().maximumSize(50_000).build();

    private Destination destination(ContactChannel channel, String destination, String country) {
        if (destination == null || destination.isBlank()) {
            if (channel.usesPhone() || channel == ContactChannel.EMAIL) {
                throw ApiProblem.badRequest("FIELD_REQUIRED", "destination", "A " + channel + " contact needs the destination it will use");
            }
            return new Destination(null, Set.of());
        }
        if (channel.usesPhone()) {
            String key = country + ' ' + destination;
            Destination known = phoneDestinations.getIfPresent(key);
            if (known == null) {
                Phonenumber.PhoneNumber phone = CustomerService.parsePhone(destination, country, "destination");
                known = new Destination(PHONES.format(phone, PhoneNumberUtil.PhoneNumberFormat.E164),
                        java.util.Collections.unmodifiableSet(CandidateZones.ofNumber(null, phone)));
                phoneDestinations.put(key, known);
            }
            return known;
        }
        if (channel == ContactChannel.EMAIL) {
            String email = destination.trim().toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                throw ApiProblem.badRequest("INVALID_EMAIL", "destination", "'" + destination + "' is not an email address");
            }
            return new Destination(email, Set.of());
        }
        return new Destination(destination.trim(), Set.of());
    }

    private static DecisionView map(ResultSet rs, int n) throws SQLException {
        Timestamp next = rs.getTimestamp("next_allowed_at");
        Timestamp outcomeAt = rs.getTimestamp("outcome_at");
        String outcome = rs.getString("outcome");
        return new DecisionView(rs.getObject("id", UUID.class), rs.getBoolean("allowed"),
                JSON.readValue(rs.getString("reasons"), new TypeReference<List<ReasonView>>() { }),
                next == null ? null : next.toInstant(),
                JSON.readValue(rs.getString("alternatives"), new TypeReference<List<AlternativeView>>() { }),
                rs.getString("policy_version"), rs.getObject("customer_id", UUID.class), rs.getObject("loan_id", UUID.class),
                ContactPurpose.valueOf(rs.getString("purpose")), ContactChannel.valueOf(rs.getString("channel")),
                rs.getString("destination"), rs.getTimestamp("evaluated_at").toInstant(), rs.getBoolean("reserved"),
                outcome == null ? null : ContactOutcome.valueOf(outcome), outcomeAt == null ? null : outcomeAt.toInstant());
    }

}
