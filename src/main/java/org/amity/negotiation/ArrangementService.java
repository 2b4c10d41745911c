package org.amity.negotiation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.amity.contact.ContactHoldRequested;
import org.amity.contact.HoldType;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanView;
import org.amity.ledger.domain.ScheduledInstalment;
import org.amity.messaging.Notice;
import org.amity.messaging.NotificationRequested;
import org.amity.negotiation.domain.ArrangementPolicy;
import org.amity.negotiation.domain.ArrangementStatus;
import org.amity.negotiation.domain.OptionCalculator;
import org.amity.negotiation.domain.OptionType;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The arrangement flow: a customer chooses (or an agent proposes) one option of a stored quote → a supervisor
 * approves where the policy requires it (never the proposer: maker ≠ checker) → the customer accepts (time and
 * channel recorded) → the loan's future schedule is replaced in the ledger (the original kept), a collection hold
 * {@code ARRANGEMENT_IN_GOOD_STANDING} is placed, the customer is notified and follow-up tasks are set.
 * Every step is one transaction, recorded as a step of the arrangement and in the audit trail.
 */
@Service
public class ArrangementService {

    /** How long after its business date a quote can still be chosen: the loan moves on, so must the figures. */
    static final int QUOTE_VALID_DAYS = 7;
    /** The bank checks back this many days after an agreement. */
    static final int FOLLOW_UP_DAYS = 7;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final LoanService loans;
    private final QuoteService quotes;
    private final ArrangementPolicyStore policies;
    private final ArrangementStore store;

