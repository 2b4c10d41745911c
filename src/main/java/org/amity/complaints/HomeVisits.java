package org.amity.complaints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.amity.complaints.domain.ComplaintPolicy;
import org.amity.complaints.internal.StoredCalendars;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactDecisionService.DecisionRequest;
import org.amity.contact.ContactDecisionService.DecisionView;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.identity.Role;
import org.amity.identity.UserAccounts;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.messaging.ClaimEvidence;
import org.amity.messaging.Notice;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consented home-verification visits (上门核实): slots proposed at least the policy's notice period ahead, only at the
 * registered address, inside the allowed hours on working days, by assigned field officers (two where the policy
 * says so); the customer consents, asks for other times or refuses — a refusal offers an alternative and never
 * stops the SLA clock. The visit itself is a {@code VISIT} contact that the decision engine must allow (reserved
 * when the officer starts it). Also tells messaging whether a home visit is genuinely planned ({@link ClaimEvidence}).
 */
@Service
public class HomeVisits implements ClaimEvidence {

    public enum Answer { CONSENT, RESCHEDULE, REFUSE }

    public record Visit(UUID id, UUID complaintId, UUID customerId, UUID loanId, Instant slotStart, Instant slotEnd, String address,
                        List<String> officers, String status, String proposedBy, Instant proposedAt, Instant answeredAt,
                        String answeredBy, String alternative, UUID decisionId, String findings, String acknowledgement,
                        Instant visitedAt, String visitedBy) {

        static Visit map(ResultSet rs, int n) throws SQLException {
            return new Visit(rs.getObject("id", UUID.class), rs.getObject("complaint_id", UUID.class), rs.getObject("customer_id", UUID.class),
                    rs.getObject("loan_id", UUID.class), ComplaintView.at(rs, "slot_start"), ComplaintView.at(rs, "slot_end"),
                    rs.getString("address"), Arrays.asList(rs.getString("officers").split(",")), rs.getString("status"),
                    rs.getString("proposed_by"), ComplaintView.at(rs, "proposed_at"), ComplaintView.at(rs, "answered_at"),
                    rs.getString("answered_by"), rs.getString("alternative"), rs.getObject("decision_id", UUID.class),
                    rs.getString("findings"), rs.getString("acknowledgement"), ComplaintView.at(rs, "visited_at"),
                    rs.getString("visited_by"));
        }
    }

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final ComplaintService complaints;
    private final CustomerService customers;
    private final UserAccounts users;
    private final ContactDecisionService decisions;
    private final ComplaintPolicy policy;
    private final StoredCalendars calendars;

