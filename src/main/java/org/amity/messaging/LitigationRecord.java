package org.amity.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A genuine court case about a loan: the only thing that lets a message mention legal action. */
public record LitigationRecord(UUID id, UUID customerId, UUID loanId, String court, String caseReference, LocalDate filedOn,
                               Instant withdrawnAt, Instant recordedAt, String recordedBy) {
}
