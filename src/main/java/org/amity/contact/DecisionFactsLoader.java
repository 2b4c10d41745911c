package org.amity.contact;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.domain.DecisionFacts;
import org.amity.contact.domain.PolicyLibrary;
import org.amity.ledger.CustomerView;
import org.amity.ledger.PortfolioReads;
import org.amity.platform.AfterCommit;
import org.amity.platform.ApiProblem;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers, from the ledger and the contact tables, everything the decision engine needs about one customer at an
 * instant: the ledger's {@link PortfolioReads#standing} (customer, contact points, the loan's state, applications
 * waiting on the customer) and one read of the contact tables (preferences, holds, booked attempts, the customer's
 * contact version and the policy revision). For decisions about now, the contact facts last read for a customer are
 * kept and reused while the customer's contact version is unchanged, which one small read checks; the keys of the
 * policy versions and holiday years in effect are kept while the policy revision is unchanged and no scheduled version
 * has taken effect. Both numbers are moved by every writer (triggers, and the bookings themselves), on any instance.
 */
@Component
class DecisionFactsLoader {

    private final NamedParameterJdbcTemplate named;
    private final PortfolioReads ledger;
    private final PolicyStore policies;
    private final ContactProperties properties;

    DecisionFactsLoader(NamedParameterJdbcTemplate named, PortfolioReads ledger, PolicyStore policies, ContactProperties properties) {
        this.named = named;
        this.ledger = ledger;
        this.policies = policies;
        this.properties = properties;
    }

    /** The ledger's side: the customer (null when unknown), the loan asked about and pending applications. */
    PortfolioReads.Standing standing(UUID customerId, UUID loanId, Instant at) {
        return ledger.standing(customerId, loanId, at).orElse(null);
    }

    /**
     * The same, as the ledger kept it, unchecked, with the ledger version it is true for (null when the customer is
     * unknown): for a decision that is recorded only where {@code ledger_version(customer_id)} still equals it.
     */
    PortfolioReads.KeptStanding keptStanding(UUID customerId, UUID loanId, Instant at) {
        return ledger.keptStanding(customerId, loanId, at).orElse(null);
    }

    /**
     * @param facts         what the engine reads
     * @param productPreset the preset the loan's product asks for, if any
     * @param library       the policy versions in effect at the decision's instant
     * @param version       the customer's contact version read with the facts ({@code contact_customer_version}: 0 when
     *                      none was ever recorded); a decision recorded on these facts requires it unchanged
     * @param policyRevision the policy revision the library and holidays were found for ({@code contact_policy_revision})
     */
    record Loaded(DecisionFacts facts, String productPreset, PolicyLibrary library, long version, long policyRevision) {
    }

    /**
     * The facts of a decision about {@code standing}'s customer at {@code at}, with the attempts booked since
     * {@code historyFrom}.
     *
     * @param zones candidate zones of the customer's location for the destination ({@code CandidateZones})
     * @param live  a decision about now (not a what-if): every attempt already booked counts, even one stamped a few
     *              milliseconds "later" by another instance whose clock runs slightly ahead
     */
    Loaded load(PortfolioReads.Standing standing, UUID loanId, Set<ZoneId> zones, Instant at, Instant historyFrom, boolean live) {
        return load(standing, loanId, zones, at, historyFrom, live, null, false, true);
    }

    /**
     * The facts of a decision about now as kept from the last read for the customer, without checking that they are
     * still current: only for a decision whose recording checks, in the same statement, that the customer's contact
     * version and the policy revision are still those of {@link Loaded} ({@code ContactDecisionService}), and that
     * calls {@link #forget} and decides again when they are not.
     */
    Loaded loadUnchecked(PortfolioReads.Standing standing, UUID loanId, Set<ZoneId> zones, Instant at, Instant historyFrom) {
        return load(standing, loanId, zones, at, historyFrom, true, null, false, false);
    }

