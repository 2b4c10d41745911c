package org.amity.complaints;

import java.time.Instant;
import java.util.UUID;

/** A case went to re-review, third-party mediation or the regulator. */
public record ComplaintEscalated(UUID complaintId, String reference, UUID customerId, Level level, String organisation,
                                 String externalReference, Instant at) {

    public enum Level { RE_REVIEW, MEDIATION, REGULATOR }
}
