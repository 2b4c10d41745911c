package org.amity.ledger.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Days past due as of a business date: the date minus the due date of the oldest instalment whose unpaid
 * remainder exceeds the tolerance. An instalment due on the business date itself is not yet overdue. The
 * overdue amount is the unpaid remainder of every instalment due before the business date.
 */
public final class DelinquencyCalculator {

    public record Status(int daysPastDue, String bucket, BigDecimal overdueAmount, LocalDate oldestUnpaidDueDate) {
    }

    /** What an instalment still owes at the moment of the calculation. */
    public record Unpaid(int number, LocalDate dueDate, BigDecimal remaining) {
    }

    private DelinquencyCalculator() {
    }

    /** The bank's business date at {@code instant}: the calendar date in the bank's zone, not in UTC. */
    public static LocalDate businessDate(Instant instant, ZoneId bankZone) {
        return LocalDate.ofInstant(instant, bankZone);
    }

    public static Status asOf(LocalDate businessDate, List<Unpaid> instalments, BigDecimal tolerance, BucketPolicy buckets) {
        BigDecimal overdue = Money.ZERO;
        LocalDate oldest = null;
        for (Unpaid i : instalments.stream().sorted(Comparator.comparing(Unpaid::dueDate)).toList()) {
            if (i.remaining().compareTo(tolerance) <= 0 || i.dueDate().isAfter(businessDate)) {
                continue;
            }
            if (oldest == null) {
                oldest = i.dueDate();
            }
            if (i.dueDate().isBefore(businessDate)) {
                overdue = overdue.add(i.remaining());
            }
        }
        int days = oldest == null ? 0 : (int) Math.max(0, ChronoUnit.DAYS.between(oldest, businessDate));
        return new Status(days, buckets.bucketFor(days), overdue, oldest);
    }
}