    /**
     * Adds to the customer's kept contact facts an attempt just booked by a statement that moved their version from
     * {@code seen} to {@code seen + 1}, so that the next decision about them need not read the facts again. Facts kept
     * for another version are left alone: the next recording finds them stale.
     */
    void booked(UUID customerId, long seen, DecisionFacts.Attempt attempt) {
        AfterCommit.run(() -> byCustomer.asMap().computeIfPresent(customerId, (id, kept) -> kept.version() != seen ? kept
                : new CachedRead(kept.contact().with(attempt), seen + 1, kept.policyRevision(), kept.readAt())));
    }

    /** Drops what is kept of the customer's contact facts and of their standing on the loan: the next load reads them. */
    void forget(UUID customerId, UUID loanId) {
        byCustomer.invalidate(customerId);
        ledger.forget(customerId, loanId);
    }

    /**
     * The same facts, read under a lock on the customer's contact version row, which this takes first (creating the
     * row if need be) and which is held until the surrounding transaction ends: no other decision can book an
     * attempt for the customer meanwhile, since booking moves that row on. For a reservation that lost the optimistic
     * race too often ({@code ContactDecisionService}) and for batches, which must not lose it.
     *
     * <p>The lock is a statement of its own, sent in the same round trip as the contact read (one Sync, extended
     * protocol) and executed before it: in READ COMMITTED each statement sees the data committed when it starts
     * (its snapshot is taken when it is bound, after the statement before it has finished), so the attempts are read
     * by a statement that starts after the lock was granted, and therefore see every attempt booked before it
     * ({@code ContactReservationConcurrencyIT}).
     */
    Loaded loadLocked(PortfolioReads.Standing standing, UUID loanId, Set<ZoneId> zones, Instant at, Instant historyFrom) {
        return load(standing, loanId, zones, at, historyFrom, true, null, true, true);
    }

    /** The same facts, with a given attempt history instead of the booked one (a policy what-if replays its own). */
    Loaded loadWith(CustomerView customer, UUID loanId, Set<ZoneId> zones, Instant at, List<DecisionFacts.Attempt> attempts) {
        PortfolioReads.Standing standing = standing(customer.id(), loanId, at);
        if (standing == null) {
            throw ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer with id " + customer.id());
        }
        return load(standing, loanId, zones, at, null, false, attempts, false, true);
    }

    private Loaded load(PortfolioReads.Standing standing, UUID loanId, Set<ZoneId> zones, Instant at, Instant historyFrom,
                        boolean live, List<DecisionFacts.Attempt> givenAttempts, boolean lock, boolean checked) {
        CustomerView customer = standing.customer();
        PortfolioReads.LoanState loanState = standing.loan();
        DecisionFacts.LoanState loan = null;
        String productPreset = null;
        if (loanId != null) {
            if (loanState == null) {
                throw ApiProblem.badRequest("UNKNOWN_LOAN", "loanId", "The customer has no loan " + loanId);
            }
            loan = new DecisionFacts.LoanState(loanId, loanState.daysPastDue(), loanState.graceDays(), loanState.openPaymentClaim(),
                    loanState.nextUnpaidDueDate());
            productPreset = properties.presetForProduct(loanState.product());
        }
        Read read = lock ? readLocked(customer.id(), at, historyFrom)
                : live && givenAttempts == null ? readCached(customer.id(), at, historyFrom, checked)
                : read(customer.id(), at, historyFrom, live, givenAttempts == null);
        ContactRead contact = read.contact();
        PolicyKeys keys = policyKeys(read.policyRevision(), at, live);
        List<DecisionFacts.ContactPoint> points = new ArrayList<>(customer.contactPoints().size());
        for (CustomerView.ContactPoint p : customer.contactPoints()) {
            points.add(new DecisionFacts.ContactPoint(DecisionFacts.PointType.valueOf(p.type().name()), p.value(), p.verified(),
                    DecisionFacts.Owner.valueOf(p.owner().name())));
        }
        DecisionFacts facts = new DecisionFacts(customer.language(), new ArrayList<>(zones), points, loan,
                standing.applicationNeedsCustomerAction(),
                new DecisionFacts.Preferences(contact.optOuts, contact.marketingOptIns, contact.inconvenientTimes), contact.holds,
                givenAttempts == null ? contact.attemptsAt(at) : givenAttempts, policies.holidays(keys.holidayKey()));
        return new Loaded(facts, productPreset, policies.library(keys.versions(), at), read.version(), keys.revision());
    }

