package org.amity.ledger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.amity.ledger.CustomerView.Address;
import org.amity.ledger.CustomerView.ContactOwner;
import org.amity.ledger.CustomerView.ContactPoint;
import org.amity.ledger.CustomerView.ContactType;
import org.amity.platform.AfterCommit;
import org.amity.platform.BusinessClock;
import org.amity.platform.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads that combine several of the ledger's answers in as few statements as possible: for batch jobs such as the
 * daily contact plan, the same rules as {@link CustomerService#find}, {@link LoanService#delinquency} and
 * {@link PaymentClaimService#hasOpenClaim} for a chunk of ids in a few statements instead of a few statements per id;
 * for a single request on a hot path (a contact decision), {@link #standing} in one statement.
 */
@Service
public class PortfolioReads {

    private final LedgerVersions versions;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BusinessClock clock;
    private final LedgerProperties properties;

    private final LoanService loans;
    /** {@link #standing}'s statement, with the tolerance as a literal (see there). */
    private final String standingSql;

    PortfolioReads(JdbcClient jdbc, JdbcTemplate template, BusinessClock clock, LedgerProperties properties, LoanService loans,
                   LedgerVersions versions) {
        this.versions = versions;
        this.jdbc = jdbc;
        this.loans = loans;
        this.standingSql = STANDING.formatted(properties.tolerance().toPlainString());
        this.template = template;
        this.clock = clock;
        this.properties = properties;
        this.standings = Caffeine.newBuilder().maximumSize(properties.keptAnswers()).build();
    }

    /**
     * A loan that may need contact on a business date, from that date's delinquency snapshot.
     *
     * @param nextDueDate   for a loan that is not overdue: its earliest unpaid instalment due on or after the date and
     *                      within the reminder horizon; null otherwise
     * @param nextDueAmount what is still unpaid of that instalment
     */
    public record ContactCandidate(UUID loanId, UUID customerId, String loanNumber, String currency, int daysPastDue,
                                   int graceDays, BigDecimal overdueAmount, LocalDate oldestUnpaidDueDate,
                                   LocalDate nextDueDate, BigDecimal nextDueAmount) {
    }

    /**
     * Streams, from the snapshot of {@code date} (which must exist), every loan whose days past due is one of
     * {@code daysPastDue}, and every loan that is not overdue and has an unpaid instalment due exactly
     * {@code daysBeforeDue} days after the date. Must run inside a transaction: PostgreSQL then streams the rows
     * through a cursor, so memory does not grow with the portfolio.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public void forEachContactCandidate(LocalDate date, Set<Integer> daysBeforeDue, Set<Integer> daysPastDue,
                                        Consumer<ContactCandidate> sink) {
        int horizon = daysBeforeDue.stream().mapToInt(Integer::intValue).max().orElse(-1);
        String offsets = ints(daysBeforeDue);
        String ladder = ints(daysPastDue);
        // Literal integer lists (validated ints) and dates keep the plan simple for the planner; nothing here comes
        // from a request as text.
        String sql = """
                SELECT s.loan_id, s.customer_id, l.external_id, l.currency, s.days_past_due, s.grace_days, s.overdue_amount,
                       s.oldest_unpaid_due_date, n.due_date, n.remaining
                  FROM delinquency_snapshot s
                  JOIN loan l ON l.id = s.loan_id
                  LEFT JOIN (SELECT DISTINCT ON (i.loan_id) i.loan_id, i.due_date, i.remaining
                               FROM instalment i
                              WHERE i.remaining > 0 AND i.due_date >= DATE '%1$s' AND i.due_date <= DATE '%1$s' + %2$d
                              ORDER BY i.loan_id, i.due_date) n ON n.loan_id = s.loan_id AND s.days_past_due = 0
                 WHERE s.business_date = DATE '%1$s'
                   AND (s.days_past_due IN (%3$s) OR (s.days_past_due = 0 AND n.due_date - DATE '%1$s' IN (%4$s)))
                """.formatted(date, Math.max(horizon, 0), ladder, offsets);
        template.query(con -> {
            var statement = con.prepareStatement(sql);
            statement.setFetchSize(5_000);
            return statement;
        }, rs -> {
            sink.accept(new ContactCandidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                    rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7), rs.getObject(8, LocalDate.class),
                    rs.getObject(9, LocalDate.class), rs.getBigDecimal(10)));
        });
    }

    private static String ints(Set<Integer> values) {
        return values.isEmpty() ? "-1" : String.join(",", values.stream().sorted().map(String::valueOf).toList());
    }

    /** Customers with their contact points, as {@link CustomerService#find} returns them; unknown ids are absent. */
    public Map<UUID, CustomerView> customers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<ContactPoint>> points = new HashMap<>();
        jdbc.sql("SELECT * FROM contact_point WHERE customer_id IN (:ids) ORDER BY customer_id, type, created_at, value")
                .param("ids", ids).query(rs -> {
                    points.computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new ArrayList<>())
                            .add(new ContactPoint(rs.getObject("id", UUID.class), ContactType.valueOf(rs.getString("type")),
                                    rs.getString("value"), rs.getBoolean("verified"), ContactOwner.valueOf(rs.getString("owner"))));
                });
        Map<UUID, CustomerView> customers = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM customer WHERE id IN (:ids)").param("ids", ids).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            customers.put(id, new CustomerView(id, rs.getString("external_id"), rs.getString("name"),
                    PersonalData.maskNationalId(rs.getString("national_id")), rs.getString("language"),
                    new Address(rs.getString("country"), rs.getString("region"), rs.getString("city"),
                            rs.getString("address_line"), rs.getString("time_zone")),
                    List.copyOf(points.getOrDefault(id, List.of())), rs.getTimestamp("created_at").toInstant()));
        });
        return customers;
    }

    /**
     * A loan's state at an instant as the contact rules read it: days past due by {@link LoanService#delinquency}'s
     * rule, the next unpaid due date as {@link LoanService#summary}, and whether a payment claim is open.
     */
    public record LoanState(UUID loanId, UUID customerId, String product, String currency, int graceDays, int daysPastDue,
                            LocalDate nextUnpaidDueDate, boolean openPaymentClaim) {
    }

    /**
     * The current state of many loans, read from the ledger as it stands (payments posted a moment ago count): for
     * an instant at or after now, the same answer as asking each loan; for an earlier instant use
     * {@link LoanService#delinquency}.
     */
    public Map<UUID, LoanState> currentStates(Collection<UUID> loanIds, Instant at) {
        if (loanIds.isEmpty()) {
            return Map.of();
        }
        LocalDate date = LocalDate.ofInstant(at, clock.bankZone());
        String tolerance = properties.tolerance().toPlainString();
        Map<UUID, LoanState> states = new HashMap<>();
        jdbc.sql("""
                SELECT l.id, l.customer_id, l.product, l.currency, l.grace_days,
                       (SELECT min(i.due_date) FROM instalment i WHERE i.loan_id = l.id AND i.remaining > 0
                           AND i.remaining > %s AND i.due_date <= :date) AS oldest,
                       (SELECT min(i.due_date) FROM instalment i WHERE i.loan_id = l.id AND i.remaining > 0) AS next_unpaid,
                       EXISTS (SELECT 1 FROM payment_claim c WHERE c.loan_id = l.id AND c.created_at <= :at
                                  AND c.expires_at > :at AND (c.matched_at IS NULL OR c.matched_at > :at)) AS open_claim
                  FROM loan l WHERE l.id IN (:ids)""".formatted(tolerance))
                .param("date", date).param("at", Timestamp.from(at)).param("ids", loanIds)
                .query((ResultSet rs) -> {
                    LocalDate oldest = rs.getObject("oldest", LocalDate.class);
                    int dpd = oldest == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(oldest, date));
                    UUID id = rs.getObject("id", UUID.class);
                    states.put(id, new LoanState(id, rs.getObject("customer_id", UUID.class), rs.getString("product"),
                            rs.getString("currency"), rs.getInt("grace_days"), dpd, rs.getObject("next_unpaid", LocalDate.class),
                            rs.getBoolean("open_claim")));
                });
        return states;
    }

    /**
     * Days past due as {@link LoanService#delinquency} counts them: the oldest instalment due by the business date whose
     * remainder at {@code :at} (unpaid now + what payments received after {@code :at} have paid of it since) exceeds
     * the tolerance. Allocations are never negative, so that is the older of two index look-ups: an instalment unpaid
     * now (the partial index of unpaid instalments), and one paid since {@code :at} (usually none: it is now). The
     * tolerance ({@code %1$s}) is a validated BigDecimal written as a literal so that the partial index applies.
     */
    private static final String STANDING = """
                SELECT c.id, c.external_id, c.name, c.national_id, c.language, c.country, c.region, c.city, c.address_line,
                       c.time_zone, c.created_at,
                       l.id AS loan_id, l.product, l.currency, l.grace_days, l.rescheduled_at, l.oldest, l.oldest_paid_since,
                       l.next_unpaid, l.open_claim, l.changes_at, a.needs_action,
                       ledger_version(c.id) AS ledger_version,
                       p.id AS point_id, p.type, p.value, p.verified, p.owner
                  FROM customer c
                  LEFT JOIN LATERAL (
                       SELECT l.id, l.product, l.currency, l.grace_days, l.rescheduled_at,
                              (SELECT min(i.due_date) FROM instalment i
                                WHERE i.loan_id = l.id AND i.remaining > 0 AND i.remaining > %1$s AND i.due_date <= :date) AS oldest,
                              (SELECT min(i.due_date)
                                 FROM (SELECT pa.instalment_number, sum(pa.amount) AS amount FROM payment_allocation pa
                                        WHERE pa.loan_id = l.id AND pa.received_at > :at GROUP BY pa.instalment_number) later
                                 JOIN instalment i ON i.loan_id = l.id AND i.number = later.instalment_number
                                WHERE i.due_date <= :date AND i.remaining + later.amount > %1$s) AS oldest_paid_since,
                              (SELECT min(i.due_date) FROM instalment i WHERE i.loan_id = l.id AND i.remaining > 0) AS next_unpaid,
                              EXISTS (SELECT 1 FROM payment_claim pc WHERE pc.loan_id = l.id AND pc.created_at <= :at
                                         AND pc.expires_at > :at AND (pc.matched_at IS NULL OR pc.matched_at > :at)) AS open_claim,
                              (SELECT min(t) FROM (SELECT pa.received_at AS t FROM payment_allocation pa
                                                    WHERE pa.loan_id = l.id AND pa.received_at > :at
                                                   UNION ALL
                                                   SELECT b.t FROM payment_claim pc
                                                    CROSS JOIN LATERAL (VALUES (pc.created_at), (pc.expires_at), (pc.matched_at)) b (t)
                                                    WHERE pc.loan_id = l.id AND b.t > :at) later) AS changes_at
                         FROM loan l WHERE l.id = :loan AND l.customer_id = c.id) l ON true
                 CROSS JOIN LATERAL (
                       SELECT EXISTS (SELECT 1 FROM loan_application la
                                       WHERE la.customer_id = c.id AND la.status NOT IN ('REJECTED', 'DISBURSED')
                                         AND (la.status = 'DOCUMENTS_REQUIRED'
                                              OR (la.status <> 'APPROVED' AND EXISTS (
                                                    SELECT 1 FROM application_document d
                                                     WHERE d.application_id = la.id AND d.state IN ('REQUIRED', 'REJECTED'))))) AS needs_action) a
                  LEFT JOIN contact_point p ON p.customer_id = c.id
                 WHERE c.id = :customer
                 ORDER BY p.type, p.created_at, p.value""";

    /**
     * A customer's standing at an instant, as one request needs it.
     *
     * @param customer                       as {@link CustomerService#find} returns it, with the contact points
     * @param loan                           the loan asked about at the instant; null when none was asked about or the
     *                                       customer has no loan with that id
     * @param applicationNeedsCustomerAction {@link LoanApplicationService#anyNeedingCustomerAction}
     */
    public record Standing(CustomerView customer, LoanState loan, boolean applicationNeedsCustomerAction) {
    }

    /**
     * The customer, their contact points, one of their loans at {@code at} and whether an application waits on them,
     * in one statement: the same answers as {@link CustomerService#find}, {@link LoanService#delinquency} (days past
     * due, grace days), {@link LoanService#summary} (product, next unpaid due date),
     * {@link PaymentClaimService#hasOpenClaim} and {@link LoanApplicationService#anyNeedingCustomerAction}, for any
     * instant, past or future. Empty when there is no such customer.
     *
     * @param loanId null when no loan is asked about
     */
    public Optional<Standing> standing(UUID customerId, UUID loanId, Instant at) {
        KeptAnswer<Standing> cached = standings.getIfPresent(new StandingKey(customerId, loanId));
        if (cached != null && cached.covers(at) && versions.of(customerId) == cached.version()) {
            return Optional.of(cached.answer());
        }
        return read(customerId, loanId, at).map(KeptStanding::standing);
    }

    /**
     * A standing and the customer's ledger version it is true for.
     *
     * @param version compare with the SQL function {@code ledger_version(customer_id)}, which this module publishes
     */
    public record KeptStanding(Standing standing, long version) {
    }

    /**
     * {@link #standing}, as kept from an earlier read when one covers the instant, without checking that the ledger has
     * not changed since: only for a caller that records what it decides on it with a statement that checks
     * {@code ledger_version(customer_id) = version}, and calls {@link #forget} and asks again when it does not hold.
     */
    public Optional<KeptStanding> keptStanding(UUID customerId, UUID loanId, Instant at) {
        KeptAnswer<Standing> cached = standings.getIfPresent(new StandingKey(customerId, loanId));
        if (cached != null && cached.covers(at)) {
            return Optional.of(new KeptStanding(cached.answer(), cached.version()));
        }
        return read(customerId, loanId, at);
    }

    /** Drops the kept standing of the customer and loan: the next answer is read. */
    public void forget(UUID customerId, UUID loanId) {
        standings.invalidate(new StandingKey(customerId, loanId));
    }

    /** The standing as the statement reads it, kept for reuse where it may be. */
    private Optional<KeptStanding> read(UUID customerId, UUID loanId, Instant at) {
        StandingKey key = new StandingKey(customerId, loanId);
        LocalDate date = LocalDate.ofInstant(at, clock.bankZone());
        List<Standing> rows = new ArrayList<>(2);
        boolean[] judgedByEarlierSchedule = {false};
        long[] version = {0};
        Instant[] changesAt = {null};
        jdbc.sql(standingSql)
                .param("customer", customerId).param("loan", loanId).param("date", date).param("at", Timestamp.from(at))
                .query((ResultSet rs) -> {
                    if (rows.isEmpty()) {
                        rows.add(new Standing(new CustomerView(rs.getObject("id", UUID.class), rs.getString("external_id"),
                                rs.getString("name"), PersonalData.maskNationalId(rs.getString("national_id")), rs.getString("language"),
                                new Address(rs.getString("country"), rs.getString("region"), rs.getString("city"),
                                        rs.getString("address_line"), rs.getString("time_zone")),
                                new ArrayList<>(2), rs.getTimestamp("created_at").toInstant()),
                                loanState(rs, customerId, date), rs.getBoolean("needs_action")));
                        Timestamp rescheduled = rs.getTimestamp("rescheduled_at");
                        judgedByEarlierSchedule[0] = rescheduled != null && at.isBefore(rescheduled.toInstant());
                        version[0] = rs.getLong("ledger_version");
                        Timestamp changes = rs.getTimestamp("changes_at");
                        changesAt[0] = changes == null ? null : changes.toInstant();
                    }
                    UUID point = rs.getObject("point_id", UUID.class);
                    if (point != null) {
                        rows.get(0).customer().contactPoints().add(new ContactPoint(point, ContactType.valueOf(rs.getString("type")),
                                rs.getString("value"), rs.getBoolean("verified"), ContactOwner.valueOf(rs.getString("owner"))));
                    }
                });
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Standing s = rows.get(0);
        LoanState loan = s.loan();
        if (judgedByEarlierSchedule[0]) {
            // before a reschedule took effect the loan is judged by the schedule then in force (a what-if about the past)
            loan = new LoanState(loan.loanId(), loan.customerId(), loan.product(), loan.currency(), loan.graceDays(),
                    loans.delinquency(loan.loanId(), at).daysPastDue(), loan.nextUnpaidDueDate(), loan.openPaymentClaim());
        }
        CustomerView c = s.customer();
        Standing standing = new Standing(new CustomerView(c.id(), c.externalId(), c.name(), c.nationalIdMasked(), c.language(),
                c.address(), List.copyOf(c.contactPoints()), c.createdAt()), loan, s.applicationNeedsCustomerAction());
        if (!judgedByEarlierSchedule[0] && (loanId == null || loan != null)) {
            // the same answer holds until the business date ends, or a payment received or a claim made, matched or
            // expiring after the instant takes effect, or the ledger changes (the version)
            KeptAnswer<Standing> kept = new KeptAnswer<>(standing, version[0], at, KeptAnswer.until(date, clock.bankZone(), changesAt[0]));
            AfterCommit.run(() -> standings.put(key, kept));
        }
        return Optional.of(new KeptStanding(standing, version[0]));
    }

    /**
     * Answers of {@link #standing} kept for reuse: one is returned again for an instant within its time validity while
     * the customer's ledger version ({@code ledger_customer_version}, moved by triggers on every ledger table the answer
     * reads, in the writer's transaction) is still the one read with it. So a payment posted a moment ago, on any
     * instance, is in the very next answer; an unchanged customer costs one small read instead of the full statement.
     */
    private final Cache<StandingKey, KeptAnswer<Standing>> standings;

    private record StandingKey(UUID customerId, UUID loanId) {
    }

    private static LoanState loanState(ResultSet rs, UUID customerId, LocalDate date) throws java.sql.SQLException {
        UUID loanId = rs.getObject("loan_id", UUID.class);
        if (loanId == null) {
            return null;
        }
        LocalDate oldest = rs.getObject("oldest", LocalDate.class);
        LocalDate paidSince = rs.getObject("oldest_paid_since", LocalDate.class);
        if (oldest == null || (paidSince != null && paidSince.isBefore(oldest))) {
            oldest = paidSince;
        }
        int dpd = oldest == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(oldest, date));
        return new LoanState(loanId, customerId, rs.getString("product"), rs.getString("currency"), rs.getInt("grace_days"), dpd,
                rs.getObject("next_unpaid", LocalDate.class), rs.getBoolean("open_claim"));
    }
}
