package org.amity.ledger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amity.ledger.domain.BucketPolicy;
import org.amity.ledger.domain.Component;
import org.amity.ledger.domain.InstalmentBalance;
import org.amity.ledger.domain.DelinquencyCalculator;
import org.amity.ledger.domain.Money;
import org.amity.ledger.domain.RepaymentMethod;
import org.amity.ledger.domain.ScheduleCalculator;
import org.amity.ledger.domain.ScheduledInstalment;
import org.amity.platform.AfterCommit;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books loans with their schedules and answers "is this loan overdue, as of this instant?". */
@Service
public class LoanService {

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final LedgerProperties properties;
    private final BucketPolicy buckets;
    private final LedgerVersions versions;

    LoanService(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, LedgerProperties properties, LedgerVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.delinquencies = Caffeine.newBuilder().maximumSize(properties.keptAnswers()).build();
        this.clock = clock;
        this.audit = audit;
        this.properties = properties;
        this.buckets = BucketPolicy.parse(properties.buckets());
    }

    public record ExplicitInstalment(LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal fees) {
    }

    public record NewLoan(String externalId, UUID customerId, String product, String currency, BigDecimal principal,
                          BigDecimal annualRate, Integer termMonths, RepaymentMethod method, LocalDate disbursedOn,
                          LocalDate firstDueDate, Integer graceDays, List<ExplicitInstalment> schedule) {
    }

    /** A validated loan and its schedule, ready to store. */
    public record ValidLoan(UUID id, String externalId, UUID customerId, String product, String currency,
                            BigDecimal principal, BigDecimal annualRate, int termMonths, RepaymentMethod method,
                            LocalDate disbursedOn, LocalDate firstDueDate, int graceDays,
                            List<ScheduledInstalment> schedule) {
    }

