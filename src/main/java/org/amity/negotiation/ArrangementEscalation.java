package org.amity.negotiation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.amity.complaints.ComplaintChannel;
import org.amity.complaints.ComplaintSubmitted;
import org.amity.identity.CurrentUser;
import org.amity.messaging.Notice;
import org.amity.messaging.NotificationRequested;
import org.amity.negotiation.domain.ArrangementStatus;
import org.amity.negotiation.domain.EscalationStage;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dissatisfied outcome goes to re-review by another person (not the proposer, not the approver), then to
 * third-party mediation (organisation, reference, outcome), then to the regulator as a complaint handed to the
 * complaints module ({@link ComplaintSubmitted}, channel REGULATOR_REFERRAL, source {@code arrangement:<id>}).
 */
@Service
public class ArrangementEscalation {

    public enum ReviewOutcome { UPHELD, REVISED }

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ArrangementStore store;

    ArrangementEscalation(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, ApplicationEventPublisher events,
                          ArrangementStore store) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.store = store;
    }

    @Transactional
    public ArrangementView requestReReview(UUID id, String reason) {
        ArrangementView a = store.require(id);
        store.lock(id);
        if (!ArrangementStatus.valueOf(a.status()).escalable()) {
            throw ApiProblem.conflict("NOT_ESCALABLE", "status", "An arrangement that is " + a.status() + " cannot be re-reviewed");
        }
        return move(a, EscalationStage.RE_REVIEW, "RE_REVIEW_REQUESTED", required(reason, "reason"), Map.of());
    }

    @Transactional
    public ArrangementView recordReReview(UUID id, String outcome, String note) {
        ArrangementView a = store.require(id);
        store.lock(id);
        String me = CurrentUser.name();
        if (Objects.equals(me, a.proposedBy()) || Objects.equals(me, a.approvedBy())) {
            throw ApiProblem.conflict("REVIEWER_NOT_INDEPENDENT", "reviewer",
                    "A re-review is done by someone who neither proposed nor approved the arrangement");
        }
        ReviewOutcome o = parse(ReviewOutcome.class, outcome, "outcome");
        ArrangementView after = move(a, EscalationStage.RE_REVIEWED, "RE_REVIEWED", required(note, "note"),
                Map.of("reviewer", me, "review_outcome", o.name()));
        events.publishEvent(new NotificationRequested(a.customerId(), a.loanId(), Notice.ARRANGEMENT_FOLLOW_UP, null,
                Map.of("reviewOutcome", o.name()), ArrangementService.source(id) + ":re-reviewed"));
        return after;
    }

    @Transactional
    public ArrangementView startMediation(UUID id, String organisation, String reference) {
        ArrangementView a = store.require(id);
        store.lock(id);
        return move(a, EscalationStage.MEDIATION, "MEDIATION_STARTED", required(organisation, "organisation") + " " + reference,
                Map.of("mediation_org", required(organisation, "organisation"), "mediation_ref", required(reference, "reference")));
    }

    @Transactional
    public ArrangementView recordMediation(UUID id, String outcome) {
        ArrangementView a = store.require(id);
        store.lock(id);
        return move(a, EscalationStage.MEDIATED, "MEDIATION_OUTCOME", required(outcome, "outcome"), Map.of("mediation_outcome", outcome));
    }

    @Transactional
    public ArrangementView referToRegulator(UUID id, String description) {
        ArrangementView a = store.require(id);
        store.lock(id);
        String text = required(description, "description");
        ArrangementView after = move(a, EscalationStage.REGULATOR, "REFERRED_TO_REGULATOR", text, Map.of());
        events.publishEvent(new ComplaintSubmitted(a.customerId(), a.loanId(), ComplaintChannel.REGULATOR_REFERRAL,
                "Repayment arrangement " + id + " (" + a.type() + "), after re-review (" + a.reviewOutcome() + ") and mediation by "
                        + a.mediationOrganisation() + ", reference " + a.mediationReference() + " (" + a.mediationOutcome() + "): " + text,
                clock.instant(), ArrangementService.source(id)));
        return after;
    }

    private ArrangementView move(ArrangementView a, EscalationStage to, String step, String note, Map<String, String> columns) {
        EscalationStage from = EscalationStage.valueOf(a.escalation());
        if (!from.canMoveTo(to)) {
            throw ApiProblem.conflict("ILLEGAL_ESCALATION", "escalation", "Escalation is at " + from + "; " + to + " cannot follow it")
                    .with("escalation", from.name());
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE arrangement SET escalation = ? WHERE id = ?").params(to.name(), a.id()).update();
        columns.forEach((column, value) -> jdbc.sql("UPDATE arrangement SET " + column + " = ? WHERE id = ?")
                .params(value, a.id()).update());
        store.step(a.id(), a.customerId(), step, null, null, null, note, now);
        audit.record("ARRANGEMENT_" + step, "Arrangement", a.id().toString(), Map.of("escalation", from.name()),
                Map.of("escalation", to.name(), "note", note));
        return store.find(a.id()).orElseThrow();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", field, field + " is required");
        }
        if (value.length() > 2000) {
            throw ApiProblem.badRequest("TOO_LONG", field, field + " is at most 2000 characters");
        }
        return value.trim();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, required(value, field));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_" + field.toUpperCase(), field, "'" + value + "' is not allowed")
                    .allowedValues(java.util.List.of(type.getEnumConstants()));
        }
    }

}
