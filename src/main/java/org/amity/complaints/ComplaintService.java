package org.amity.complaints;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amity.complaints.domain.ComplaintLifecycle;
import org.amity.complaints.domain.ComplaintLifecycle.Action;
import org.amity.complaints.domain.ComplaintPolicy;
import org.amity.complaints.domain.SlaClock;
import org.amity.complaints.internal.StoredCalendars;
import org.amity.contact.ContactHoldReleased;
import org.amity.contact.ContactHoldRequested;
import org.amity.contact.HoldType;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.messaging.Notice;
import org.amity.messaging.NotificationRequested;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint cases: intake with triage, validity review and legal deadlines; acknowledgement, category
 * corrections, extensions, routing, notes; resolution with four eyes, the customer's answer, re-review, mediation
 * and the regulator; the survey. Every step runs in one transaction with its timeline entry, audit record, events
 * (holds, notices, {@link ComplaintOpened}, {@link ComplaintResolved}, {@link ComplaintEscalated}).
 */
@Service
public class ComplaintService {

    public static final int MAX_DESCRIPTION = 10_000;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CustomerService customers;
    private final LoanService loans;
    private final ComplaintTriage triage;
    private final ComplaintPolicy policy;
    private final SlaClock sla;

    ComplaintService(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, ApplicationEventPublisher events,
                     CustomerService customers, LoanService loans, ComplaintTriage triage, ComplaintPolicy policy,
                     StoredCalendars calendars) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.customers = customers;
        this.loans = loans;
        this.triage = triage;
        this.policy = policy;
        this.sla = new SlaClock(calendars);
    }

    public record NewComplaint(UUID customerId, UUID loanId, ComplaintChannel channel, String description, Instant receivedAt,
                               Instant incidentAt) {
    }

    // ---------------------------------------------------------------- intake

    @Transactional
    public ComplaintView open(NewComplaint r, String source) {
        if (source != null) {
            Optional<ComplaintView> earlier = jdbc.sql("SELECT * FROM complaint_case WHERE source = ?").param(source)
                    .query(ComplaintView::map).optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (r == null || r.customerId() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "customerId", "customerId is required");
        }
        if (r.channel() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "channel", "channel is required").allowedValues(List.of(ComplaintChannel.values()));
        }
        String description = r.description() == null ? "" : r.description().strip();
        if (description.isEmpty()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "description", "Please describe the complaint");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", "description", "A description is at most " + MAX_DESCRIPTION + " characters");
        }
        Instant now = clock.instant();
        Instant received = (r.receivedAt() == null ? now : r.receivedAt()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (received.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw ApiProblem.badRequest("RECEIVED_IN_FUTURE", "receivedAt", "receivedAt cannot be in the future");
        }
        CustomerView customer = customers.find(r.customerId())
                .orElseThrow(() -> ApiProblem.badRequest("CUSTOMER_NOT_FOUND", "customerId", "No customer with id " + r.customerId()));
        List<String> notes = new ArrayList<>();
        notes.add("customer " + customer.externalId() + " exists");
        if (r.loanId() != null) {
            LoanView loan = loans.find(r.loanId())
                    .orElseThrow(() -> ApiProblem.badRequest("LOAN_NOT_FOUND", "loanId", "No loan with id " + r.loanId()));
            if (!loan.customerId().equals(customer.id())) {
                throw ApiProblem.badRequest("LOAN_OF_ANOTHER_CUSTOMER", "loanId", "Loan " + loan.externalId() + " is not this customer's loan");
            }
            notes.add("loan " + loan.externalId() + " belongs to the customer");
        } else {
            notes.add("no loan named");
        }
        ComplaintTriage.Result t = triage.triage(description, r.channel());
        boolean valid = true;
        if (description.codePointCount(0, description.length()) < 6) {
            valid = false;
            notes.add("description very short: ask the customer for details");
        }
        if (received.isBefore(now.minus(Duration.ofDays(3 * 365)))) {
            valid = false;
            notes.add("received more than three years ago");
        }
        Optional<String> duplicate = jdbc.sql("""
                SELECT reference FROM complaint_case WHERE customer_id = ? AND category = ? AND status <> 'CLOSED'
                   AND received_at > ? ORDER BY received_at DESC LIMIT 1""")
                .params(customer.id(), t.category().name(), Timestamp.from(received.minus(Duration.ofDays(30))))
                .query(String.class).optional();
        if (duplicate.isPresent()) {
            valid = false;
            notes.add("possible duplicate of open case " + duplicate.get());
        }
        if (t.needsConfirmation()) {
            notes.add("category uncertain (" + Math.round(t.confidence() * 100) + "%): an agent should confirm it");
        }
        ComplaintPolicy.Jurisdiction j = policy.jurisdictionFor(customer.address().country());
        SlaClock.Deadlines d = sla.deadlines(j, received);
        UUID id = UUID.randomUUID();
        long seq = jdbc.sql("SELECT nextval('complaint_reference_seq')").query(Long.class).single();
        String reference = "CMP-" + received.atOffset(ZoneOffset.UTC).getYear() + "-" + String.format("%06d", seq);
        boolean contactRelated = triage.contactRelated(t.category());
        jdbc.sql("""
                INSERT INTO complaint_case (id, reference, customer_id, loan_id, channel, description, received_at, incident_at,
                    jurisdiction, category, triage_confidence, severity, complexity, severity_reasons, status, acknowledge_by,
                    summary_by, resolve_by, validity, validity_notes, contact_related, source, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, reference, customer.id(), r.loanId(), r.channel().name(), description, Timestamp.from(received),
                        ts(r.incidentAt()), j.id(), t.category().name(),
                        BigDecimal.valueOf(t.confidence()).setScale(4, RoundingMode.HALF_EVEN), t.severity().name(),
                        t.complexity().name(), String.join("; ", t.reasons()), ts(d.acknowledgeBy()), ts(d.summaryBy()),
                        ts(d.resolveBy()), valid ? "VALID" : "NEEDS_REVIEW", String.join("; ", notes), contactRelated, source,
                        Timestamp.from(now), CurrentUser.name())
                .update();
        ComplaintView c = find(id).orElseThrow();
        timeline(c, "RECEIVED", "via " + r.channel() + (source == null ? "" : " from " + source));
        timeline(c, "TRIAGED", t.category() + " (" + Math.round(t.confidence() * 100) + "%), " + t.severity() + ", "
                + t.complexity() + ": " + String.join("; ", t.reasons()));
        timeline(c, "VALIDITY_REVIEWED", c.validity() + ": " + c.validityNotes());
        timeline(c, "DEADLINES", "acknowledge by " + d.acknowledgeBy() + (d.summaryBy() == null ? "" : ", summary by " + d.summaryBy())
                + ", resolve by " + d.resolveBy() + " (" + j.resolve().source() + ")");
        if (contactRelated) {
            placeHold(c);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reference", reference);
        after.put("customerId", customer.id());
        after.put("loanId", r.loanId());
        after.put("channel", r.channel());
        after.put("category", t.category());
        after.put("severity", t.severity());
        after.put("complexity", t.complexity());
        after.put("resolveBy", d.resolveBy());
        audit.record("COMPLAINT_OPENED", "Complaint", id.toString(), null, after);
        events.publishEvent(new ComplaintOpened(id, reference, customer.id(), r.loanId(), t.category(), t.severity(), received,
                d.resolveBy()));
        notice(c, Notice.COMPLAINT_ACKNOWLEDGED, "ack", Map.of("resolveBy", d.resolveBy().toString()));
        return find(id).orElseThrow();
    }

    /** Another module hands a complaint over: one case per source, in the publisher's transaction. */
    @EventListener
    void on(ComplaintSubmitted submitted) {
        open(new NewComplaint(submitted.customerId(), submitted.loanId(), submitted.channel(), submitted.description(),
                submitted.receivedAt(), null), submitted.source());
    }

    // ---------------------------------------------------------------- reading

    public Optional<ComplaintView> find(UUID id) {
        return jdbc.sql("SELECT * FROM complaint_case WHERE id = ?").param(id).query(ComplaintView::map).optional();
    }

    public Optional<ComplaintView> findByReference(String reference) {
        return jdbc.sql("SELECT * FROM complaint_case WHERE reference = ?").param(reference).query(ComplaintView::map).optional();
    }

    /** The case, if the caller may see it (a customer only their own; 404 otherwise, so ids cannot be probed). */
    public ComplaintView get(UUID id) {
        ComplaintView c = find(id).orElseThrow(() -> ApiProblem.notFound("COMPLAINT_NOT_FOUND", "No complaint " + id));
        CurrentUser.requireAccessTo(c.customerId());
        return c;
    }

    public List<ComplaintView> ofCustomer(UUID customerId) {
        return jdbc.sql("SELECT * FROM complaint_case WHERE customer_id = ? ORDER BY received_at DESC")
                .param(customerId).query(ComplaintView::map).list();
    }

    public List<ComplaintView.TimelineEntry> timeline(UUID id) {
        return jdbc.sql("SELECT at, actor, type, detail FROM complaint_event WHERE complaint_id = ? ORDER BY at, id")
                .param(id).query((rs, n) -> new ComplaintView.TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    public List<ComplaintView.Task> tasks(UUID id) {
        return jdbc.sql("SELECT * FROM complaint_task WHERE complaint_id = ? ORDER BY created_at").param(id)
                .query((rs, n) -> new ComplaintView.Task(rs.getObject("id", UUID.class), rs.getString("department"),
                        rs.getString("instruction"), rs.getString("status"), ComplaintView.at(rs, "created_at"),
                        rs.getString("created_by"), ComplaintView.at(rs, "done_at"), rs.getString("done_by"))).list();
    }

    public List<ComplaintView.Note> notes(UUID id) {
        return jdbc.sql("SELECT * FROM complaint_note WHERE complaint_id = ? ORDER BY at").param(id)
                .query((rs, n) -> new ComplaintView.Note(rs.getObject("id", UUID.class), rs.getString("department"),
                        rs.getString("body"), ComplaintView.at(rs, "at"), rs.getString("author"))).list();
    }

    public List<ComplaintView.Resolution> resolutions(UUID id) {
        return jdbc.sql("SELECT * FROM complaint_resolution WHERE complaint_id = ? ORDER BY proposed_at").param(id)
                .query((rs, n) -> new ComplaintView.Resolution(rs.getObject("id", UUID.class), rs.getString("summary"),
                        rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("status"), rs.getString("proposed_by"),
                        ComplaintView.at(rs, "proposed_at"), rs.getString("approved_by"), ComplaintView.at(rs, "approved_at"),
                        ComplaintView.at(rs, "answered_at"), rs.getString("answered_by"), rs.getString("answer_reason"))).list();
    }

    public Optional<ComplaintView.Resolution> currentResolution(UUID id) {
        List<ComplaintView.Resolution> all = resolutions(id);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public SlaClock.Standing standing(ComplaintView c) {
        return SlaClock.standing(c.receivedAt(), c.resolveBy(), clock.instant(), c.resolvedAt(), policy.warnings());
    }

    public ComplaintPolicy policy() {
        return policy;
    }

    // ---------------------------------------------------------------- handling

    @Transactional
    public ComplaintView acknowledge(UUID id) {
        ComplaintView c = lock(id);
        move(c, Action.ACKNOWLEDGE, false);
        jdbc.sql("UPDATE complaint_case SET acknowledged_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), id).update();
        timeline(c, "ACKNOWLEDGED", "");
        audit.record("COMPLAINT_ACKNOWLEDGED", "Complaint", id.toString(), Map.of("status", c.status()), Map.of("status", ComplaintStatus.IN_REVIEW));
        return find(id).orElseThrow();
    }

    /** An agent corrects the category: audited, severity re-derived, and kept as a training example. */
    @Transactional
    public ComplaintView correctCategory(UUID id, ComplaintCategory category, String reason) {
        if (category == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "category", "category is required").allowedValues(List.of(ComplaintCategory.values()));
        }
        ComplaintView c = lock(id);
        if (category == c.category()) {
            return c;
        }
        ComplaintTriage.Result t = triage.assess(c.description(), category, 1.0, c.channel(), Map.of());
        boolean contactRelated = triage.contactRelated(category);
        jdbc.sql("""
                UPDATE complaint_case SET category = ?, triage_confidence = 1, severity = ?, complexity = ?, severity_reasons = ?,
                    contact_related = ?, version = version + 1 WHERE id = ?""")
                .params(category.name(), t.severity().name(), t.complexity().name(), String.join("; ", t.reasons()), contactRelated, id)
                .update();
        jdbc.sql("""
                INSERT INTO complaint_triage_correction (id, complaint_id, customer_id, text, from_category, to_category, corrected_by, corrected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), id, c.customerId(), c.description(), c.category().name(), category.name(),
                        CurrentUser.name(), Timestamp.from(clock.instant())).update();
        timeline(c, "CATEGORY_CORRECTED", c.category() + " → " + category + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
        audit.record("COMPLAINT_CATEGORY_CORRECTED", "Complaint", id.toString(),
                Map.of("category", c.category(), "severity", c.severity()), Map.of("category", category, "severity", t.severity(),
                        "reason", reason == null ? "" : reason.strip()));
        ComplaintView updated = find(id).orElseThrow();
        if (contactRelated && !c.holdPlaced() && c.status().open()) {
            placeHold(updated);
        }
        return find(id).orElseThrow();
    }

    /** A supervisor extends the deadline once, where the jurisdiction allows it, with the reason recorded and told to the customer. */
    @Transactional
    public ComplaintView extend(UUID id, String reason) {
        String why = required(reason, "reason", 1000);
        ComplaintView c = lock(id);
        requireOpen(c);
        ComplaintPolicy.Jurisdiction j = policy.jurisdictions().get(c.jurisdiction());
        if (j.extension() == null) {
            throw ApiProblem.conflict("NO_EXTENSION", null, "Deadlines in " + j.id() + " cannot be extended");
        }
        if (c.extended()) {
            throw ApiProblem.conflict("ALREADY_EXTENDED", null, "The deadline was already extended once");
        }
        Instant newDeadline = sla.extended(j, c.resolveBy());
        jdbc.sql("UPDATE complaint_case SET resolve_by = ?, extended = true, version = version + 1 WHERE id = ?")
                .params(Timestamp.from(newDeadline), id).update();
        timeline(c, "DEADLINE_EXTENDED", c.resolveBy() + " → " + newDeadline + ": " + why + " (" + j.extension().source() + ")");
        audit.record("COMPLAINT_DEADLINE_EXTENDED", "Complaint", id.toString(), Map.of("resolveBy", c.resolveBy()),
                Map.of("resolveBy", newDeadline, "reason", why));
        notice(c, Notice.COMPLAINT_UPDATE, "extended", Map.of("resolveBy", newDeadline.toString(), "reason", why));
        return find(id).orElseThrow();
    }

    @Transactional
    public ComplaintView.Task routeTask(UUID id, String department, String instruction) {
        String dept = department(department);
        String text = required(instruction, "instruction", 2000);
        ComplaintView c = lock(id);
        requireOpen(c);
        UUID taskId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO complaint_task (id, complaint_id, customer_id, department, instruction, status, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(taskId, id, c.customerId(), dept, text, Timestamp.from(clock.instant()), CurrentUser.name()).update();
        jdbc.sql("UPDATE complaint_case SET department = ? WHERE id = ?").params(dept, id).update();
        timeline(c, "ROUTED", dept + ": " + text);
        audit.record("COMPLAINT_ROUTED", "Complaint", id.toString(), Map.of("department", c.department()),
                Map.of("department", dept, "task", taskId, "instruction", text));
        return tasks(id).stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow();
    }

    @Transactional
    public ComplaintView completeTask(UUID id, UUID taskId, String note) {
        ComplaintView c = lock(id);
        int done = jdbc.sql("UPDATE complaint_task SET status = 'DONE', done_at = ?, done_by = ? WHERE id = ? AND complaint_id = ? AND status = 'OPEN'")
                .params(Timestamp.from(clock.instant()), CurrentUser.name(), taskId, id).update();
        if (done == 0) {
            throw ApiProblem.conflict("TASK_NOT_OPEN", "taskId", "No open task " + taskId + " on this case");
        }
        if (note != null && !note.isBlank()) {
            addNote(id, c.department(), note);
        }
        timeline(c, "TASK_DONE", taskId.toString());
        audit.record("COMPLAINT_TASK_DONE", "Complaint", id.toString(), Map.of("task", taskId, "status", "OPEN"), Map.of("task", taskId, "status", "DONE"));
        return find(id).orElseThrow();
    }

    /** A note every department working on the case can read. */
    @Transactional
    public ComplaintView.Note addNote(UUID id, String department, String body) {
        String dept = department(department);
        String text = required(body, "body", 4000);
        ComplaintView c = lock(id);
        UUID noteId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO complaint_note (id, complaint_id, customer_id, department, body, at, author) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(noteId, id, c.customerId(), dept, text, Timestamp.from(now), CurrentUser.name()).update();
        timeline(c, "NOTE", dept + ": " + text);
        audit.record("COMPLAINT_NOTE_ADDED", "Complaint", id.toString(), null, Map.of("department", dept, "note", noteId));
        return new ComplaintView.Note(noteId, dept, text, now, CurrentUser.name());
    }

    // ---------------------------------------------------------------- resolution and escalation

    @Transactional
    public ComplaintView proposeResolution(UUID id, String summary, BigDecimal amount) {
        String text = required(summary, "summary", 4000);
        if (amount != null && amount.signum() < 0) {
            throw ApiProblem.badRequest("NEGATIVE_AMOUNT", "amount", "amount cannot be negative");
        }
        ComplaintView c = lock(id);
        String currency = c.loanId() == null ? null : loans.find(c.loanId()).map(LoanView::currency).orElse(null);
        BigDecimal limit = policy.secondApproverAbove(currency);
        boolean fourEyes = amount != null && amount.compareTo(limit) > 0;
        ComplaintLifecycle.State next = move(c, Action.PROPOSE_RESOLUTION, fourEyes);
        jdbc.sql("UPDATE complaint_resolution SET status = 'SUPERSEDED' WHERE complaint_id = ? AND status IN ('AWAITING_APPROVAL', 'PROPOSED')")
                .param(id).update();
        UUID resolutionId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO complaint_resolution (id, complaint_id, customer_id, summary, amount, currency, status, proposed_by, proposed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(resolutionId, id, c.customerId(), text, amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN),
                        currency, fourEyes ? "AWAITING_APPROVAL" : "PROPOSED", CurrentUser.name(), Timestamp.from(clock.instant()))
                .update();
        timeline(c, "RESOLUTION_PROPOSED", text + (amount == null ? "" : " (" + amount.toPlainString() + " " + (currency == null ? "" : currency) + ")")
                + (fourEyes ? " — above " + limit.toPlainString() + ": waits for a second approver" : ""));
        audit.record("COMPLAINT_RESOLUTION_PROPOSED", "Complaint", id.toString(), Map.of("status", c.status()),
                Map.of("status", next.status(), "summary", text, "amount", amount == null ? "" : amount.toPlainString()));
        if (!fourEyes) {
            notice(c, Notice.COMPLAINT_RESOLUTION_PROPOSED, "resolution:" + resolutionId, Map.of("summary", text));
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public ComplaintView approveResolution(UUID id) {
        ComplaintView c = lock(id);
        move(c, Action.APPROVE_RESOLUTION, false);
        jdbc.sql("UPDATE complaint_resolution SET status = 'PROPOSED', approved_by = ?, approved_at = ? WHERE complaint_id = ? AND status = 'AWAITING_APPROVAL'")
                .params(CurrentUser.name(), Timestamp.from(clock.instant()), id).update();
        timeline(c, "RESOLUTION_APPROVED", "second approver");
        audit.record("COMPLAINT_RESOLUTION_APPROVED", "Complaint", id.toString(), Map.of("status", c.status()),
                Map.of("status", ComplaintStatus.RESOLUTION_PROPOSED, "proposedBy", c.lastProposer()));
        ComplaintView.Resolution approved = currentResolution(id).orElseThrow();
        notice(c, Notice.COMPLAINT_RESOLUTION_PROPOSED, "resolution:" + approved.id(), Map.of("summary", approved.summary()));
        return find(id).orElseThrow();
    }

    @Transactional
    public ComplaintView returnResolution(UUID id, String reason) {
        String why = required(reason, "reason", 1000);
        ComplaintView c = lock(id);
        ComplaintLifecycle.State next = move(c, Action.RETURN_RESOLUTION, false);
        jdbc.sql("UPDATE complaint_resolution SET status = 'RETURNED', answer_reason = ? WHERE complaint_id = ? AND status = 'AWAITING_APPROVAL'")
                .params(why, id).update();
        timeline(c, "RESOLUTION_RETURNED", why);
        audit.record("COMPLAINT_RESOLUTION_RETURNED", "Complaint", id.toString(), Map.of("status", c.status()),
                Map.of("status", next.status(), "reason", why));
        return find(id).orElseThrow();
    }

    /** The customer (in the portal, or through an agent on the phone) accepts or rejects the proposed resolution. */
    @Transactional
    public ComplaintView answerResolution(UUID id, boolean accept, String reason) {
        ComplaintView c = lock(id);
        CurrentUser.requireAccessTo(c.customerId());
        String why = reason == null ? "" : reason.strip();
        if (!accept && why.isEmpty()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "reason", "Please say why the proposal is not acceptable");
        }
        move(c, accept ? Action.CUSTOMER_ACCEPTS : Action.CUSTOMER_REJECTS, false);
        jdbc.sql("UPDATE complaint_resolution SET status = ?, answered_at = ?, answered_by = ?, answer_reason = ? WHERE complaint_id = ? AND status = 'PROPOSED'")
                .params(accept ? "ACCEPTED" : "REJECTED", Timestamp.from(clock.instant()), CurrentUser.name(), why, id).update();
        timeline(c, accept ? "RESOLUTION_ACCEPTED" : "RESOLUTION_REJECTED", why);
        audit.record(accept ? "COMPLAINT_RESOLUTION_ACCEPTED" : "COMPLAINT_RESOLUTION_REJECTED", "Complaint", id.toString(),
                Map.of("status", c.status()), Map.of("status", accept ? ComplaintStatus.CLOSED : ComplaintStatus.REJECTED, "reason", why));
        if (accept) {
            close(c, "accepted: " + currentResolution(id).map(ComplaintView.Resolution::summary).orElse(""));
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public ComplaintView startReReview(UUID id) {
        ComplaintView c = lock(id);
        move(c, Action.START_RE_REVIEW, false);
        timeline(c, "RE_REVIEW_STARTED", "reviewer " + CurrentUser.name());
        audit.record("COMPLAINT_RE_REVIEW_STARTED", "Complaint", id.toString(), Map.of("status", c.status()),
                Map.of("status", ComplaintStatus.RE_REVIEW, "previousProposer", String.valueOf(c.lastProposer())));
        events.publishEvent(new ComplaintEscalated(id, c.reference(), c.customerId(), ComplaintEscalated.Level.RE_REVIEW, null, null, clock.instant()));
        notice(c, Notice.COMPLAINT_UPDATE, "re-review:" + c.rejections(), Map.of("step", "RE_REVIEW"));
        return find(id).orElseThrow();
    }

    @Transactional
    public ComplaintView referToMediation(UUID id, String organisation, String reference) {
        String org = required(organisation, "organisation", 200);
        String ref = required(reference, "reference", 100);
        ComplaintView c = lock(id);
        move(c, Action.REFER_TO_MEDIATION, false);
        jdbc.sql("UPDATE complaint_case SET mediation_org = ?, mediation_ref = ? WHERE id = ?").params(org, ref, id).update();
        timeline(c, "MEDIATION_REFERRED", org + " " + ref);
        audit.record("COMPLAINT_REFERRED_TO_MEDIATION", "Complaint", id.toString(), Map.of("status", c.status()),
                Map.of("status", ComplaintStatus.MEDIATION, "organisation", org, "reference", ref));
        events.publishEvent(new ComplaintEscalated(id, c.reference(), c.customerId(), ComplaintEscalated.Level.MEDIATION, org, ref, clock.instant()));
        notice(c, Notice.COMPLAINT_UPDATE, "mediation", Map.of("step", "MEDIATION", "organisation", org, "reference", ref));
        return find(id).orElseThrow();
    }

    /** The mediator's outcome; a settlement closes the case, otherwise it waits for the regulator. */
    @Transactional
    public ComplaintView recordMediationOutcome(UUID id, String outcome, boolean settled) {
        String text = required(outcome, "outcome", 2000);
        ComplaintView c = lock(id);
        if (c.status() != ComplaintStatus.MEDIATION) {
            throw ApiProblem.conflict("ILLEGAL_TRANSITION", null, "The case is not in mediation");
        }
        if (settled) {
            move(c, Action.MEDIATION_SETTLED, false);
        }
        jdbc.sql("UPDATE complaint_case SET mediation_outcome = ? WHERE id = ?").params(text, id).update();
        timeline(c, "MEDIATION_OUTCOME", (settled ? "settled: " : "not settled: ") + text);
        audit.record("COMPLAINT_MEDIATION_OUTCOME", "Complaint", id.toString(), Map.of("status", c.status()),
                Map.of("outcome", text, "settled", settled));
        if (settled) {
            close(c, "mediation settled: " + text);
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public ComplaintView escalateToRegulator(UUID id, String reference, Instant deadline) {
        String ref = required(reference, "reference", 100);
        if (deadline == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "deadline", "The regulator's deadline is required");
        }
        ComplaintView c = lock(id);
        move(c, Action.ESCALATE_TO_REGULATOR, false);
        jdbc.sql("UPDATE complaint_case SET regulator_ref = ?, regulator_deadline = ? WHERE id = ?").params(ref, Timestamp.from(deadline), id).update();
        timeline(c, "REGULATOR_ESCALATED", ref + ", respond by " + deadline);
        audit.record("COMPLAINT_ESCALATED_TO_REGULATOR", "Complaint", id.toString(), Map.of("status", c.status()),
                Map.of("status", ComplaintStatus.REGULATOR, "reference", ref, "deadline", deadline));
        events.publishEvent(new ComplaintEscalated(id, c.reference(), c.customerId(), ComplaintEscalated.Level.REGULATOR, "regulator", ref, clock.instant()));
        notice(c, Notice.COMPLAINT_UPDATE, "regulator", Map.of("step", "REGULATOR", "reference", ref));
        return find(id).orElseThrow();
    }

    @Transactional
    public ComplaintView recordRegulatorOutcome(UUID id, String outcome) {
        String text = required(outcome, "outcome", 2000);
        ComplaintView c = lock(id);
        move(c, Action.REGULATOR_DECIDED, false);
        jdbc.sql("UPDATE complaint_case SET regulator_outcome = ? WHERE id = ?").params(text, id).update();
        timeline(c, "REGULATOR_OUTCOME", text);
        audit.record("COMPLAINT_REGULATOR_OUTCOME", "Complaint", id.toString(), Map.of("status", c.status()),
                Map.of("status", ComplaintStatus.CLOSED, "outcome", text));
        close(c, "regulator decided: " + text);
        return find(id).orElseThrow();
    }

    /** The customer's satisfaction survey on a closed case: once, 1 to 5 with an optional comment. */
    @Transactional
    public ComplaintView survey(UUID id, Integer rating, String comment) {
        if (rating == null || rating < 1 || rating > 5) {
            throw ApiProblem.badRequest("INVALID_RATING", "rating", "rating is a whole number from 1 to 5");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > 2000) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", "comment", "A comment is at most 2000 characters");
        }
        ComplaintView c = lock(id);
        CurrentUser.requireAccessTo(c.customerId());
        if (c.status() != ComplaintStatus.CLOSED) {
            throw ApiProblem.conflict("CASE_NOT_CLOSED", null, "The survey opens when the case is closed");
        }
        if (c.surveyRating() != null) {
            throw ApiProblem.conflict("SURVEY_ALREADY_ANSWERED", null, "The survey was already answered");
        }
        jdbc.sql("UPDATE complaint_case SET survey_rating = ?, survey_comment = ?, survey_at = ? WHERE id = ?")
                .params(rating, text, Timestamp.from(clock.instant()), id).update();
        timeline(c, "SURVEY_ANSWERED", rating + "/5" + (text.isEmpty() ? "" : ": " + text));
        audit.record("COMPLAINT_SURVEY_ANSWERED", "Complaint", id.toString(), null, Map.of("rating", rating));
        return find(id).orElseThrow();
    }

    // ---------------------------------------------------------------- helpers

    ComplaintView lock(UUID id) {
        ComplaintView c = jdbc.sql("SELECT * FROM complaint_case WHERE id = ? FOR UPDATE").param(id).query(ComplaintView::map)
                .optional().orElseThrow(() -> ApiProblem.notFound("COMPLAINT_NOT_FOUND", "No complaint " + id));
        CurrentUser.requireAccessTo(c.customerId());
        return c;
    }

    private ComplaintLifecycle.State move(ComplaintView c, Action action, boolean needsSecondApprover) {
        ComplaintLifecycle.State next;
        try {
            next = ComplaintLifecycle.apply(new ComplaintLifecycle.State(c.status(), c.lastProposer(), c.rejections()), action,
                    CurrentUser.name(), needsSecondApprover);
        } catch (ComplaintLifecycle.Refused e) {
            throw ApiProblem.conflict(e.code(), null, e.getMessage()).with("status", c.status().name());
        }
        jdbc.sql("UPDATE complaint_case SET status = ?, last_proposer = ?, rejections = ?, version = version + 1 WHERE id = ?")
                .params(next.status().name(), next.lastProposer(), next.rejections(), c.id()).update();
        return next;
    }

    private void close(ComplaintView c, String outcome) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE complaint_case SET resolved_at = ? WHERE id = ?").params(Timestamp.from(now), c.id()).update();
        timeline(c, "CLOSED", outcome);
        if (c.holdPlaced()) {
            events.publishEvent(new ContactHoldReleased(c.customerId(), holdSource(c.id()), "complaint " + c.reference() + " resolved"));
            timeline(c, "HOLD_RELEASED", HoldType.COMPLAINT_OPEN.name());
        }
        events.publishEvent(new ComplaintResolved(c.id(), c.reference(), c.customerId(), c.loanId(), outcome, now, !now.isAfter(c.resolveBy())));
        notice(c, Notice.COMPLAINT_SURVEY, "survey", Map.of());
    }

    private void placeHold(ComplaintView c) {
        if (!policy.holdOnContactRelated()) {
            return;
        }
        events.publishEvent(new ContactHoldRequested(c.customerId(), c.loanId(), HoldType.COMPLAINT_OPEN, holdSource(c.id()), null, null,
                "complaint " + c.reference() + " (" + c.category() + ")"));
        jdbc.sql("UPDATE complaint_case SET hold_placed = true WHERE id = ?").param(c.id()).update();
        timeline(c, "HOLD_PLACED", HoldType.COMPLAINT_OPEN + (c.loanId() == null ? " on every loan" : " on the loan"));
    }

    static String holdSource(UUID id) {
        return "complaint:" + id;
    }

    /** Asks messaging for a notice and keeps a record of the request on the timeline. */
    void notice(ComplaintView c, Notice notice, String keySuffix, Map<String, String> variables) {
        Map<String, String> vars = new LinkedHashMap<>(variables);
        vars.put("reference", c.reference());
        String key = "complaint:" + c.id() + ":" + keySuffix;
        events.publishEvent(new NotificationRequested(c.customerId(), c.loanId(), notice, null, vars, key));
        timeline(c, "NOTICE_REQUESTED", notice.name() + " [" + key + "]");
    }

    void timeline(ComplaintView c, String type, String detail) {
        jdbc.sql("INSERT INTO complaint_event (id, complaint_id, customer_id, at, actor, type, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), c.id(), c.customerId(), Timestamp.from(clock.instant()), CurrentUser.name(), type,
                        detail == null ? "" : detail).update();
    }

    private static void requireOpen(ComplaintView c) {
        if (!c.status().open()) {
            throw ApiProblem.conflict("CASE_CLOSED", null, "The case is closed");
        }
    }

    private String department(String department) {
        String dept = department == null ? "" : department.strip().toUpperCase(java.util.Locale.ROOT);
        if (!policy.departments().contains(dept)) {
            throw ApiProblem.badRequest("UNKNOWN_DEPARTMENT", "department", "Unknown department " + department)
                    .allowedValues(policy.departments());
        }
        return dept;
    }

    static String required(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", field, field + " is required");
        }
        if (v.length() > max) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", field, field + " is at most " + max + " characters");
        }
        return v;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
