package org.amity.audit;

import java.time.Instant;

/** One row of the audit trail as stored. */
public record AuditRow(long seq, Instant occurredAt, String actor, String actorRoles, String action, String entityType,
                       String entityId, String before, String after, String prevHash, String hash) {
}
