package org.amity.ledger;

import java.time.Instant;

/**
 * An answer the ledger read at {@code from} and keeps for reuse: it is true for every instant from {@code from} until
 * (not including) {@code until} while the customer's ledger version is still {@code version}. The version
 * ({@code ledger_customer_version}) is moved by triggers on every ledger table such answers read, in the writer's own
 * transaction, so a write on any application instance is seen by the very next check ({@link LedgerVersions}).
 * {@code until} is the first instant at which the answer changes by itself (the business date turning, a payment
 * received later taking effect).
 */
record KeptAnswer<T>(T answer, long version, Instant from, Instant until) {

    boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }

    /** The earlier of the start of the next business date and {@code changesAt} (null when nothing changes later). */
    static Instant until(java.time.LocalDate businessDate, java.time.ZoneId bankZone, Instant changesAt) {
        Instant nextDay = businessDate.plusDays(1).atStartOfDay(bankZone).toInstant();
        return changesAt != null && changesAt.isBefore(nextDay) ? changesAt : nextDay;
    }
}