    /**
     * The contact facts of a customer, their contact version and the policy revision, as one read found them.
     *
     * @param contact        not to be changed: it may be shared through {@link #byCustomer}
     * @param version        the customer's contact version ({@code contact_customer_version}; 0 when there is no row)
     * @param policyRevision {@code contact_policy_revision}
     */
    private record Read(ContactRead contact, long version, long policyRevision) {
    }

    /**
     * The contact facts of customers as the last decision about now read them, with the version they had: reused by
     * a later decision about now while the customer's version is unchanged (every change to what is read here moves it:
     * bookings, outcomes, and the triggers on preferences and holds), so that most decisions read one small row instead
     * of seven tables. An entry read at an instant is not used for an earlier one (the business clock can be moved back).
     */
    private final Cache<UUID, CachedRead> byCustomer = Caffeine.newBuilder().maximumSize(20_000).build();

    private record CachedRead(ContactRead contact, long version, long policyRevision, Instant readAt) {
    }

    /** The policy version ids and holiday key in effect from {@code from} until {@code until} (null: no later version). */
    private record PolicyKeys(long revision, List<UUID> versions, String holidayKey, Instant from, Instant until) {
        /** Revisions only grow: keys found for a later revision than the caller knows are the more current. */
        boolean validAt(long revision, Instant at) {
            return this.revision >= revision && !at.isBefore(from) && (until == null || at.isBefore(until));
        }
    }

    /** The keys of the policy in effect for decisions about now, while the revision is unchanged. */
    private volatile PolicyKeys currentPolicy;

    /**
     * @param checked whether to check, with one small read, that kept facts are still current (else the caller checks
     *                when it records: {@link #loadUnchecked})
     */
    private Read readCached(UUID customerId, Instant at, Instant historyFrom, boolean checked) {
        CachedRead cached = byCustomer.getIfPresent(customerId);
        if (cached != null && !at.isBefore(cached.readAt())) {
            if (!checked) {
                return new Read(cached.contact(), cached.version(), cached.policyRevision());
            }
            long[] versions = named.query(VERSIONS, new MapSqlParameterSource("customer", customerId),
                    (ResultSet rs) -> rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null);
            if (versions[0] == cached.version()) {
                return new Read(cached.contact(), cached.version(), versions[1]);
            }
        }
        Read read = read(customerId, at, historyFrom, true, true);
        CachedRead kept = new CachedRead(read.contact(), read.version(), read.policyRevision(), at);
        AfterCommit.run(() -> byCustomer.put(customerId, kept));
        return read;
    }

    /** The contact version of {@code :customer}: 0 when none was ever recorded. */
    static final String CONTACT_VERSION = "coalesce((SELECT version FROM contact_customer_version WHERE customer_id = :customer), 0)";

    /** The policy revision. */
    static final String POLICY_REVISION_NOW = "(SELECT revision FROM contact_policy_revision)";

    /** The customer's contact version and the policy revision: what tells whether cached facts are still current. */
    private static final String VERSIONS = "SELECT " + CONTACT_VERSION + ", " + POLICY_REVISION_NOW;

