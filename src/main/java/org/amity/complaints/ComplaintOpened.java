package org.amity.complaints;

import java.time.Instant;
import java.util.UUID;

/** A complaint case was opened (published in the opening transaction). */
public record ComplaintOpened(UUID complaintId, String reference, UUID customerId, UUID loanId, ComplaintCategory category,
                              Severity severity, Instant receivedAt, Instant resolveBy) {
}
