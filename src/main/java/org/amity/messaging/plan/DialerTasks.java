package org.amity.messaging.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactDecisionService.DecisionView;
import org.amity.contact.ContactDecisionService.ReasonView;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.amity.identity.CurrentUser;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.amity.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan's calls. The plan only checks that a call would be allowed (an unreserved decision); the call is booked
 * with the contact engine when an agent or the dialer claims the task, i.e. at dial time, so that the frequency caps
 * (2 calls a day, 7 in 7 days) count calls actually being made, and a payment, complaint or opt-out that arrived
 * after the plan ran stops the call. The outcome is recorded on that dial-time decision.
 */
@Service
public class DialerTasks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ContactDecisionService decisions;
    private final AuditTrail audit;

    DialerTasks(JdbcClient jdbc, BusinessClock clock, ContactDecisionService decisions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.decisions = decisions;
        this.audit = audit;
    }

    public enum Status { OPEN, CLAIMED, DONE, BLOCKED }

    /**
     * @param destination the full number for the dialer (role SYSTEM) and after a claim; masked otherwise
     * @param details     loanNumber, amountDue, currency, dueDate, daysPastDue, level, levelName
     */
    public record Task(UUID id, LocalDate businessDate, UUID customerId, UUID loanId, ContactPurpose purpose, Integer level,
                       String destination, String language, Map<String, String> details, Status status, String claimedBy,
                       Instant claimedAt, UUID decisionId, List<String> reasons, Instant nextAllowedAt, ContactOutcome outcome,
                       Instant outcomeAt) {
    }

    /** The answer to a claim: whether the call may be made now, and if so the number to dial. */
    public record Claim(Task task, boolean allowed, List<ReasonView> reasons, Instant nextAllowedAt, String destination) {
    }

    public List<Task> list(LocalDate date, Status status, boolean fullNumbers) {
        return jdbc.sql("SELECT * FROM dialer_task WHERE business_date = ? AND (CAST(? AS TEXT) IS NULL OR status = ?) ORDER BY level DESC NULLS LAST, created_at, id")
                .params(date, status == null ? null : status.name(), status == null ? null : status.name())
                .query((rs, n) -> map(rs, fullNumbers)).list();
    }

    public Task find(UUID id, boolean fullNumber) {
        return jdbc.sql("SELECT * FROM dialer_task WHERE id = ?").param(id).query((rs, n) -> map(rs, fullNumber)).optional()
                .orElseThrow(() -> ApiProblem.notFound("DIALER_TASK_NOT_FOUND", "No dialer task " + id));
    }

    /**
     * Asks the engine, with the attempt booked if allowed, whether the call may be made now. Allowed: the task is
     * the caller's. Refused by a rule that time will lift (quiet hours, today's cap): the task stays open with the
     * instant it may be tried again. Refused otherwise (paid up, hold, opt-out): the task is closed as BLOCKED.
     */
    @Transactional
    public Claim claim(UUID taskId, String agentLanguage) {
        Task task = jdbc.sql("SELECT * FROM dialer_task WHERE id = ? FOR UPDATE").param(taskId).query((rs, n) -> map(rs, true)).optional()
                .orElseThrow(() -> ApiProblem.notFound("DIALER_TASK_NOT_FOUND", "No dialer task " + taskId));
        if (task.status() == Status.CLAIMED && CurrentUser.name().equals(task.claimedBy())) {
            return new Claim(task, true, List.of(), null, task.destination());
        }
        if (task.status() != Status.OPEN) {
            throw ApiProblem.conflict("DIALER_TASK_NOT_OPEN", null, "The task is " + task.status()
                    + (task.claimedBy() == null ? "" : " (claimed by " + task.claimedBy() + ")"));
        }
        int claims = jdbc.sql("UPDATE dialer_task SET claims = claims + 1 WHERE id = ? RETURNING claims").param(taskId).query(Integer.class).single();
        DecisionView d = decisions.decide(new ContactDecisionService.DecisionRequest(task.customerId(), task.loanId(), task.purpose(),
                ContactChannel.VOICE, task.destination(), true, "dialer:" + taskId + ":" + claims, null), agentLanguage);
        Instant now = clock.instant();
        String[] reasons = d.reasons().stream().map(ReasonView::code).toArray(String[]::new);
        Status next = d.allowed() ? Status.CLAIMED : d.nextAllowedAt() != null ? Status.OPEN : Status.BLOCKED;
        jdbc.sql("""
                UPDATE dialer_task SET status = ?, claimed_by = ?, claimed_at = ?, dial_decision_id = ?, reasons = ?, next_allowed_at = ?
                 WHERE id = ?""")
                .params(next.name(), d.allowed() ? CurrentUser.name() : null, d.allowed() ? Timestamp.from(now) : null,
                        d.decisionId(), reasons, d.nextAllowedAt() == null ? null : Timestamp.from(d.nextAllowedAt()), taskId)
                .update();
        audit.record("DIALER_TASK_CLAIMED", "DialerTask", taskId.toString(), Map.of("status", task.status().name()),
                Map.of("status", next.name(), "decisionId", d.decisionId().toString(), "reasons", String.join(",", reasons)));
        Task after = find(taskId, true);
        return new Claim(after, d.allowed(), d.reasons(), d.nextAllowedAt(), d.allowed() ? after.destination() : null);
    }

    @Transactional
    public Task recordOutcome(UUID taskId, ContactDecisionService.OutcomeRequest request) {
        Task task = jdbc.sql("SELECT * FROM dialer_task WHERE id = ? FOR UPDATE").param(taskId).query((rs, n) -> map(rs, true)).optional()
                .orElseThrow(() -> ApiProblem.notFound("DIALER_TASK_NOT_FOUND", "No dialer task " + taskId));
        if (task.status() != Status.CLAIMED && task.status() != Status.DONE) {
            throw ApiProblem.conflict("DIALER_TASK_NOT_CLAIMED", null, "Claim the task before reporting how the call went (it is " + task.status() + ")");
        }
        DecisionView d = decisions.recordOutcome(task.decisionId(), request);
        jdbc.sql("UPDATE dialer_task SET status = 'DONE', outcome = ?, outcome_at = ? WHERE id = ?")
                .params(d.outcome().name(), Timestamp.from(d.outcomeAt()), taskId).update();
        audit.record("DIALER_TASK_OUTCOME", "DialerTask", taskId.toString(), Map.of("status", task.status().name()),
                Map.of("status", "DONE", "outcome", d.outcome().name()));
        return find(taskId, true);
    }

    private static Task map(java.sql.ResultSet rs, boolean fullNumber) throws java.sql.SQLException {
        String destination = rs.getString("destination");
        Timestamp claimedAt = rs.getTimestamp("claimed_at");
        Timestamp next = rs.getTimestamp("next_allowed_at");
        Timestamp outcomeAt = rs.getTimestamp("outcome_at");
        String outcome = rs.getString("outcome");
        java.sql.Array reasons = rs.getArray("reasons");
        return new Task(rs.getObject("id", UUID.class), rs.getObject("business_date", LocalDate.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("loan_id", UUID.class), ContactPurpose.valueOf(rs.getString("purpose")),
                rs.getObject("level") == null ? null : rs.getInt("level"),
                fullNumber ? destination : PersonalData.maskPhone(destination), rs.getString("language"),
                JSON.readValue(rs.getString("details"), new TypeReference<Map<String, String>>() { }),
                Status.valueOf(rs.getString("status")), rs.getString("claimed_by"), claimedAt == null ? null : claimedAt.toInstant(),
                rs.getObject("dial_decision_id", UUID.class),
                reasons == null ? List.of() : Arrays.asList((String[]) reasons.getArray()),
                next == null ? null : next.toInstant(), outcome == null ? null : ContactOutcome.valueOf(outcome),
                outcomeAt == null ? null : outcomeAt.toInstant());
    }
}