    /**
     * The policy version ids and holiday key in effect at {@code at}: those of the last read while the revision is
     * unchanged and no scheduled version has taken effect since, else read again (and kept, for a decision about now).
     */
    private PolicyKeys policyKeys(long revision, Instant at, boolean live) {
        PolicyKeys keys = currentPolicy;
        if (keys != null && keys.validAt(revision, at)) {
            return keys;
        }
        List<UUID> versions = new ArrayList<>(PolicyStore.DOCUMENTS.size());
        String[] holidayKey = {null};
        long[] readRevision = {revision};
        Instant[] until = {null};
        named.query(POLICY_KEYS, new MapSqlParameterSource("at", Timestamp.from(at)), (ResultSet rs) -> {
            switch (rs.getInt(1)) {
                case POLICY_VERSION -> versions.add(UUID.fromString(rs.getString(2)));
                case HOLIDAY_KEY -> holidayKey[0] = rs.getString(2);
                case POLICY_REVISION -> readRevision[0] = Long.parseLong(rs.getString(2));
                case NEXT_EFFECTIVE -> until[0] = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
                default -> throw new IllegalStateException("unknown part " + rs.getInt(1));
            }
        });
        PolicyKeys read = new PolicyKeys(readRevision[0], List.copyOf(versions), holidayKey[0], at, until[0]);
        if (live) {
            AfterCommit.run(() -> currentPolicy = read);
        }
        return read;
    }

    private static final String POLICY_KEYS = """
            SELECT 6 AS part, id::text AS a, NULL::timestamptz AS t FROM (%s) v
            UNION ALL
            SELECT 7, (%s), NULL
            UNION ALL
            SELECT 9, revision::text, NULL FROM contact_policy_revision
            UNION ALL
            SELECT 10, NULL, min(effective_from) FROM contact_policy_version WHERE effective_from > :at""".formatted(
            PolicyStore.VERSIONS_IN_EFFECT, PolicyStore.HOLIDAY_KEY);

    /** What one statement reads of the contact tables for a customer; not changed once read. */
    private static final class ContactRead {
        final Set<DecisionFacts.OptOut> optOuts = new LinkedHashSet<>();
        final Set<ContactChannel> marketingOptIns = EnumSet.noneOf(ContactChannel.class);
        final List<DecisionFacts.InconvenientTime> inconvenientTimes = new ArrayList<>(2);
        final List<DecisionFacts.Hold> holds = new ArrayList<>(2);
        /** As booked: an attempt may be stamped a few milliseconds after the instant of a decision that reads it. */
        final List<DecisionFacts.Attempt> attempts = new ArrayList<>();
        long version;
        long policyRevision;

        /** A copy with one more attempt. */
        ContactRead with(DecisionFacts.Attempt attempt) {
            ContactRead copy = new ContactRead();
            copy.optOuts.addAll(optOuts);
            copy.marketingOptIns.addAll(marketingOptIns);
            copy.inconvenientTimes.addAll(inconvenientTimes);
            copy.holds.addAll(holds);
            copy.attempts.addAll(attempts);
            copy.attempts.add(attempt);
            copy.version = version;
            copy.policyRevision = policyRevision;
            return copy;
        }

        /**
         * The attempts as a decision at {@code at} counts them: every attempt already booked counts, even one stamped
         * a few milliseconds "later" by another instance whose clock runs slightly ahead.
         */
        List<DecisionFacts.Attempt> attemptsAt(Instant at) {
            List<DecisionFacts.Attempt> counted = new ArrayList<>(attempts.size());
            for (DecisionFacts.Attempt a : attempts) {
                counted.add(a.at().isAfter(at) ? new DecisionFacts.Attempt(at, a.channel(), a.purpose(), a.loanId(), a.outcome()) : a);
            }
            return counted;
        }
    }