    @Transactional
    public LoanView book(NewLoan request) {
        ValidLoan loan = validate(request);
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM customer WHERE id = ?)").param(loan.customerId()).query(Boolean.class).single()) {
            throw ApiProblem.badRequest("UNKNOWN_CUSTOMER", "customerId", "No customer with id " + loan.customerId());
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM loan WHERE external_id = ?)").param(loan.externalId()).query(Boolean.class).single()) {
            throw ApiProblem.conflict("DUPLICATE_EXTERNAL_ID", "externalId", "A loan with externalId '" + loan.externalId() + "' already exists");
        }
        insert(loan, clock.instant());
        LoanView view = find(loan.id()).orElseThrow();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("externalId", loan.externalId());
        state.put("customerId", loan.customerId().toString());
        state.put("principal", loan.principal().toPlainString() + " " + loan.currency());
        state.put("annualRate", loan.annualRate().toPlainString());
        state.put("termMonths", loan.termMonths());
        state.put("method", loan.method().name());
        state.put("firstDueDate", loan.firstDueDate().toString());
        audit.record("LOAN_BOOKED", "Loan", loan.id().toString(), null, state);
        return view;
    }

    /** Validates a loan request and builds its schedule; throws a problem naming the offending field. */
    public static ValidLoan validate(NewLoan r) {
        if (r == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A loan is required");
        }
        String externalId = CustomerService.required(r.externalId(), "externalId", 64);
        if (r.customerId() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "customerId", "customerId is required");
        }
        String product = CustomerService.required(r.product(), "product", 40).toUpperCase();
        String currency = CustomerService.required(r.currency(), "currency", 3).toUpperCase();
        try {
            java.util.Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_CURRENCY", "currency", "'" + r.currency() + "' is not an ISO 4217 currency code");
        }
        BigDecimal principal = positiveMoney(r.principal(), "principal");
        BigDecimal rate = r.annualRate();
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw ApiProblem.badRequest("INVALID_RATE", "annualRate", "annualRate is a yearly fraction between 0 and 1, e.g. \"0.0600\" for 6%");
        }
        if (r.disbursedOn() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "disbursedOn", "disbursedOn is required");
        }
        int grace = r.graceDays() == null ? 0 : r.graceDays();
        if (grace < 0 || grace > 90) {
            throw ApiProblem.badRequest("INVALID_GRACE_DAYS", "graceDays", "graceDays is between 0 and 90");
        }
        List<ScheduledInstalment> schedule;
        RepaymentMethod method;
        LocalDate firstDue;
        int term;
        if (r.schedule() != null && !r.schedule().isEmpty()) {
            if (r.method() != null && r.method() != RepaymentMethod.EXPLICIT) {
                throw ApiProblem.badRequest("SCHEDULE_WITH_METHOD", "method", "Give either a method to generate the schedule or an explicit schedule, not both");
            }
            method = RepaymentMethod.EXPLICIT;
            schedule = explicitSchedule(r.schedule(), principal, r.disbursedOn());
            firstDue = schedule.get(0).dueDate();
            term = schedule.size();
        } else {
            if (r.method() == null || r.method() == RepaymentMethod.EXPLICIT) {
                throw ApiProblem.badRequest("FIELD_REQUIRED", "method", "method is required (or give an explicit schedule)")
                        .allowedValues(List.of(RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.EQUAL_PRINCIPAL));
            }
            method = r.method();
            if (r.termMonths() == null || r.termMonths() < 1 || r.termMonths() > 600) {
                throw ApiProblem.badRequest("INVALID_TERM", "termMonths", "termMonths is between 1 and 600");
            }
            term = r.termMonths();
            if (r.firstDueDate() == null) {
                throw ApiProblem.badRequest("FIELD_REQUIRED", "firstDueDate", "firstDueDate is required");
            }
            if (!r.firstDueDate().isAfter(r.disbursedOn())) {
                throw ApiProblem.badRequest("FIRST_DUE_BEFORE_DISBURSEMENT", "firstDueDate", "firstDueDate must be after disbursedOn");
            }
            firstDue = r.firstDueDate();
            schedule = ScheduleCalculator.generate(principal, rate, term, method, firstDue);
        }
        return new ValidLoan(UUID.randomUUID(), externalId, r.customerId(), product, currency, principal,
                rate, term, method, r.disbursedOn(), firstDue, grace, schedule);
    }

    private static List<ScheduledInstalment> explicitSchedule(List<ExplicitInstalment> given, BigDecimal principal, LocalDate disbursedOn) {
        List<ScheduledInstalment> schedule = new ArrayList<>();
        BigDecimal sum = Money.ZERO;
        LocalDate previous = disbursedOn;
        for (int i = 0; i < given.size(); i++) {
            ExplicitInstalment e = given.get(i);
            String field = "schedule[" + i + "]";
            if (e.dueDate() == null || !e.dueDate().isAfter(previous)) {
                throw ApiProblem.badRequest("INVALID_SCHEDULE", field + ".dueDate",
                        "Each due date must be after the disbursement and the previous due date");
            }
            BigDecimal p = money(e.principal(), field + ".principal");
            BigDecimal interest = e.interest() == null ? Money.ZERO : money(e.interest(), field + ".interest");
            BigDecimal fees = e.fees() == null ? Money.ZERO : money(e.fees(), field + ".fees");
            schedule.add(new ScheduledInstalment(i + 1, e.dueDate(), p, interest, fees));
            sum = sum.add(p);
            previous = e.dueDate();
        }
        if (sum.compareTo(principal) != 0) {
            throw ApiProblem.badRequest("SCHEDULE_PRINCIPAL_MISMATCH", "schedule",
                    "The schedule repays " + sum.toPlainString() + " of principal but the loan is " + principal.toPlainString());
        }
        return schedule;
    }

    public static BigDecimal positiveMoney(BigDecimal amount, String field) {
        BigDecimal m = money(amount, field);
        if (m.signum() <= 0) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", field, field + " must be positive");
        }
        return m;
    }

    static BigDecimal money(BigDecimal amount, String field) {
        if (amount == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", field, field + " is required");
        }
        if (amount.signum() < 0) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", field, field + " cannot be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw ApiProblem.badRequest("INVALID_AMOUNT", field, field + " has more than two decimals");
        }
        return amount.setScale(2);
    }

    void insert(ValidLoan loan, Instant now) {
        jdbc.sql("""
                INSERT INTO loan (id, customer_id, external_id, product, currency, principal, annual_rate, term_months,
                                  method, disbursed_on, first_due_date, grace_days, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(loan.id(), loan.customerId(), loan.externalId(), loan.product(), loan.currency(), loan.principal(),
                        loan.annualRate(), loan.termMonths(), loan.method().name(), loan.disbursedOn(), loan.firstDueDate(),
                        loan.graceDays(), Timestamp.from(now))
                .update();
        for (ScheduledInstalment i : loan.schedule()) {
            jdbc.sql("INSERT INTO instalment (loan_id, number, customer_id, due_date, principal, interest, fees) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(loan.id(), i.number(), loan.customerId(), i.dueDate(), i.principal(), i.interest(), i.fees())
                    .update();
        }
    }

    public Optional<LoanView> find(UUID id) {
        return jdbc.sql("SELECT * FROM loan WHERE id = ?").param(id).query(this::mapLoan).optional();
    }

    public Optional<LoanView> findByExternalId(String externalId) {
        return jdbc.sql("SELECT * FROM loan WHERE external_id = ?").param(externalId).query(this::mapLoan).optional();
    }

    public List<LoanView> loansOf(UUID customerId) {
        return jdbc.sql("SELECT * FROM loan WHERE customer_id = ? ORDER BY disbursed_on, external_id").param(customerId)
                .query(this::mapLoan).list();
    }

    /** What other modules usually need of a loan, in one query: its customer, product and next unpaid due date. */
    public record LoanSummary(UUID loanId, UUID customerId, String product, String currency, LocalDate nextUnpaidDueDate) {
    }

    public Optional<LoanSummary> summary(UUID loanId) {
        return jdbc.sql("""
                SELECT l.customer_id, l.product, l.currency,
                       (SELECT min(i.due_date) FROM instalment i WHERE i.loan_id = l.id AND i.remaining > 0) AS next_unpaid
                  FROM loan l WHERE l.id = ?""").param(loanId)
                .query((rs, n) -> new LoanSummary(loanId, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class))).optional();
    }

    public UUID customerOf(UUID loanId) {
        return jdbc.sql("SELECT customer_id FROM loan WHERE id = ?").param(loanId).query(UUID.class).optional()
                .orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND", "No loan with id " + loanId));
    }

    /**
     * Delinquency of one loan as of {@code asOf}, from the ledger as it stands: only payments received at or
     * before {@code asOf} count, so the answer for "now" changes the moment a payment is posted.
     */
    public Delinquency delinquency(UUID loanId, Instant asOf) {
        KeptAnswer<Delinquency> kept = delinquencies.getIfPresent(loanId);
        if (kept != null && kept.covers(asOf) && versions.of(kept.answer().customerId()) == kept.version()) {
            return kept.answer().at(asOf);
        }
        return readDelinquency(loanId, asOf);
    }

    /**
     * Answers of {@link #delinquency} kept for reuse, by loan: a dialer or a screen asks about the same loans again and
     * again, and an unchanged customer then costs one small read instead of the statement over the schedule and its
     * allocations. Bounded by {@code amity.ledger.kept-answers} per instance.
     */
    private final Cache<UUID, KeptAnswer<Delinquency>> delinquencies;

    /** {@link #delinquency} read from the ledger, and kept where it may be. */
    Delinquency readDelinquency(UUID loanId, Instant asOf) {
        record Row(UUID customerId, String currency, int graceDays, Instant rescheduledAt, long version, Instant changesAt,
                   DelinquencyCalculator.Unpaid unpaid) {
        }
        LocalDate businessDate = LocalDate.ofInstant(asOf, clock.bankZone());
        // One round trip: the loan, and each instalment due by the business date with what was still unpaid at
        // asOf = unpaid now + what later payments (received after asOf) have since paid of it; with the customer's
        // ledger version and the first instant after asOf at which a payment already posted was received (until
        // then the answer only changes with the business date or a write, which moves the version).
        List<Row> rows = jdbc.sql("""
                SELECT l.customer_id, l.currency, l.grace_days, i.number, i.due_date,
                       i.remaining + COALESCE(later.amount, 0) AS remaining, l.rescheduled_at,
                       ledger_version(l.customer_id) AS version,
                       (SELECT min(pa.received_at) FROM payment_allocation pa
                         WHERE pa.loan_id = l.id AND pa.received_at > :asOf) AS changes_at
                  FROM loan l
                  LEFT JOIN instalment i ON i.loan_id = l.id AND i.due_date <= :date
                  LEFT JOIN (SELECT instalment_number, sum(amount) AS amount FROM payment_allocation
                              WHERE loan_id = :loan AND received_at > :asOf GROUP BY instalment_number) later
                         ON later.instalment_number = i.number
                 WHERE l.id = :loan
                 ORDER BY i.due_date, i.number""")
                .param("asOf", asOf.atOffset(ZoneOffset.UTC)).param("loan", loanId).param("date", businessDate)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject(5, LocalDate.class);
                    OffsetDateTime rescheduled = rs.getObject(7, OffsetDateTime.class);
                    OffsetDateTime changes = rs.getObject(9, OffsetDateTime.class);
                    return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                            rescheduled == null ? null : rescheduled.toInstant(), rs.getLong(8),
                            changes == null ? null : changes.toInstant(),
                            due == null ? null : new DelinquencyCalculator.Unpaid(rs.getInt(4), due, rs.getBigDecimal(6)));
                })
                .list();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("LOAN_NOT_FOUND", "No loan with id " + loanId);
        }
        List<DelinquencyCalculator.Unpaid> unpaid = rows.stream().map(Row::unpaid).filter(java.util.Objects::nonNull).toList();
        Row head = rows.get(0);
        boolean judgedByEarlierSchedule = head.rescheduledAt() != null && asOf.isBefore(head.rescheduledAt());
        if (judgedByEarlierSchedule) {
            unpaid = archivedUnpaid(loanId, asOf, businessDate).orElse(unpaid);
        }
        Delinquency d = delinquency(loanId, head.customerId(), head.currency(), head.graceDays(), asOf, businessDate, unpaid);
        if (!judgedByEarlierSchedule) {
            KeptAnswer<Delinquency> kept = new KeptAnswer<>(d, head.version(), asOf,
                    KeptAnswer.until(businessDate, clock.bankZone(), head.changesAt()));
            AfterCommit.run(() -> delinquencies.put(loanId, kept));
        }
        return d;
    }

    private Delinquency delinquency(UUID loanId, UUID customerId, String currency, int graceDays, Instant asOf,
                                    LocalDate businessDate, List<DelinquencyCalculator.Unpaid> unpaid) {
        DelinquencyCalculator.Status s = DelinquencyCalculator.asOf(businessDate, unpaid, properties.tolerance(), buckets);
        return new Delinquency(loanId, customerId, asOf, businessDate, s.daysPastDue(), s.bucket(), s.overdueAmount(),
                currency, s.oldestUnpaidDueDate(), graceDays);
    }

    /**
     * Where each of a customer's loans stands as of {@code asOf}: its delinquency (exactly as {@link #delinquency})
     * and the first instalment not fully paid that falls due on the business date or later.
     */
    public record LoanStanding(UUID loanId, String externalId, String currency, Delinquency delinquency,
                               Optional<LoanView.Instalment> nextInstalment) {
    }

    /**
     * {@link LoanStanding} of every loan of the customer, in the order of {@link #loansOf}, in one round trip: what
     * the portal's assistant needs to answer "am I overdue?" and "when is my next payment?".
     */
    public List<LoanStanding> standingsOf(UUID customerId, Instant asOf) {
        record Head(UUID loanId, String externalId, String currency, int graceDays, Instant rescheduledAt,
                    List<DelinquencyCalculator.Unpaid> unpaid, LoanView.Instalment[] next) {
        }
        LocalDate businessDate = LocalDate.ofInstant(asOf, clock.bankZone());
        Map<UUID, Head> loans = new LinkedHashMap<>();
        // per loan: every instalment due by the business date with what was still unpaid at asOf (as in delinquency),
        // and, flagged "next", the first unpaid instalment due on the business date or later
        jdbc.sql("""
                SELECT l.id, l.external_id, l.currency, l.grace_days, l.rescheduled_at,
                       i.next, i.number, i.due_date, i.principal, i.interest, i.fees, i.penalties, i.remaining,
                       i.remaining + COALESCE((SELECT sum(a.amount) FROM payment_allocation a
                                                WHERE a.loan_id = l.id AND a.instalment_number = i.number
                                                  AND a.received_at > :asOf), 0) AS unpaid_at
                  FROM loan l
                  LEFT JOIN LATERAL (
                        SELECT false AS next, d.* FROM instalment d WHERE d.loan_id = l.id AND d.due_date <= :date
                        UNION ALL
                        (SELECT true AS next, n.* FROM instalment n
                          WHERE n.loan_id = l.id AND n.remaining > 0 AND n.due_date >= :date ORDER BY n.number LIMIT 1)
                       ) i ON true
                 WHERE l.customer_id = :customer
                 ORDER BY l.disbursed_on, l.external_id, l.id, i.next, i.due_date, i.number""")
                .param("customer", customerId).param("asOf", Timestamp.from(asOf)).param("date", businessDate)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Head head = loans.get(id);
                    if (head == null) {
                        head = new Head(id, rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), new ArrayList<>(),
                                new LoanView.Instalment[1]);
                        loans.put(id, head);
                    }
                    if (rs.getObject(6) == null) {
                        return;
                    }
                    if (rs.getBoolean(6)) {
                        BigDecimal principal = rs.getBigDecimal(9);
                        BigDecimal interest = rs.getBigDecimal(10);
                        BigDecimal fees = rs.getBigDecimal(11);
                        BigDecimal penalties = rs.getBigDecimal(12);
                        BigDecimal remaining = rs.getBigDecimal(13);
                        BigDecimal total = principal.add(interest).add(fees).add(penalties);
                        head.next()[0] = new LoanView.Instalment(rs.getInt(7), rs.getObject(8, LocalDate.class), principal,
                                interest, fees, penalties, total, total.subtract(remaining), remaining);
                    } else {
                        head.unpaid().add(new DelinquencyCalculator.Unpaid(rs.getInt(7), rs.getObject(8, LocalDate.class),
                                rs.getBigDecimal(14)));
                    }
                });
        List<LoanStanding> standings = new ArrayList<>(loans.size());
        for (Head h : loans.values()) {
            // before a reschedule took effect the archived schedule applies: the per-loan path knows how to read it
            Delinquency d = h.rescheduledAt() != null && asOf.isBefore(h.rescheduledAt())
                    ? delinquency(h.loanId(), asOf)
                    : delinquency(h.loanId(), customerId, h.currency(), h.graceDays(), asOf, businessDate, h.unpaid());
            standings.add(new LoanStanding(h.loanId(), h.externalId(), h.currency(), d, Optional.ofNullable(h.next()[0])));
        }
        return standings;
    }

    /** The customer's loan numbers, in the order of {@link #loansOf}. */
    public List<String> loanNumbersOf(UUID customerId) {
        return jdbc.sql("SELECT external_id FROM loan WHERE customer_id = ? ORDER BY disbursed_on, external_id")
                .param(customerId).query(String.class).list();
    }

    /**
     * Before a reschedule took effect the loan was judged by the schedule then in force: the archived version in
     * effect at {@code asOf}, with what was unpaid on it at that instant. Empty when the current version applies.
     */
    private Optional<List<DelinquencyCalculator.Unpaid>> archivedUnpaid(UUID loanId, Instant asOf, LocalDate businessDate) {
        Integer version = jdbc.sql("SELECT COALESCE(max(version), 1) FROM loan_schedule_version WHERE loan_id = ? AND created_at <= ?")
                .params(loanId, Timestamp.from(asOf)).query(Integer.class).single();
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM instalment_archive WHERE loan_id = ? AND version = ?)")
                .params(loanId, version).query(Boolean.class).single()) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                SELECT a.number, a.due_date,
                       a.principal + a.interest + a.fees + a.penalties - a.paid_principal - a.paid_interest - a.paid_fees
                         - a.paid_penalties + COALESCE(later.amount, 0) AS remaining
                  FROM instalment_archive a
                  LEFT JOIN (SELECT instalment_number, sum(amount) AS amount FROM payment_allocation
                              WHERE loan_id = :loan AND received_at > :asOf GROUP BY instalment_number) later
                         ON later.instalment_number = a.number
                 WHERE a.loan_id = :loan AND a.version = :version AND a.due_date <= :date
                 ORDER BY a.due_date, a.number""")
                .param("loan", loanId).param("asOf", Timestamp.from(asOf)).param("version", version).param("date", businessDate)
                .query((rs, n) -> new DelinquencyCalculator.Unpaid(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
                .list());
    }

    /** What a reschedule did: the loan's new schedule version and the ledger numbers of the new instalments. */
    public record Rescheduled(int version, List<Integer> instalmentNumbers) {
    }

    /** A version of a loan's schedule: when it took effect and why (version 1, the booked schedule, is not listed). */
    public record ScheduleVersion(int version, LocalDate effectiveFrom, String reason, String createdBy, Instant createdAt) {
    }

    /**
     * Replaces the loan's future with {@code newSchedule} (e.g. an agreed repayment arrangement), keeping the
     * original: the instalments as they stand are archived as the current version; each existing instalment is
     * settled at what was already paid on it (its allocations stay valid; one with nothing paid is removed), and
     * the new instalments follow with the next numbers. From then on delinquency and payment allocation use the
     * new instalments; delinquency as of an instant before the reschedule still reads the archived version.
     * The whole change is one transaction, audited as {@code LOAN_RESCHEDULED}.
     */
    @Transactional
    public Rescheduled rescheduleFuture(UUID loanId, List<ScheduledInstalment> newSchedule, LocalDate effectiveFrom, String reason) {
        if (newSchedule == null || newSchedule.isEmpty()) {
            throw ApiProblem.badRequest("SCHEDULE_REQUIRED", "schedule", "A new schedule needs at least one instalment");
        }
        String why = CustomerService.required(reason, "reason", 500);
        if (effectiveFrom == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "effectiveFrom", "effectiveFrom is required");
        }
        LocalDate previous = effectiveFrom.minusDays(1);
        for (ScheduledInstalment i : newSchedule) {
            if (!i.dueDate().isAfter(previous)) {
                throw ApiProblem.badRequest("INVALID_SCHEDULE", "schedule",
                        "Each due date must be on or after " + effectiveFrom + " and after the previous due date");
            }
            previous = i.dueDate();
        }
        record Head(UUID customerId, int version) {
        }
        Head head = jdbc.sql("SELECT customer_id, schedule_version FROM loan WHERE id = ? FOR UPDATE").param(loanId)
                .query((rs, n) -> new Head(rs.getObject(1, UUID.class), rs.getInt(2))).optional()
                .orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND", "No loan with id " + loanId));
        Instant now = clock.instant();
        BigDecimal before = jdbc.sql("SELECT COALESCE(sum(remaining), 0) FROM instalment WHERE loan_id = ?").param(loanId)
                .query(BigDecimal.class).single();
        jdbc.sql("""
                INSERT INTO instalment_archive (loan_id, version, number, customer_id, due_date, principal, interest, fees,
                                                penalties, paid_principal, paid_interest, paid_fees, paid_penalties, archived_at)
                SELECT loan_id, ?, number, customer_id, due_date, principal, interest, fees, penalties,
                       paid_principal, paid_interest, paid_fees, paid_penalties, ?
                  FROM instalment WHERE loan_id = ?""").params(head.version(), Timestamp.from(now), loanId).update();
        jdbc.sql("""
                DELETE FROM instalment WHERE loan_id = ?
                   AND paid_principal = 0 AND paid_interest = 0 AND paid_fees = 0 AND paid_penalties = 0""")
                .param(loanId).update();
        jdbc.sql("""
                UPDATE instalment SET principal = paid_principal, interest = paid_interest, fees = paid_fees,
                                      penalties = paid_penalties WHERE loan_id = ?""").param(loanId).update();
        int next = jdbc.sql("SELECT COALESCE(max(number), 0) FROM instalment WHERE loan_id = ?").param(loanId)
                .query(Integer.class).single();
        List<Integer> numbers = new ArrayList<>();
        for (ScheduledInstalment i : newSchedule) {
            next++;
            jdbc.sql("INSERT INTO instalment (loan_id, number, customer_id, due_date, principal, interest, fees) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(loanId, next, head.customerId(), i.dueDate(), i.principal(), i.interest(), i.fees())
                    .update();
            numbers.add(next);
        }
        int version = head.version() + 1;
        jdbc.sql("""
                INSERT INTO loan_schedule_version (loan_id, version, customer_id, effective_from, reason, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(loanId, version, head.customerId(), effectiveFrom, why, org.amity.identity.CurrentUser.name(), Timestamp.from(now))
                .update();
        jdbc.sql("UPDATE loan SET schedule_version = ?, rescheduled_at = ? WHERE id = ?")
                .params(version, Timestamp.from(now), loanId).update();
        BigDecimal after = newSchedule.stream().map(ScheduledInstalment::total).reduce(Money.ZERO, BigDecimal::add);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("scheduleVersion", head.version());
        was.put("remaining", before.toPlainString());
        Map<String, Object> becomes = new LinkedHashMap<>();
        becomes.put("scheduleVersion", version);
        becomes.put("remaining", after.toPlainString());
        becomes.put("instalments", newSchedule.size());
        becomes.put("effectiveFrom", effectiveFrom.toString());
        becomes.put("reason", why);
        audit.record("LOAN_RESCHEDULED", "Loan", loanId.toString(), was, becomes);
        return new Rescheduled(version, List.copyOf(numbers));
    }

    /** The reschedules of a loan, oldest first (version 1, the schedule the loan was booked with, is implied). */
    public List<ScheduleVersion> scheduleVersions(UUID loanId) {
        return jdbc.sql("SELECT version, effective_from, reason, created_by, created_at FROM loan_schedule_version WHERE loan_id = ? ORDER BY version")
                .param(loanId).query((rs, n) -> new ScheduleVersion(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).list();
    }

    /** A superseded schedule version exactly as it stood when it was replaced; empty for the live version. */
    public List<LoanView.Instalment> archivedSchedule(UUID loanId, int version) {
        return jdbc.sql("SELECT * FROM instalment_archive WHERE loan_id = ? AND version = ? ORDER BY number").params(loanId, version)
                .query((r, k) -> {
                    BigDecimal total = r.getBigDecimal("principal").add(r.getBigDecimal("interest"))
                            .add(r.getBigDecimal("fees")).add(r.getBigDecimal("penalties"));
                    BigDecimal paid = r.getBigDecimal("paid_principal").add(r.getBigDecimal("paid_interest"))
                            .add(r.getBigDecimal("paid_fees")).add(r.getBigDecimal("paid_penalties"));
                    return new LoanView.Instalment(r.getInt("number"), r.getObject("due_date", LocalDate.class),
                            r.getBigDecimal("principal"), r.getBigDecimal("interest"), r.getBigDecimal("fees"),
                            r.getBigDecimal("penalties"), total, paid, total.subtract(paid));
                }).list();
    }

    /** Each live instalment's amounts due and paid by component (principal, interest, fees, penalties). */
    public List<InstalmentBalance> balances(UUID loanId) {
        return jdbc.sql("SELECT * FROM instalment WHERE loan_id = ? ORDER BY due_date, number").param(loanId)
                .query((rs, n) -> new InstalmentBalance(rs.getInt("number"), rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("principal"), rs.getBigDecimal("interest"), rs.getBigDecimal("fees"),
                        rs.getBigDecimal("penalties"))
                        .withPaid(Component.PRINCIPAL, rs.getBigDecimal("paid_principal"))
                        .withPaid(Component.INTEREST, rs.getBigDecimal("paid_interest"))
                        .withPaid(Component.FEE, rs.getBigDecimal("paid_fees"))
                        .withPaid(Component.PENALTY, rs.getBigDecimal("paid_penalties"))).list();
    }

    /** The ledger's tolerance: an instalment whose unpaid remainder is at most this counts as paid. */
    public BigDecimal tolerance() {
        return properties.tolerance();
    }

    public Delinquency delinquencyNow(UUID loanId) {
        return delinquency(loanId, clock.instant());
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM loan").query(Long.class).single();
    }

    public BucketPolicy buckets() {
        return buckets;
    }

    private LoanView mapLoan(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<LoanView.Instalment> schedule = jdbc.sql("SELECT * FROM instalment WHERE loan_id = ? ORDER BY number").param(id)
                .query((r, k) -> {
                    BigDecimal total = r.getBigDecimal("principal").add(r.getBigDecimal("interest"))
                            .add(r.getBigDecimal("fees")).add(r.getBigDecimal("penalties"));
                    BigDecimal remaining = r.getBigDecimal("remaining");
                    return new LoanView.Instalment(r.getInt("number"), r.getObject("due_date", LocalDate.class),
                            r.getBigDecimal("principal"), r.getBigDecimal("interest"), r.getBigDecimal("fees"),
                            r.getBigDecimal("penalties"), total, total.subtract(remaining), remaining);
                }).list();
        return new LoanView(id, rs.getString("external_id"), rs.getObject("customer_id", UUID.class), rs.getString("product"),
                rs.getString("currency"), rs.getBigDecimal("principal"), rs.getBigDecimal("annual_rate").stripTrailingZeros(),
                rs.getInt("term_months"), RepaymentMethod.valueOf(rs.getString("method")),
                rs.getObject("disbursed_on", LocalDate.class), rs.getObject("first_due_date", LocalDate.class),
                rs.getInt("grace_days"), rs.getTimestamp("created_at").toInstant(), schedule);
    }
}