    ArrangementService(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, ApplicationEventPublisher events, LoanService loans,
                       QuoteService quotes, ArrangementPolicyStore policies, ArrangementStore store) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.loans = loans;
        this.quotes = quotes;
        this.policies = policies;
        this.store = store;
    }

    public record Proposal(UUID quoteId, String optionId) {
    }

    public ArrangementView get(UUID id) {
        return store.require(id);
    }

    public List<ArrangementView> ofCustomer(UUID customerId) {
        CurrentUser.requireAccessTo(customerId);
        return store.ofCustomer(customerId);
    }

    public List<ArrangementView> withStatus(List<String> statuses) {
        return store.withStatus(statuses, 200);
    }

    public List<ArrangementView> escalated() {
        return store.escalated(200);
    }

    /** A customer's choice or an agent's proposal of one option of a quote. */
    @Transactional
    public ArrangementView propose(Proposal proposal, Channel channel) {
        if (proposal == null || proposal.quoteId() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "quoteId", "quoteId is required");
        }
        if (proposal.optionId() == null || proposal.optionId().isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "optionId", "optionId is required");
        }
        QuoteService.StoredQuote quote = quotes.find(proposal.quoteId())
                .orElseThrow(() -> ApiProblem.notFound("QUOTE_NOT_FOUND", "No quote with id " + proposal.quoteId()));
        CurrentUser.requireAccessTo(quote.customerId());
        QuoteView.Option option = quote.view().option(proposal.optionId());
        if (option == null) {
            throw ApiProblem.badRequest("UNKNOWN_OPTION", "optionId", "The quote has no option " + proposal.optionId())
                    .allowedValues(quote.view().options().stream().map(QuoteView.Option::optionId).toList());
        }
        if (!option.affordable()) {
            // CONC 7.3.10R: a plan the customer cannot afford is never pushed
            throw ApiProblem.conflict("OPTION_NOT_AFFORDABLE", "optionId", "The instalment of " + option.optionId()
                    + " is above the share of disposable income the policy allows; it cannot be proposed");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.bankZone());
        if (today.isAfter(quote.businessDate().plusDays(QUOTE_VALID_DAYS))) {
            throw ApiProblem.conflict("QUOTE_EXPIRED", "quoteId", "The quote is more than " + QUOTE_VALID_DAYS + " days old; ask for a new one");
        }
        LoanView loan = loans.find(quote.loanId()).orElseThrow();
        ArrangementPolicy policy = policies.version(loan.product(), quote.policyVersion());
        OptionType type = OptionType.valueOf(option.type());
        boolean approval = OptionCalculator.requiresApproval(policy, type, option.waivedAmount(), quote.complexity());
        ArrangementStatus status = approval ? ArrangementStatus.AWAITING_APPROVAL : ArrangementStatus.AWAITING_ACCEPTANCE;
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO arrangement (id, customer_id, loan_id, quote_id, option_id, type, status, complexity, requires_approval,
                                             term_months, monthly_payment, total_payable, waived_amount, current_total, currency,
                                             policy_version, grace_days, proposed_by, proposed_channel, proposed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, quote.customerId(), quote.loanId(), quote.view().quoteId(), option.optionId(), option.type(),
                            status.name(), quote.complexity().name(), approval, option.termMonths(), option.monthlyPayment(),
                            option.totalPayable(), option.waivedAmount(), loan.outstanding(), loan.currency(), quote.policyVersion(),
                            policy.graceDays(), CurrentUser.name(), channel.name(), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("ARRANGEMENT_ALREADY_OPEN", "loanId", "The loan already has an open arrangement");
        }
        for (QuoteView.Instalment i : option.schedule()) {
            jdbc.sql("""
                    INSERT INTO arrangement_instalment (arrangement_id, number, customer_id, due_date, principal, interest, amount)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, i.number(), quote.customerId(), i.dueDate(), i.principal(), i.interest(), i.total()).update();
        }
        store.step(id, quote.customerId(), isCustomer() ? "CHOSEN" : "PROPOSED", null, status.name(), channel.name(), null, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("quoteId", quote.view().quoteId().toString());
        after.put("optionId", option.optionId());
        after.put("status", status.name());
        after.put("requiresApproval", approval);
        after.put("channel", channel.name());
        audit.record("ARRANGEMENT_PROPOSED", "Arrangement", id.toString(), null, after);
        return store.find(id).orElseThrow();
    }

    /** A supervisor's decision; the proposer can never approve their own proposal (maker ≠ checker). */
    @Transactional
    public ArrangementView decide(UUID id, boolean approve, String note) {
        ArrangementView a = store.require(id);
        ArrangementStatus from = store.lock(id);
        if (Objects.equals(a.proposedBy(), CurrentUser.name())) {
            throw ApiProblem.conflict("MAKER_CHECKER", "approvedBy", "The person who proposed an arrangement cannot also approve it");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "note", "Say why the arrangement is rejected; the customer is told");
        }
        if (from != ArrangementStatus.AWAITING_APPROVAL) {
            throw ApiProblem.conflict("ILLEGAL_TRANSITION", "status", "The arrangement is " + from + ", not awaiting approval");
        }
        Instant now = clock.instant();
        ArrangementStatus to = approve ? ArrangementStatus.AWAITING_ACCEPTANCE : ArrangementStatus.DECLINED;
        store.transition(id, a.customerId(), from, to, approve ? "APPROVED" : "REJECTED", null, note, now);
        jdbc.sql("UPDATE arrangement SET approved_by = ?, approved_at = ?, decision_note = ?, closed_at = ? WHERE id = ?")
                .params(CurrentUser.name(), Timestamp.from(now), note, approve ? null : Timestamp.from(now), id).update();
        audit.record(approve ? "ARRANGEMENT_APPROVED" : "ARRANGEMENT_REJECTED", "Arrangement", id.toString(),
                Map.of("status", from.name()), Map.of("status", to.name(), "note", note == null ? "" : note));
        return store.find(id).orElseThrow();
    }

    /**
     * The customer accepts (in the portal or app, or through an agent on the phone, who records the channel): the
     * loan's future schedule becomes the plan, a collection hold is placed while it is kept, the customer is told.
     */
    @Transactional
    public ArrangementView accept(UUID id, Channel channel) {
        ArrangementView a = store.require(id);
        ArrangementStatus from = store.lock(id);
        if (from != ArrangementStatus.AWAITING_ACCEPTANCE) {
            throw ApiProblem.conflict("ILLEGAL_TRANSITION", "status", "The arrangement is " + from + ", not awaiting acceptance")
                    .with("status", from.name());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.bankZone());
        if (a.instalments().isEmpty() || a.instalments().get(0).dueDate().isBefore(today)) {
            throw ApiProblem.conflict("QUOTE_EXPIRED", "quoteId", "The plan's first due date has passed; ask for a new quote");
        }
        List<ScheduledInstalment> plan = a.instalments().stream()
                .map(i -> new ScheduledInstalment(i.number(), i.dueDate(), i.principal(), i.interest(), BigDecimal.ZERO)).toList();
        LoanService.Rescheduled rescheduled = loans.rescheduleFuture(a.loanId(), plan, today,
                "Repayment arrangement " + id + " (" + a.type() + ")");
        for (int k = 0; k < plan.size(); k++) {
            jdbc.sql("UPDATE arrangement_instalment SET ledger_number = ? WHERE arrangement_id = ? AND number = ?")
                    .params(rescheduled.instalmentNumbers().get(k), id, plan.get(k).number()).update();
        }
        store.transition(id, a.customerId(), from, ArrangementStatus.ACTIVE, "ACCEPTED", channel.name(), null, now);
        jdbc.sql("UPDATE arrangement SET accepted_by = ?, accepted_channel = ?, accepted_at = ?, schedule_version = ? WHERE id = ?")
                .params(CurrentUser.name(), channel.name(), Timestamp.from(now), rescheduled.version(), id).update();
        LocalDate firstDue = plan.get(0).dueDate();
        task(id, a.customerId(), "FOLLOW_UP", today.plusDays(FOLLOW_UP_DAYS), now);
        task(id, a.customerId(), "FIRST_PAYMENT_CHECK", firstDue.plusDays(a.graceDays() + 1L), now);
        events.publishEvent(new ContactHoldRequested(a.customerId(), a.loanId(), HoldType.ARRANGEMENT_IN_GOOD_STANDING,
                source(id), null, null, "Repayment arrangement in good standing"));
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("arrangementType", a.type());
        vars.put("monthlyPayment", a.monthlyPayment().toPlainString());
        vars.put("currency", a.currency());
        vars.put("firstDueDate", firstDue.toString());
        vars.put("termMonths", Integer.toString(a.termMonths()));
        events.publishEvent(new NotificationRequested(a.customerId(), a.loanId(), Notice.ARRANGEMENT_AGREED, null, vars,
                source(id) + ":agreed"));
        events.publishEvent(new ArrangementAgreed(id, a.customerId(), a.loanId(), a.type(), a.termMonths(), a.monthlyPayment(),
                a.totalPayable(), a.waivedAmount(), a.currency(), firstDue, channel.name(), now));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", ArrangementStatus.ACTIVE.name());
        after.put("acceptedChannel", channel.name());
        after.put("acceptedAt", now.toString());
        after.put("scheduleVersion", rescheduled.version());
        audit.record("ARRANGEMENT_ACCEPTED", "Arrangement", id.toString(), Map.of("status", from.name()), after);
        return store.find(id).orElseThrow();
    }

    /** The customer declines, or the proposer withdraws, an arrangement not yet agreed. */
    @Transactional
    public ArrangementView close(UUID id, boolean declinedByCustomer, String note) {
        ArrangementView a = store.require(id);
        ArrangementStatus from = store.lock(id);
        ArrangementStatus to = declinedByCustomer ? ArrangementStatus.DECLINED : ArrangementStatus.CANCELLED;
        Instant now = clock.instant();
        store.transition(id, a.customerId(), from, to, declinedByCustomer ? "DECLINED_BY_CUSTOMER" : "CANCELLED", null, note, now);
        jdbc.sql("UPDATE arrangement SET closed_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
        audit.record("ARRANGEMENT_" + to.name(), "Arrangement", id.toString(), Map.of("status", from.name()),
                Map.of("status", to.name(), "note", note == null ? "" : note));
        return store.find(id).orElseThrow();
    }

    @Transactional
    public ArrangementView completeTask(UUID id, UUID taskId, String note) {
        ArrangementView a = store.require(id);
        int updated = jdbc.sql("""
                UPDATE arrangement_task SET status = 'DONE', done_by = ?, done_at = ?, note = ?
                 WHERE id = ? AND arrangement_id = ? AND status = 'OPEN'""")
                .params(CurrentUser.name(), Timestamp.from(clock.instant()), note, taskId, id).update();
        if (updated == 0) {
            throw ApiProblem.conflict("TASK_NOT_OPEN", "taskId", "No open task " + taskId + " on this arrangement");
        }
        audit.record("ARRANGEMENT_TASK_DONE", "Arrangement", id.toString(), Map.of("task", taskId.toString(), "status", "OPEN"),
                Map.of("task", taskId.toString(), "status", "DONE", "note", note == null ? "" : note));
        store.step(id, a.customerId(), "TASK_DONE", null, null, null, note, clock.instant());
        return store.find(id).orElseThrow();
    }

    private void task(UUID arrangementId, UUID customerId, String kind, LocalDate dueOn, Instant now) {
        jdbc.sql("INSERT INTO arrangement_task (id, arrangement_id, customer_id, kind, due_on, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), arrangementId, customerId, kind, dueOn, Timestamp.from(now)).update();
    }

    static String source(UUID arrangementId) {
        return "arrangement:" + arrangementId;
    }

    static boolean isCustomer() {
        return CurrentUser.get().map(AmityUser::isCustomer).orElse(false);
    }
}