    HomeVisits(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, ComplaintService complaints, CustomerService customers,
               UserAccounts users, ContactDecisionService decisions, ComplaintPolicy policy, StoredCalendars calendars) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.complaints = complaints;
        this.customers = customers;
        this.users = users;
        this.decisions = decisions;
        this.policy = policy;
        this.calendars = calendars;
    }

    public List<Visit> visits(UUID complaintId) {
        return jdbc.sql("SELECT * FROM complaint_visit WHERE complaint_id = ? ORDER BY proposed_at, slot_start").param(complaintId)
                .query(Visit::map).list();
    }

    public Visit visit(UUID visitId) {
        Visit v = jdbc.sql("SELECT * FROM complaint_visit WHERE id = ?").param(visitId).query(Visit::map).optional()
                .orElseThrow(() -> ApiProblem.notFound("VISIT_NOT_FOUND", "No visit " + visitId));
        CurrentUser.requireAccessTo(v.customerId());
        return v;
    }

    /** Visits a field officer is assigned to that still need them, soonest first. */
    public List<Visit> assignedTo(String officer) {
        return jdbc.sql("""
                SELECT * FROM complaint_visit WHERE status IN ('CONSENTED', 'IN_PROGRESS', 'PROPOSED')
                   AND ',' || officers || ',' LIKE ? ORDER BY slot_start LIMIT 100""")
                .param("%," + officer + ",%").query(Visit::map).list();
    }

    /** The field officers who can be assigned. */
    public List<String> fieldOfficers() {
        return users.staff().stream().filter(u -> u.enabled() && u.roles().contains(Role.FIELD_OFFICER)).map(AmityUser::username).sorted().toList();
    }

    /** How many officers a visit on this case needs. */
    public int officersRequired(ComplaintView c) {
        boolean two = c.severity().compareTo(policy.visits().twoOfficersFromSeverity()) >= 0
                || policy.visits().twoOfficersJurisdictions().contains(c.jurisdiction());
        return two ? 2 : 1;
    }

    @Transactional
    public List<Visit> propose(UUID complaintId, List<Instant> slotStarts, List<String> officers) {
        ComplaintView c = complaints.lock(complaintId);
        if (!c.status().open()) {
            throw ApiProblem.conflict("CASE_CLOSED", null, "The case is closed");
        }
        if (slotStarts == null || slotStarts.isEmpty() || slotStarts.size() > 5) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "slots", "Propose one to five slots");
        }
        Set<String> team = new LinkedHashSet<>(officers == null ? List.of() : officers.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        List<String> known = fieldOfficers();
        for (String officer : team) {
            if (!known.contains(officer)) {
                throw ApiProblem.badRequest("NOT_A_FIELD_OFFICER", "officers", officer + " is not an active field officer").allowedValues(known);
            }
        }
        int required = officersRequired(c);
        if (team.size() < required) {
            throw ApiProblem.badRequest("OFFICERS_REQUIRED", "officers", "This visit needs " + required + " field officer(s) (policy: "
                    + "two from severity " + policy.visits().twoOfficersFromSeverity() + " or in " + policy.visits().twoOfficersJurisdictions() + ")");
        }
        CustomerView customer = customers.find(c.customerId()).orElseThrow();
        ZoneId zone = ZoneId.of(customer.address().timeZone());
        Instant now = clock.instant();
        Duration notice = Duration.ofHours(policy.visits().noticeHours());
        Duration length = Duration.ofMinutes(policy.visits().slotMinutes());
        String address = address(customer);
        ComplaintPolicy.Jurisdiction j = policy.jurisdictions().get(c.jurisdiction());
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < slotStarts.size(); i++) {
            Instant start = slotStarts.get(i);
            String field = "slots[" + i + "]";
            if (start == null) {
                throw ApiProblem.badRequest("FIELD_REQUIRED", field, "slot start is required");
            }
            if (start.isBefore(now.plus(notice))) {
                throw ApiProblem.badRequest("NOTICE_TOO_SHORT", field, "A visit is announced at least " + policy.visits().noticeHours()
                        + " hours ahead: the earliest slot is " + now.plus(notice));
            }
            ZonedDateTime local = start.atZone(zone);
            LocalTime from = local.toLocalTime();
            LocalTime to = start.plus(length).atZone(zone).toLocalTime();
            if (from.isBefore(policy.visits().from()) || to.isAfter(policy.visits().to()) || to.isBefore(from)) {
                throw ApiProblem.badRequest("OUTSIDE_VISIT_HOURS", field, "Visits are between " + policy.visits().from() + " and "
                        + policy.visits().to() + " at the customer's address (" + zone + "); " + local.toLocalTime() + " is not");
            }
            if (policy.visits().workingDaysOnly() && !calendars.isWorkingDay(j.calendar(), local.toLocalDate())) {
                throw ApiProblem.badRequest("NOT_A_WORKING_DAY", field, local.toLocalDate() + " is not a working day in " + j.calendar());
            }
            // the engine must allow a VISIT at that time (hours, holds, cease requests, ...): a what-if, nothing reserved
            DecisionView whatIf = decisions.decide(new DecisionRequest(c.customerId(), c.loanId(), ContactPurpose.COMPLAINT_FOLLOW_UP,
                    ContactChannel.VISIT, null, false, null, start), null);
            if (!whatIf.allowed()) {
                throw ApiProblem.conflict("VISIT_NOT_ALLOWED", field, "The contact engine does not allow a visit then: "
                        + whatIf.reasons().stream().map(ContactDecisionService.ReasonView::message).collect(Collectors.joining("; ")));
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO complaint_visit (id, complaint_id, customer_id, loan_id, slot_start, slot_end, address, officers, status,
                        proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?)""")
                    .params(id, complaintId, c.customerId(), c.loanId(), Timestamp.from(start), Timestamp.from(start.plus(length)), address,
                            String.join(",", team), CurrentUser.name(), Timestamp.from(now)).update();
            ids.add(id);
        }
        // earlier open proposals are replaced by this one
        jdbc.sql("UPDATE complaint_visit SET status = 'SUPERSEDED' WHERE complaint_id = ? AND status IN ('PROPOSED', 'RESCHEDULE_REQUESTED') AND NOT (id = ANY (?))")
                .params(complaintId, ids.toArray(UUID[]::new)).update();
        String slots = slotStarts.stream().map(s -> s.atZone(zone).toLocalDateTime().toString().replace('T', ' ')).collect(Collectors.joining(", "));
        complaints.timeline(c, "VISIT_PROPOSED", slots + " (" + zone + ") at the registered address, officers " + team);
        audit.record("COMPLAINT_VISIT_PROPOSED", "Complaint", complaintId.toString(), null,
                Map.of("slots", slots, "officers", String.join(",", team), "visits", ids.toString()));
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("slots", slots);
        vars.put("address", address);
        complaints.notice(c, Notice.COMPLAINT_VISIT_PROPOSED, "visit:" + ids.get(0), vars);
        return visits(complaintId);
    }

    /** The customer's answer (portal, or an agent on their behalf) to the proposed slots. */
    @Transactional
    public List<Visit> answer(UUID complaintId, UUID visitId, Answer answer, String alternative, String note) {
        if (answer == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "answer", "answer is required").allowedValues(List.of(Answer.values()));
        }
        ComplaintView c = complaints.lock(complaintId);
        List<Visit> open = visits(complaintId).stream().filter(v -> v.status().equals("PROPOSED")).toList();
        if (open.isEmpty()) {
            throw ApiProblem.conflict("NO_PROPOSED_VISIT", null, "There is no proposed visit to answer");
        }
        Instant now = clock.instant();
        String by = CurrentUser.name();
        String text = note == null ? "" : note.strip();
        switch (answer) {
            case CONSENT -> {
                Visit chosen = open.stream().filter(v -> v.id().equals(visitId)).findFirst()
                        .orElseThrow(() -> ApiProblem.badRequest("UNKNOWN_SLOT", "visitId", "Choose one of the proposed slots"));
                jdbc.sql("UPDATE complaint_visit SET status = CASE WHEN id = ? THEN 'CONSENTED' ELSE 'NOT_CHOSEN' END, answered_at = ?, answered_by = ? WHERE complaint_id = ? AND status = 'PROPOSED'")
                        .params(chosen.id(), Timestamp.from(now), by, complaintId).update();
                complaints.timeline(c, "VISIT_CONSENTED", chosen.slotStart() + " by " + by);
            }
            case RESCHEDULE -> {
                jdbc.sql("UPDATE complaint_visit SET status = 'RESCHEDULE_REQUESTED', answered_at = ?, answered_by = ?, findings = ? WHERE complaint_id = ? AND status = 'PROPOSED'")
                        .params(Timestamp.from(now), by, text, complaintId).update();
                complaints.timeline(c, "VISIT_RESCHEDULE_REQUESTED", text);
            }
            case REFUSE -> {
                String alt = alternative == null ? "" : alternative.strip().toUpperCase(java.util.Locale.ROOT);
                if (!policy.visits().alternatives().contains(alt)) {
                    throw ApiProblem.badRequest("ALTERNATIVE_REQUIRED", "alternative", "Choose how we should verify instead")
                            .allowedValues(policy.visits().alternatives());
                }
                jdbc.sql("UPDATE complaint_visit SET status = 'REFUSED', answered_at = ?, answered_by = ?, alternative = ? WHERE complaint_id = ? AND status = 'PROPOSED'")
                        .params(Timestamp.from(now), by, alt, complaintId).update();
                complaints.timeline(c, "VISIT_REFUSED", "alternative " + alt + "; the deadline " + c.resolveBy() + " is unchanged");
            }
        }
        audit.record("COMPLAINT_VISIT_ANSWERED", "Complaint", complaintId.toString(), null,
                Map.of("answer", answer, "alternative", alternative == null ? "" : alternative, "by", by));
        return visits(complaintId);
    }

    /**
     * The assigned officer starts the consented visit: a VISIT contact decision with {@code reserve}, so the engine
     * books it — or refuses it with its reasons, and the visit does not happen.
     */
    @Transactional
    public Visit start(UUID visitId) {
        Visit v = requireOfficer(visit(visitId));
        if (!v.status().equals("CONSENTED")) {
            throw ApiProblem.conflict("VISIT_NOT_CONSENTED", null, "Only a consented visit can start (status " + v.status() + ")");
        }
        Instant now = clock.instant();
        if (now.isBefore(v.slotStart().minus(Duration.ofMinutes(30))) || now.isAfter(v.slotEnd())) {
            throw ApiProblem.conflict("OUTSIDE_CONSENTED_SLOT", null, "The customer consented to " + v.slotStart() + " – " + v.slotEnd());
        }
        DecisionView d = decisions.decide(new DecisionRequest(v.customerId(), v.loanId(), ContactPurpose.COMPLAINT_FOLLOW_UP,
                ContactChannel.VISIT, null, true, "complaint-visit:" + v.id(), null), null);
        if (!d.allowed()) {
            throw ApiProblem.conflict("VISIT_NOT_ALLOWED", null, "The contact engine refuses the visit now: "
                    + d.reasons().stream().map(ContactDecisionService.ReasonView::message).collect(Collectors.joining("; ")));
        }
        jdbc.sql("UPDATE complaint_visit SET status = 'IN_PROGRESS', decision_id = ? WHERE id = ?").params(d.decisionId(), visitId).update();
        ComplaintView c = complaints.find(v.complaintId()).orElseThrow();
        complaints.timeline(c, "VISIT_STARTED", "contact decision " + d.decisionId() + " (VISIT, reserved)");
        audit.record("COMPLAINT_VISIT_STARTED", "Complaint", c.id().toString(), Map.of("status", v.status()),
                Map.of("status", "IN_PROGRESS", "decision", d.decisionId()));
        return visit(visitId);
    }

    /** Findings and the customer's acknowledgement, recorded by the officer on the phone page; photos via the evidence upload. */
    @Transactional
    public Visit record(UUID visitId, String findings, String acknowledgement, boolean customerMet) {
        Visit v = requireOfficer(visit(visitId));
        if (!v.status().equals("IN_PROGRESS")) {
            throw ApiProblem.conflict("VISIT_NOT_STARTED", null, "Start the visit first (status " + v.status() + ")");
        }
        String text = ComplaintService.required(findings, "findings", 4000);
        String ack = acknowledgement == null ? "" : acknowledgement.strip();
        Instant now = clock.instant();
        jdbc.sql("UPDATE complaint_visit SET status = 'DONE', findings = ?, acknowledgement = ?, visited_at = ?, visited_by = ? WHERE id = ?")
                .params(text, ack, Timestamp.from(now), CurrentUser.name(), visitId).update();
        decisions.recordOutcome(v.decisionId(), new ContactDecisionService.OutcomeRequest(
                customerMet ? ContactOutcome.RIGHT_PARTY_CONVERSATION : ContactOutcome.NO_ANSWER, now));
        ComplaintView c = complaints.find(v.complaintId()).orElseThrow();
        complaints.timeline(c, "VISIT_RECORDED", text + (ack.isEmpty() ? "" : " — customer: " + ack));
        audit.record("COMPLAINT_VISIT_RECORDED", "Complaint", c.id().toString(), Map.of("status", "IN_PROGRESS"),
                Map.of("status", "DONE", "customerMet", customerMet));
        return visit(visitId);
    }

    private static Visit requireOfficer(Visit v) {
        if (!v.officers().contains(CurrentUser.name())) {
            throw ApiProblem.forbidden("NOT_ASSIGNED", "Only an officer assigned to this visit can do this");
        }
        return v;
    }

    static String address(CustomerView c) {
        CustomerView.Address a = c.address();
        return String.join(" ", java.util.stream.Stream.of(a.country(), a.region(), a.city(), a.line())
                .filter(s -> s != null && !s.isBlank()).toList());
    }

    @Override
    public boolean supports(UUID loanId, Claim claim, Instant at) {
        if (claim != Claim.HOME_VISIT || loanId == null || at == null) {
            return false;
        }
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM complaint_visit WHERE loan_id = ? AND status IN ('PROPOSED', 'CONSENTED', 'IN_PROGRESS')
                   AND slot_start BETWEEN ? AND ?)""")
                .params(loanId, Timestamp.from(at.minus(Duration.ofDays(1))), Timestamp.from(at.plus(Duration.ofDays(policy.visits().claimWindowDays()))))
                .query(Boolean.class).single();
    }
}
