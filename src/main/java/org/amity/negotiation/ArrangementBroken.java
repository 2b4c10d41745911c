package org.amity.negotiation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a plan instalment was not paid by the end of its grace days: the arrangement is broken. */
public record ArrangementBroken(UUID arrangementId, UUID customerId, UUID loanId, int instalmentNumber, LocalDate dueDate,
                                Instant brokenAt) {
}
