package org.amity.messaging.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.amity.contact.BatchDecisions;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService.DecisionView;
import org.amity.contact.ContactDecisionService.ReasonView;
import org.amity.contact.ContactPurpose;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerView;
import org.amity.ledger.DelinquencySnapshots;
import org.amity.ledger.PortfolioReads;
import org.amity.messaging.Destinations;
import org.amity.messaging.Outbox;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily contact plan. For a business date it selects, set-based from that date's delinquency snapshot, the
 * loans the cadence says need contact (a reminder some days before a due date, a collection level on the day the
 * loan reaches its days past due), passes each through the contact decision engine in chunks, trying the customer's
 * preferred channel first when the level allows it and then the least intrusive, and in the decision's transaction
 * queues the message (SMS, email, push, letter) or lists the call for the dialer. Runs in the background; progress
 * and the report are in {@code contact_plan_run}, so a page reload or another instance sees them.
 *
 * <p>Re-running a date never contacts anyone twice: a loan and purpose already PLANNED that date is skipped (and
 * counted as already planned); the decision, the message and the dialer task carry the key
 * {@code plan:<date>:<loan>:<purpose>}. A BLOCKED one is decided again, since the block may have passed.
 */
@Service
public class ContactPlan implements DisposableBean {

    static final int CHUNK = 1_000;
    /** A RUNNING run whose heartbeat is older than this died with its instance. */
    static final Duration STALE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(ContactPlan.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BusinessClock clock;
    private final CadenceStore cadences;
    private final DelinquencySnapshots snapshots;
    private final PortfolioReads portfolio;
    private final BatchDecisions decisions;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final java.util.concurrent.ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contact-plan");
        t.setDaemon(true);
        return t;
    });

    ContactPlan(JdbcClient jdbc, JdbcTemplate template, BusinessClock clock, CadenceStore cadences, DelinquencySnapshots snapshots,
                PortfolioReads portfolio, BatchDecisions decisions, Outbox outbox, AuditTrail audit,
                PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.cadences = cadences;
        this.snapshots = snapshots;
        this.portfolio = portfolio;
        this.decisions = decisions;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public enum Status { RUNNING, COMPLETED, FAILED }

    public record RunView(UUID id, LocalDate businessDate, Status status, String cadenceVersion, String startedBy, Instant startedAt,
                          Instant finishedAt, Long candidates, long processed, int percent, PlanReport report, String error) {
    }

    /** Starts a run for the business date (default today) in the background and returns it at once. */
    public RunView start(LocalDate requested) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.bankZone());
        LocalDate date = requested == null ? today : requested;
        if (!date.equals(today)) {
            // the engine decides about now: a plan for another day would contact people on facts of the wrong day
            throw ApiProblem.badRequest("PLAN_DATE_NOT_TODAY", "businessDate",
                    "The plan contacts people now, so it runs for today's business date (" + today + "), not " + date);
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            jdbc.sql("""
                    UPDATE contact_plan_run SET status = 'FAILED', finished_at = ?, error = 'interrupted: the instance running it stopped'
                     WHERE business_date = ? AND status = 'RUNNING' AND heartbeat_at < ?""")
                    .params(Timestamp.from(now), date, Timestamp.from(now.minus(STALE))).update();
            try {
                jdbc.sql("""
                        INSERT INTO contact_plan_run (id, business_date, status, started_by, started_at, heartbeat_at)
                        VALUES (?, ?, 'RUNNING', ?, ?, ?)""")
                        .params(id, date, CurrentUser.name(), Timestamp.from(now), Timestamp.from(now)).update();
            } catch (DuplicateKeyException e) {
                UUID running = jdbc.sql("SELECT id FROM contact_plan_run WHERE business_date = ? AND status = 'RUNNING'")
                        .param(date).query(UUID.class).optional().orElse(null);
                throw ApiProblem.conflict("PLAN_ALREADY_RUNNING", "businessDate", "A plan for " + date + " is already running (" + running + ")");
            }
            audit.record("CONTACT_PLAN_STARTED", "ContactPlanRun", id.toString(), null, Map.of("businessDate", date.toString()));
        });
        executor.execute(() -> {
            SecurityContextHolder.getContext().setAuthentication(who);
            try {
                execute(id, date);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return find(id).orElseThrow();
    }

    /** Runs a plan in the calling thread (the benchmark and tests time it); {@link #start} is the normal way. */
    public RunView runNow(LocalDate date) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO contact_plan_run (id, business_date, status, started_by, started_at, heartbeat_at) VALUES (?, ?, 'RUNNING', ?, ?, ?)")
                .params(id, date, CurrentUser.name(), Timestamp.from(now), Timestamp.from(now)).update();
        execute(id, date);
        return find(id).orElseThrow();
    }

    /** A candidate as selected, kept small: the run holds the day's candidates (not the portfolio) in memory. */
    private record Candidate(UUID loanId, UUID customerId, ContactPurpose purpose, Cadence.Level level, String loanNumber,
                             String currency, int daysPastDue, BigDecimal amountDue, LocalDate dueDate) {
    }

    void execute(UUID runId, LocalDate date) {
        try {
            Instant startedAt = clock.instant();
            CadenceStore.CadenceVersion version = cadences.at(startedAt);
            Cadence cadence = version.cadence();
            jdbc.sql("UPDATE contact_plan_run SET cadence_version = ? WHERE id = ?").params(version.version(), runId).update();
            // selection from the ledger as of now: a snapshot taken earlier today would miss loans booked and payments
            // posted since (the engine re-reads each selected loan at its decision anyway)
            long t0 = System.nanoTime();
            tx.execute(status -> snapshots.take(clock.instant()));
            long t1 = System.nanoTime();
            List<Candidate> candidates = select(date, cadence);
            long t2 = System.nanoTime();
            jdbc.sql("UPDATE contact_plan_run SET candidates = ?, heartbeat_at = ? WHERE id = ?")
                    .params(candidates.size(), Timestamp.from(clock.instant()), runId).update();
            Map<String, ContactChannel> planned = new HashMap<>();
            jdbc.sql("SELECT loan_id, purpose, channel FROM contact_plan_item WHERE business_date = ? AND status = 'PLANNED'").param(date)
                    .query(rs -> {
                        planned.put(rs.getString(1) + "|" + rs.getString(2), ContactChannel.valueOf(rs.getString(3)));
                    });
            PlanReport.Tally tally = new PlanReport.Tally();
            // a customer's loans in one chunk: the caps then see every contact planned for them today, calls included
            candidates.sort(java.util.Comparator.comparing(Candidate::customerId));
            for (int from = 0; from < candidates.size(); ) {
                int to = Math.min(candidates.size(), from + CHUNK);
                while (to < candidates.size() && candidates.get(to).customerId().equals(candidates.get(to - 1).customerId())) {
                    to++;
                }
                List<Candidate> chunk = candidates.subList(from, to);
                int done = to;
                from = to;
                tx.executeWithoutResult(status -> {
                    decideChunk(runId, date, cadence, chunk, planned, tally);
                    jdbc.sql("UPDATE contact_plan_run SET processed = ?, heartbeat_at = ? WHERE id = ?")
                            .params(done, Timestamp.from(clock.instant()), runId).update();
                });
            }
            PlanReport report = tally.report();
            log.info("Contact plan {} for {}: snapshot {} ms, selection of {} candidates {} ms, decisions {} ms", runId, date,
                    (t1 - t0) / 1_000_000, candidates.size(), (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            tx.executeWithoutResult(status -> {
                jdbc.sql("UPDATE contact_plan_run SET status = 'COMPLETED', finished_at = ?, report = ?::jsonb WHERE id = ?")
                        .params(Timestamp.from(clock.instant()), JSON.writeValueAsString(report), runId).update();
                audit.record("CONTACT_PLAN_COMPLETED", "ContactPlanRun", runId.toString(), null, Map.of("businessDate", date.toString(),
                        "candidates", candidates.size(), "queued", report.queued(), "dialer", report.dialer(), "blocked", report.blocked(),
                        "alreadyPlanned", report.alreadyPlanned(), "cadence", version.version()));
            });
        } catch (RuntimeException e) {
            log.error("Contact plan run {} for {} failed", runId, date, e);
            jdbc.sql("UPDATE contact_plan_run SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), String.valueOf(e.getMessage()), runId).update();
        }
    }

    private List<Candidate> select(LocalDate date, Cadence cadence) {
        List<Candidate> candidates = new ArrayList<>();
        readOnly.executeWithoutResult(status -> portfolio.forEachContactCandidate(date, Set.copyOf(cadence.reminderDaysBefore()),
                cadence.ladderDays(), c -> {
                    if (c.daysPastDue() > 0) {
                        cadence.levelAt(c.daysPastDue()).ifPresent(level -> candidates.add(new Candidate(c.loanId(), c.customerId(),
                                ContactPurpose.COLLECTION, level, c.loanNumber(), c.currency(), c.daysPastDue(), c.overdueAmount(),
                                c.oldestUnpaidDueDate())));
                    } else if (c.nextDueDate() != null) {
                        candidates.add(new Candidate(c.loanId(), c.customerId(), ContactPurpose.REPAYMENT_REMINDER, null, c.loanNumber(),
                                c.currency(), 0, c.nextDueAmount(), c.nextDueDate()));
                    }
                }));
        return candidates;
    }

    private void decideChunk(UUID runId, LocalDate date, Cadence cadence, List<Candidate> chunk, Map<String, ContactChannel> planned,
                             PlanReport.Tally tally) {
        List<BatchDecisions.Candidate> asks = new ArrayList<>(chunk.size());
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (Candidate c : chunk) {
            ContactChannel already = planned.get(c.loanId() + "|" + c.purpose());
            if (already != null) {
                tally.count(c.purpose(), already, PlanReport.Result.ALREADY_PLANNED, List.of());
                continue;
            }
            String key = key(date, c.loanId(), c.purpose());
            List<ContactChannel> channels = Cadence.leastIntrusiveFirst(c.level() == null ? cadence.reminderChannels() : c.level().channels());
            Set<ContactChannel> reserveOn = java.util.EnumSet.copyOf(channels);
            reserveOn.remove(ContactChannel.VOICE); // a call is booked when it is dialled (see DialerTasks)
            asks.add(new BatchDecisions.Candidate(c.customerId(), c.loanId(), c.purpose(), channels, reserveOn, key));
            byKey.put(key, c);
        }
        List<Object[]> items = new ArrayList<>(asks.size());
        Instant now = clock.instant();
        for (BatchDecisions.Result r : decisions.decide(asks)) {
            Candidate c = byKey.get(r.candidate().idempotencyKey());
            DecisionView d = r.decision();
            if (r.earlier()) {
                tally.count(c.purpose(), d.channel(), PlanReport.Result.ALREADY_PLANNED, List.of());
                continue;
            }
            List<String> reasons = d.reasons().stream().map(ReasonView::code).toList();
            if (d.allowed()) {
                Map<String, String> variables = variables(c, d.channel());
                if (d.channel() == ContactChannel.VOICE) {
                    template.update("""
                            INSERT INTO dialer_task (id, business_date, run_id, customer_id, loan_id, purpose, level, destination, language,
                                details, plan_decision_id, status, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'OPEN', ?) ON CONFLICT (business_date, loan_id, purpose) DO NOTHING""",
                            UUID.randomUUID(), date, runId, c.customerId(), c.loanId(), c.purpose().name(),
                            c.level() == null ? null : c.level().level(), d.destination(), r.language(),
                            JSON.writeValueAsString(variables), d.decisionId(), Timestamp.from(now));
                    tally.count(c.purpose(), d.channel(), PlanReport.Result.DIALER, List.of());
                } else {
                    outbox.enqueue(new Outbox.QueuedMessage(c.customerId(), c.loanId(), c.purpose(), d.channel(),
                            destination(r.customer(), d), r.language(), null, variables, d.decisionId(), r.candidate().idempotencyKey()));
                    tally.count(c.purpose(), d.channel(), PlanReport.Result.QUEUED, List.of());
                }
                planned.put(c.loanId() + "|" + c.purpose(), d.channel());
            } else {
                tally.count(c.purpose(), d.channel(), PlanReport.Result.BLOCKED, reasons);
            }
            items.add(new Object[] {date, c.loanId(), c.purpose().name(), c.customerId(), runId,
                    c.level() == null ? null : c.level().level(), d.allowed() ? "PLANNED" : "BLOCKED", d.channel().name(),
                    d.decisionId(), reasons.toArray(String[]::new), Timestamp.from(now)});
        }
        if (!items.isEmpty()) {
            template.batchUpdate("""
                    INSERT INTO contact_plan_item (business_date, loan_id, purpose, customer_id, run_id, level, status, channel,
                        decision_id, reasons, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (business_date, loan_id, purpose) DO UPDATE
                       SET run_id = EXCLUDED.run_id, level = EXCLUDED.level, status = EXCLUDED.status, channel = EXCLUDED.channel,
                           decision_id = EXCLUDED.decision_id, reasons = EXCLUDED.reasons, decided_at = EXCLUDED.decided_at
                     WHERE contact_plan_item.status = 'BLOCKED'""", items);
        }
    }

    static String key(LocalDate date, UUID loanId, ContactPurpose purpose) {
        return "plan:" + date + ":" + loanId + ":" + purpose;
    }

    private static Map<String, String> variables(Candidate c, ContactChannel channel) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("loanNumber", c.loanNumber());
        v.put("amountDue", c.amountDue() == null ? "0.00" : c.amountDue().toPlainString());
        v.put("currency", c.currency());
        v.put("dueDate", c.dueDate() == null ? "" : c.dueDate().toString());
        v.put("daysPastDue", Integer.toString(c.daysPastDue()));
        if (c.level() != null) {
            v.put("level", Integer.toString(c.level().level()));
            v.put("levelName", c.level().name());
        }
        return v;
    }

    /** Where the message goes: the number or address the engine allowed, else where the channel reaches the customer. */
    static String destination(CustomerView customer, DecisionView d) {
        if (d.destination() != null) {
            return d.destination();
        }
        return Destinations.of(customer, d.channel()).orElseThrow();
    }

    public Optional<RunView> find(UUID id) {
        return jdbc.sql("SELECT *, status = 'RUNNING' AND heartbeat_at < ? AS stalled FROM contact_plan_run WHERE id = ?")
                .params(Timestamp.from(clock.instant().minus(STALE)), id).query(ContactPlan::map).optional();
    }

    public List<RunView> history(int limit) {
        return jdbc.sql("SELECT *, status = 'RUNNING' AND heartbeat_at < ? AS stalled FROM contact_plan_run ORDER BY started_at DESC LIMIT ?")
                .params(Timestamp.from(clock.instant().minus(STALE)), limit).query(ContactPlan::map).list();
    }

    private static RunView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Long candidates = rs.getObject("candidates") == null ? null : rs.getLong("candidates");
        long processed = rs.getLong("processed");
        // a run whose instance died (no heartbeat for STALE) is shown as failed; the next start of its date marks it so
        boolean stalled = rs.getBoolean("stalled");
        Status status = stalled ? Status.FAILED : Status.valueOf(rs.getString("status"));
        int percent = status == Status.COMPLETED ? 100
                : candidates == null || candidates == 0 ? 0 : (int) Math.min(100, processed * 100 / candidates);
        String report = rs.getString("report");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new RunView(rs.getObject("id", UUID.class), rs.getObject("business_date", LocalDate.class), status,
                rs.getString("cadence_version"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), candidates, processed, percent,
                report == null ? null : JSON.readValue(report, PlanReport.class),
                stalled ? "interrupted: the instance running it stopped; start the run again (contacts already planned are not repeated)"
                        : rs.getString("error"));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
