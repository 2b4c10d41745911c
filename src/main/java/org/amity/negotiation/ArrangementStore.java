package org.amity.negotiation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.negotiation.domain.ArrangementStatus;
import org.amity.platform.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads arrangements with their instalments, steps and tasks; records steps and guarded status changes. */
@Component
class ArrangementStore {

    private final JdbcClient jdbc;

    ArrangementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ArrangementView> find(UUID id) {
        return jdbc.sql("SELECT * FROM arrangement WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The arrangement, if the caller may see it (a customer only their own: anything else is a 404). */
    ArrangementView require(UUID id) {
        ArrangementView a = find(id).orElseThrow(() -> ApiProblem.notFound("ARRANGEMENT_NOT_FOUND", "No arrangement with id " + id));
        CurrentUser.requireAccessTo(a.customerId());
        return a;
    }

    /** Locks the row for a state change and returns its status. */
    ArrangementStatus lock(UUID id) {
        return jdbc.sql("SELECT status FROM arrangement WHERE id = ? FOR UPDATE").param(id).query(String.class).optional()
                .map(ArrangementStatus::valueOf)
                .orElseThrow(() -> ApiProblem.notFound("ARRANGEMENT_NOT_FOUND", "No arrangement with id " + id));
    }

    /** Moves the status through the state machine (refusing an illegal step with 409) and records the step. */
    void transition(UUID id, UUID customerId, ArrangementStatus from, ArrangementStatus to, String step, String channel,
                    String note, Instant at) {
        try {
            from.check(to);
        } catch (ArrangementStatus.IllegalTransitionException e) {
            throw ApiProblem.conflict("ILLEGAL_TRANSITION", "status", e.getMessage()).with("status", from.name());
        }
        jdbc.sql("UPDATE arrangement SET status = ?, version = version + 1 WHERE id = ? AND status = ?")
                .params(to.name(), id, from.name()).update();
        step(id, customerId, step, from.name(), to.name(), channel, note, at);
    }

    void step(UUID id, UUID customerId, String step, String from, String to, String channel, String note, Instant at) {
        jdbc.sql("""
                INSERT INTO arrangement_event (arrangement_id, customer_id, step, from_status, to_status, actor, channel, note, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, customerId, step, from, to, CurrentUser.name(), channel, note, Timestamp.from(at)).update();
    }

    List<ArrangementView> ofCustomer(UUID customerId) {
        return jdbc.sql("SELECT * FROM arrangement WHERE customer_id = ? ORDER BY proposed_at DESC").param(customerId)
                .query(this::map).list();
    }

    List<ArrangementView> withStatus(List<String> statuses, int limit) {
        return jdbc.sql("SELECT * FROM arrangement WHERE status IN (:s) ORDER BY proposed_at DESC LIMIT :limit")
                .param("s", statuses).param("limit", limit).query(this::map).list();
    }

    List<ArrangementView> escalated(int limit) {
        return jdbc.sql("SELECT * FROM arrangement WHERE escalation NOT IN ('NONE', 'REGULATOR') ORDER BY proposed_at DESC LIMIT ?")
                .param(limit).query(this::map).list();
    }

    private ArrangementView map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<ArrangementView.Instalment> instalments = jdbc.sql("SELECT * FROM arrangement_instalment WHERE arrangement_id = ? ORDER BY number")
                .param(id).query((r, k) -> new ArrangementView.Instalment(r.getInt("number"), r.getObject("due_date", LocalDate.class),
                        r.getBigDecimal("principal"), r.getBigDecimal("interest"), r.getBigDecimal("amount"),
                        (Integer) r.getObject("ledger_number"), r.getString("status"), instant(r, "decided_at"))).list();
        List<ArrangementView.Step> steps = jdbc.sql("SELECT * FROM arrangement_event WHERE arrangement_id = ? ORDER BY id")
                .param(id).query((r, k) -> new ArrangementView.Step(r.getString("step"), r.getString("from_status"),
                        r.getString("to_status"), r.getString("actor"), r.getString("channel"), r.getString("note"),
                        instant(r, "occurred_at"))).list();
        List<ArrangementView.Task> tasks = jdbc.sql("SELECT * FROM arrangement_task WHERE arrangement_id = ? ORDER BY due_on, kind")
                .param(id).query((r, k) -> new ArrangementView.Task(r.getObject("id", UUID.class), r.getString("kind"),
                        r.getObject("due_on", LocalDate.class), r.getString("status"), r.getString("done_by"),
                        instant(r, "done_at"), r.getString("note"))).list();
        return new ArrangementView(id, rs.getObject("customer_id", UUID.class), rs.getObject("loan_id", UUID.class),
                rs.getObject("quote_id", UUID.class), rs.getString("option_id"), rs.getString("type"), rs.getString("status"),
                rs.getString("complexity"), rs.getBoolean("requires_approval"), rs.getInt("term_months"),
                rs.getBigDecimal("monthly_payment"), rs.getBigDecimal("total_payable"), rs.getBigDecimal("waived_amount"),
                rs.getBigDecimal("current_total"), rs.getString("currency"), rs.getString("policy_version"),
                rs.getInt("grace_days"), rs.getString("proposed_by"), rs.getString("proposed_channel"),
                instant(rs, "proposed_at"), rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("decision_note"),
                rs.getString("accepted_by"), rs.getString("accepted_channel"), instant(rs, "accepted_at"),
                (Integer) rs.getObject("schedule_version"), instant(rs, "closed_at"), rs.getString("escalation"),
                rs.getString("reviewer"), rs.getString("review_outcome"), rs.getString("mediation_org"),
                rs.getString("mediation_ref"), rs.getString("mediation_outcome"), instalments, steps, tasks);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
