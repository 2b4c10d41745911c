package org.amity.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A loan's delinquency as of an instant, computed from the ledger at query time.
 *
 * @param businessDate        the date of {@code asOf} in the bank's zone
 * @param oldestUnpaidDueDate the due date of the oldest instalment unpaid at {@code asOf} that is already due
 *                            (today or earlier); null when nothing due is unpaid
 */
public record Delinquency(UUID loanId, UUID customerId, Instant asOf, LocalDate businessDate, int daysPastDue,
                          String bucket, BigDecimal overdueAmount, String currency, LocalDate oldestUnpaidDueDate,
                          int graceDays) {

    /** The same answer as of another instant of the same business date, for which nothing in the ledger differs. */
    public Delinquency at(Instant instant) {
        return new Delinquency(loanId, customerId, instant, businessDate, daysPastDue, bucket, overdueAmount, currency,
                oldestUnpaidDueDate, graceDays);
    }

    public boolean overdue() {
        return daysPastDue > 0;
    }

    public boolean beyondGrace() {
        return daysPastDue > graceDays;
    }
}
