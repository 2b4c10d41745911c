package org.amity.complaints;

import java.time.Instant;
import java.util.UUID;

/** A case was closed: the customer accepted a resolution, mediation settled it, or the regulator decided. */
public record ComplaintResolved(UUID complaintId, String reference, UUID customerId, UUID loanId, String outcome,
                                Instant resolvedAt, boolean withinDeadline) {
}