    private static final String CONTACT_READ = """
                SELECT 1 AS part, channel AS a, purpose AS b, NULL AS c, NULL::uuid AS loan_id, NULL::timestamptz AS t1,
                       NULL::timestamptz AS t2, NULL::timestamptz AS t3, NULL::text[] AS days, NULL::time AS from_time,
                       NULL::time AS to_time, 0::bigint AS ord
                  FROM contact_opt_out WHERE customer_id = :customer
                UNION ALL
                SELECT 2, channel, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 FROM marketing_opt_in WHERE customer_id = :customer
                UNION ALL
                SELECT 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, days, from_time, to_time, position
                  FROM inconvenient_time WHERE customer_id = :customer
                UNION ALL
                SELECT 4, type, NULL, NULL, loan_id, valid_from, valid_until, lifted_at, NULL, NULL, NULL,
                       row_number() OVER (ORDER BY placed_at DESC)
                  FROM contact_hold WHERE customer_id = :customer AND (lifted_at IS NULL OR lifted_at > :at)
                UNION ALL
                SELECT 5, channel, purpose, outcome, loan_id, evaluated_at, NULL, NULL, NULL, NULL, NULL, 0
                  FROM contact_decision
                 WHERE :withAttempts AND customer_id = :customer AND reserved AND evaluated_at >= :from
                   AND (:live OR evaluated_at <= :at)
                UNION ALL
                SELECT 8, version::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0
                  FROM contact_customer_version WHERE customer_id = :customer
                UNION ALL
                SELECT 9, revision::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 FROM contact_policy_revision
                 ORDER BY 1, ord, t1""";

    private static final int OPT_OUT = 1;
    private static final int MARKETING_OPT_IN = 2;
    private static final int INCONVENIENT_TIME = 3;
    private static final int HOLD = 4;
    private static final int ATTEMPT = 5;
    private static final int POLICY_VERSION = 6;
    private static final int HOLIDAY_KEY = 7;
    private static final int VERSION = 8;
    private static final int POLICY_REVISION = 9;
    private static final int NEXT_EFFECTIVE = 10;

    /**
     * The customer's preferences (those the rules read: opt-outs, marketing opt-ins, inconvenient times), the holds not
     * lifted by {@code at}, the attempts booked since {@code historyFrom} (allowed, reserved decisions, with their
     * outcomes so far), the customer's contact version and the policy revision: one statement, one row per item, told
     * apart by {@code part}. Each part is an index look-up of its own (EXPLAIN in docs/benchmarks.md).
     */
    private Read read(UUID customerId, Instant at, Instant historyFrom, boolean live, boolean withAttempts) {
        ContactRead read = new ContactRead();
        named.query(CONTACT_READ, contactReadParameters(customerId, at, historyFrom, live, withAttempts), (ResultSet rs) -> add(read, rs));
        return new Read(read, read.version, read.policyRevision);
    }

    /** The contact read under the lock of the customer's version row ({@link #loadLocked}); the result is cached. */
    private Read readLocked(UUID customerId, Instant at, Instant historyFrom) {
        ContactRead read = new ContactRead();
        named.execute(LOCK_THEN_CONTACT_READ, contactReadParameters(customerId, at, historyFrom, true, true),
                (PreparedStatementCallback<Void>) statement -> {
                    statement.execute(); // the lock's update count
                    if (!statement.getMoreResults()) {
                        throw new IllegalStateException("the contact read returned no result");
                    }
                    try (ResultSet rs = statement.getResultSet()) {
                        while (rs.next()) {
                            add(read, rs);
                        }
                    }
                    return null;
                });
        CachedRead kept = new CachedRead(read, read.version, read.policyRevision, at);
        AfterCommit.run(() -> byCustomer.put(customerId, kept));
        return new Read(read, read.version, read.policyRevision);
    }

    private static MapSqlParameterSource contactReadParameters(UUID customerId, Instant at, Instant historyFrom, boolean live,
                                                               boolean withAttempts) {
        return new MapSqlParameterSource().addValue("customer", customerId)
                .addValue("at", Timestamp.from(at)).addValue("withAttempts", withAttempts)
                .addValue("from", Timestamp.from(historyFrom == null ? at : historyFrom)).addValue("live", live);
    }

