package org.amity.negotiation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An arrangement with its plan instalments (kept or not), its steps and the bank's follow-up tasks. */
public record ArrangementView(UUID id, UUID customerId, UUID loanId, UUID quoteId, String optionId, String type, String status,
                              String complexity, boolean requiresApproval, int termMonths, BigDecimal monthlyPayment,
                              BigDecimal totalPayable, BigDecimal waivedAmount, BigDecimal currentTotal, String currency,
                              String policyVersion, int graceDays, String proposedBy, String proposedChannel,
                              Instant proposedAt, String approvedBy, Instant approvedAt, String decisionNote,
                              String acceptedBy, String acceptedChannel, Instant acceptedAt, Integer scheduleVersion,
                              Instant closedAt, String escalation, String reviewer, String reviewOutcome,
                              String mediationOrganisation, String mediationReference, String mediationOutcome,
                              List<Instalment> instalments, List<Step> steps, List<Task> tasks) {

    public record Instalment(int number, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal amount,
                             Integer ledgerNumber, String status, Instant decidedAt) {
    }

    public record Step(String step, String fromStatus, String toStatus, String actor, String channel, String note, Instant at) {
    }

    public record Task(UUID id, String kind, LocalDate dueOn, String status, String doneBy, Instant doneAt, String note) {
    }

    public BigDecimal differenceFromCurrent() {
        return totalPayable.subtract(currentTotal);
    }

    public long keptCount() {
        return instalments.stream().filter(i -> "KEPT".equals(i.status())).count();
    }
}
