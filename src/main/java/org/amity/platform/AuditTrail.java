package org.amity.platform;

import java.util.Map;

/**
 * Records every decision and change made by staff or API clients, in the same transaction as the change.
 * Implemented by the {@code audit} module (append-only, hash-chained). Callers pass personal data already
 * masked (see {@link PersonalData}).
 */
public interface AuditTrail {

    /**
     * @param action     what happened, e.g. {@code CUSTOMER_CREATED}
     * @param entityType the kind of thing changed, e.g. {@code Customer}
     * @param entityId   its id
     * @param before     state before the change (null for a creation)
     * @param after      state after the change (null for a deletion)
     */
    void record(String action, String entityType, String entityId, Map<String, ?> before, Map<String, ?> after);
}