    /**
     * Locks the contact version rows of {@code :customers} (creating those missing, at version 0) until the transaction
     * ends, in the order of their ids, so that two lockers of overlapping sets cannot deadlock. The update changes nothing
     * but takes the row lock that a booking ({@code ContactDecisionService}) must wait for.
     */
    static final String LOCK_VERSIONS = """
            INSERT INTO contact_customer_version AS v (customer_id, version)
            SELECT c, 0 FROM unnest(CAST(:customers AS uuid[])) AS c ORDER BY c
            ON CONFLICT (customer_id) DO UPDATE SET version = v.version""";

    /** Moves the contact versions of {@code :customers} on (creating those missing): their facts changed. */
    static final String MOVE_VERSIONS = """
            INSERT INTO contact_customer_version AS v (customer_id, version)
            SELECT c, 1 FROM unnest(CAST(:customers AS uuid[])) AS c ORDER BY c
            ON CONFLICT (customer_id) DO UPDATE SET version = v.version + 1""";

    /** The version row locked and, once it is, the contact read: two statements, one round trip ({@link #loadLocked}). */
    private static final String LOCK_THEN_CONTACT_READ = LOCK_VERSIONS.replace("CAST(:customers AS uuid[])", "ARRAY[:customer]::uuid[]") + ";\n"
            + CONTACT_READ;

    /** One row of the contact read, told apart by its {@code part}. */
    private static void add(ContactRead read, ResultSet rs) throws SQLException {
        switch (rs.getInt(1)) {
            case OPT_OUT -> read.optOuts.add(new DecisionFacts.OptOut(ContactChannel.valueOf(rs.getString(2)),
                    ContactPurpose.valueOf(rs.getString(3))));
            case MARKETING_OPT_IN -> read.marketingOptIns.add(ContactChannel.valueOf(rs.getString(2)));
            case INCONVENIENT_TIME -> read.inconvenientTimes.add(inconvenientTime(rs));
            case HOLD -> read.holds.add(hold(rs));
            case ATTEMPT -> read.attempts.add(attempt(rs));
            case VERSION -> read.version = Long.parseLong(rs.getString(2));
            case POLICY_REVISION -> read.policyRevision = Long.parseLong(rs.getString(2));
            default -> throw new IllegalStateException("unknown part " + rs.getInt(1));
        }
    }

    private static DecisionFacts.InconvenientTime inconvenientTime(ResultSet rs) throws SQLException {
        Array days = rs.getArray("days");
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String d : (String[]) days.getArray()) {
            set.add(Weekday.valueOf(d).dayOfWeek());
        }
        return new DecisionFacts.InconvenientTime(set, rs.getObject("from_time", LocalTime.class), rs.getObject("to_time", LocalTime.class));
    }

    /** A hold lifted before its end applies until it was lifted. */
    private static DecisionFacts.Hold hold(ResultSet rs) throws SQLException {
        Timestamp until = rs.getTimestamp("t2");
        Timestamp lifted = rs.getTimestamp("t3");
        Instant end = until == null ? null : until.toInstant();
        if (lifted != null && (end == null || lifted.toInstant().isBefore(end))) {
            end = lifted.toInstant();
        }
        return new DecisionFacts.Hold(HoldType.valueOf(rs.getString(2)), rs.getObject("loan_id", UUID.class),
                rs.getTimestamp("t1").toInstant(), end);
    }

    private static DecisionFacts.Attempt attempt(ResultSet rs) throws SQLException {
        String outcome = rs.getString(4);
        return new DecisionFacts.Attempt(rs.getTimestamp("t1").toInstant(), ContactChannel.valueOf(rs.getString(2)),
                ContactPurpose.valueOf(rs.getString(3)), rs.getObject("loan_id", UUID.class),
                outcome == null ? null : ContactOutcome.valueOf(outcome));
    }
}
