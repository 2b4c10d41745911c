package org.amity.negotiation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.amity.contact.ContactHoldReleased;
import org.amity.ledger.LoanService;
import org.amity.ledger.PaymentReceived;
import org.amity.ledger.domain.InstalmentBalance;
import org.amity.messaging.Notice;
import org.amity.messaging.NotificationRequested;
import org.amity.negotiation.domain.ArrangementStatus;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches active arrangements: a plan instalment paid in full (within the ledger's tolerance) is KEPT; one still
 * unpaid after its due date plus the policy's grace days is BROKEN, which breaks the arrangement: the collection
 * hold is lifted, the customer is told (and offered a new negotiation), {@link ArrangementBroken} is published.
 * All instalments kept completes the arrangement. Runs on every {@link PaymentReceived} and on a periodic check.
 */
@Service
public class ArrangementMonitor {

    private static final Logger log = LoggerFactory.getLogger(ArrangementMonitor.class);

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final LoanService loans;
    private final ArrangementStore store;
    private final TransactionTemplate tx;

    ArrangementMonitor(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, ApplicationEventPublisher events, LoanService loans,
                       ArrangementStore store, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.loans = loans;
        this.store = store;
    }

    @ApplicationModuleListener
    void on(PaymentReceived payment) {
        jdbc.sql("SELECT id FROM arrangement WHERE loan_id = ? AND status = 'ACTIVE'").param(payment.loanId())
                .query(UUID.class).list().forEach(this::check);
    }

    /** The periodic check (hourly by default; the business date decides what is past its grace days). */
    @Scheduled(fixedDelayString = "${amity.negotiation.monitor-interval:PT1H}", initialDelayString = "PT2M")
    public void scheduledCheck() {
        try {
            checkAll();
        } catch (RuntimeException e) {
            log.warn("Arrangement monitoring run failed; the next run retries", e);
        }
    }

    /** Checks the active arrangements of a loan at once (the listener runs in its own transaction). */
    @Transactional
    public void checkLoan(UUID loanId) {
        jdbc.sql("SELECT id FROM arrangement WHERE loan_id = ? AND status = 'ACTIVE'").param(loanId)
                .query(UUID.class).list().forEach(this::check);
    }

    /** Checks every active arrangement, each in its own transaction; returns how many changed status. */
    public int checkAll() {
        try {
            tx.executeWithoutResult(status -> followUpsDue());
        } catch (RuntimeException e) {
            log.warn("Follow-up notices could not be queued; the next run retries", e);
        }
        int changed = 0;
        for (UUID id : active()) {
            try {
                if (tx.execute(status -> check(id)) != ArrangementStatus.ACTIVE) {
                    changed++;
                }
            } catch (RuntimeException e) {
                log.warn("Arrangement {} could not be checked; the next run retries", id, e);
            }
        }
        return changed;
    }

    @Transactional
    public ArrangementStatus check(UUID id) {
        ArrangementStatus status = store.lock(id);
        if (status != ArrangementStatus.ACTIVE) {
            return status;
        }
        ArrangementView a = store.find(id).orElseThrow();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.bankZone());
        BigDecimal tolerance = loans.tolerance();
        Map<Integer, BigDecimal> remaining = loans.balances(a.loanId()).stream()
                .collect(Collectors.toMap(InstalmentBalance::number, InstalmentBalance::remaining));
        ArrangementView.Instalment broken = null;
        for (ArrangementView.Instalment i : a.instalments()) {
            if (!"PENDING".equals(i.status()) || i.ledgerNumber() == null) {
                continue;
            }
            BigDecimal left = remaining.getOrDefault(i.ledgerNumber(), BigDecimal.ZERO);
            if (left.compareTo(tolerance) <= 0) {
                mark(id, i.number(), "KEPT", now);
                store.step(id, a.customerId(), "INSTALMENT_KEPT", null, null, null, "instalment " + i.number(), now);
            } else if (today.isAfter(i.dueDate().plusDays(a.graceDays())) && broken == null) {
                mark(id, i.number(), "BROKEN", now);
                broken = i;
            }
        }
        if (broken != null) {
            breakArrangement(a, broken, now);
            return ArrangementStatus.BROKEN;
        }
        Integer pending = jdbc.sql("SELECT count(*) FROM arrangement_instalment WHERE arrangement_id = ? AND status <> 'KEPT'")
                .param(id).query(Integer.class).single();
        if (pending == 0) {
            store.transition(id, a.customerId(), ArrangementStatus.ACTIVE, ArrangementStatus.COMPLETED, "COMPLETED", null,
                    "every instalment kept", now);
            jdbc.sql("UPDATE arrangement SET closed_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
            events.publishEvent(new ContactHoldReleased(a.customerId(), ArrangementService.source(id), "Arrangement completed"));
            audit.record("ARRANGEMENT_COMPLETED", "Arrangement", id.toString(), Map.of("status", "ACTIVE"), Map.of("status", "COMPLETED"));
            return ArrangementStatus.COMPLETED;
        }
        return ArrangementStatus.ACTIVE;
    }

    /**
     * The bank checks back after an agreement: each open FOLLOW_UP task that has fallen due sends the customer an
     * {@code ARRANGEMENT_FOLLOW_UP} notice once (the task stays open for the agent to record the conversation).
     */
    void followUpsDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.bankZone());
        record Due(UUID taskId, UUID arrangementId, UUID customerId, UUID loanId) {
        }
        List<Due> due = jdbc.sql("""
                SELECT t.id, t.arrangement_id, t.customer_id, a.loan_id FROM arrangement_task t JOIN arrangement a ON a.id = t.arrangement_id
                 WHERE t.status = 'OPEN' AND t.kind = 'FOLLOW_UP' AND t.notified_at IS NULL AND t.due_on <= ?
                   AND a.status = 'ACTIVE' FOR UPDATE OF t SKIP LOCKED""")
                .param(today).query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class))).list();
        for (Due d : due) {
            events.publishEvent(new NotificationRequested(d.customerId(), d.loanId(), Notice.ARRANGEMENT_FOLLOW_UP, null,
                    Map.of("arrangementId", d.arrangementId().toString()),
                    ArrangementService.source(d.arrangementId()) + ":follow-up:" + d.taskId()));
            jdbc.sql("UPDATE arrangement_task SET notified_at = ? WHERE id = ?").params(java.sql.Timestamp.from(now), d.taskId()).update();
            store.step(d.arrangementId(), d.customerId(), "FOLLOW_UP_NOTICE", null, null, null, "task " + d.taskId(), now);
        }
    }

    private void breakArrangement(ArrangementView a, ArrangementView.Instalment missed, Instant now) {
        store.transition(a.id(), a.customerId(), ArrangementStatus.ACTIVE, ArrangementStatus.BROKEN, "BROKEN", null,
                "instalment " + missed.number() + " due " + missed.dueDate() + " unpaid after " + a.graceDays() + " grace days", now);
        jdbc.sql("UPDATE arrangement SET closed_at = ? WHERE id = ?").params(Timestamp.from(now), a.id()).update();
        events.publishEvent(new ContactHoldReleased(a.customerId(), ArrangementService.source(a.id()),
                "Arrangement broken: instalment " + missed.number() + " unpaid"));
        events.publishEvent(new NotificationRequested(a.customerId(), a.loanId(), Notice.ARRANGEMENT_BROKEN, null,
                Map.of("dueDate", missed.dueDate().toString(), "amount", missed.amount().toPlainString(), "currency", a.currency(),
                        "renegotiate", "/portal/hardship"),
                ArrangementService.source(a.id()) + ":broken"));
        events.publishEvent(new ArrangementBroken(a.id(), a.customerId(), a.loanId(), missed.number(), missed.dueDate(), now));
        audit.record("ARRANGEMENT_BROKEN", "Arrangement", a.id().toString(), Map.of("status", "ACTIVE"),
                Map.of("status", "BROKEN", "instalment", missed.number(), "dueDate", missed.dueDate().toString()));
    }

    private void mark(UUID id, int number, String status, Instant now) {
        jdbc.sql("UPDATE arrangement_instalment SET status = ?, decided_at = ? WHERE arrangement_id = ? AND number = ?")
                .params(status, Timestamp.from(now), id, number).update();
    }

    List<UUID> active() {
        return jdbc.sql("SELECT id FROM arrangement WHERE status = 'ACTIVE'").query(UUID.class).list();
    }
}
