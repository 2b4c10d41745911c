package org.amity.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The delinquency rule: "Days past due = business date of asOf in the bank zone minus the due date of the oldest
 * instalment with an unpaid remainder above the tolerance (default 0.00); an instalment due today is not overdue."
 * The overdue amount is the unpaid remainder of the instalments due before the business date.
 */
class DelinquencyCalculatorTest {

    private static final BucketPolicy BUCKETS = BucketPolicy.parse(BucketPolicy.DEFAULT);
    private static final BigDecimal NO_TOLERANCE = new BigDecimal("0.00");

    // one instalment: due date, business date, unpaid remainder, tolerance → days past due, bucket, overdue amount
    @ParameterizedTest(name = "due {0}, as of {1}, {2} unpaid, tolerance {3} → {4} days {5}")
    @CsvSource(textBlock = """
            # paid in full on the day it is due
            2026-03-10, 2026-03-10, 0.00,    0.00, 0,  CURRENT, 0.00
            # paid in full, looked at later
            2026-03-10, 2026-06-30, 0.00,    0.00, 0,  CURRENT, 0.00
            # "an instalment due today is not overdue"
            2026-03-10, 2026-03-10, 1032.80, 0.00, 0,  CURRENT, 0.00
            2026-03-10, 2026-03-11, 1032.80, 0.00, 1,  M1,      1032.80
            # a partial payment leaves the instalment overdue for the rest
            2026-03-10, 2026-03-20, 532.80,  0.00, 10, M1,      532.80
            # one cent is above the default tolerance of 0.00
            2026-03-10, 2026-03-20, 0.01,    0.00, 10, M1,      0.01
            # "above the tolerance": a remainder at or below it counts as paid
            2026-03-10, 2026-03-20, 0.05,    0.10, 0,  CURRENT, 0.00
            2026-03-10, 2026-03-20, 0.10,    0.10, 0,  CURRENT, 0.00
            2026-03-10, 2026-03-20, 0.11,    0.10, 10, M1,      0.11
            # month ends: January 31 to February 28 is 28 days, February 28 to March 31 is 31
            2026-01-31, 2026-02-28, 100.00,  0.00, 28, M1,      100.00
            2026-02-28, 2026-03-31, 100.00,  0.00, 31, M2,      100.00
            2026-01-31, 2026-03-01, 100.00,  0.00, 29, M1,      100.00
            # leap years: the same dates one day further apart, and an instalment due on February 29
            2028-01-31, 2028-03-01, 100.00,  0.00, 30, M1,      100.00
            2028-02-29, 2028-02-29, 100.00,  0.00, 0,  CURRENT, 0.00
            2028-02-29, 2028-03-01, 100.00,  0.00, 1,  M1,      100.00
            2028-02-29, 2028-03-30, 100.00,  0.00, 30, M1,      100.00
            2028-02-29, 2028-03-31, 100.00,  0.00, 31, M2,      100.00
            2028-02-29, 2029-02-28, 100.00,  0.00, 365, M7+,    100.00
            # an instalment not yet due does not count at all
            2026-04-10, 2026-03-10, 1032.80, 0.00, 0,  CURRENT, 0.00
            """)
    void countsDaysPastDueFromTheDueDateOfAnUnpaidInstalment(LocalDate due, LocalDate businessDate, BigDecimal remaining,
                                                              BigDecimal tolerance, int days, String bucket,
                                                              BigDecimal overdue) {
        DelinquencyCalculator.Status status = DelinquencyCalculator.asOf(businessDate,
                List.of(new DelinquencyCalculator.Unpaid(1, due, remaining)), tolerance, BUCKETS);

        assertThat(status.daysPastDue()).isEqualTo(days);
        assertThat(status.bucket()).isEqualTo(bucket);
        assertThat(status.overdueAmount()).isEqualTo(overdue);
    }

    @Test
    void anInstalmentDueTodayAndUnpaidIsTheOldestUnpaidButNotOverdue() {
        LocalDate today = LocalDate.of(2026, 3, 10);

        DelinquencyCalculator.Status status = DelinquencyCalculator.asOf(today,
                List.of(unpaid(1, "2026-03-10", "1032.80")), NO_TOLERANCE, BUCKETS);

        assertThat(status).isEqualTo(new DelinquencyCalculator.Status(0, "CURRENT", Money.ZERO, today));
    }

    @Test
    void anInstalmentPaidOnItsDueDateLeavesNoOldestUnpaidDate() {
        DelinquencyCalculator.Status status = DelinquencyCalculator.asOf(LocalDate.of(2026, 3, 10),
                List.of(unpaid(1, "2026-03-10", "0.00")), NO_TOLERANCE, BUCKETS);

        assertThat(status).isEqualTo(new DelinquencyCalculator.Status(0, "CURRENT", Money.ZERO, null));
    }

    @Test
    void countsFromTheOldestUnpaidInstalmentAndSumsEveryInstalmentDueBeforeTheDate() {
        List<DelinquencyCalculator.Unpaid> instalments = List.of(
                unpaid(3, "2026-03-15", "1032.80"),
                unpaid(1, "2026-01-15", "1032.80"),
                unpaid(4, "2026-04-15", "1032.80"),
                unpaid(2, "2026-02-15", "1032.80"));

        DelinquencyCalculator.Status onTheThirdDueDate = DelinquencyCalculator.asOf(LocalDate.of(2026, 3, 15), instalments,
                NO_TOLERANCE, BUCKETS);
        DelinquencyCalculator.Status theDayAfter = DelinquencyCalculator.asOf(LocalDate.of(2026, 3, 16), instalments,
                NO_TOLERANCE, BUCKETS);

        // the instalment due on March 15 is not yet overdue on March 15; the one due April 15 is not due at all
        assertThat(onTheThirdDueDate).isEqualTo(new DelinquencyCalculator.Status(59, "M2", new BigDecimal("2065.60"),
                LocalDate.of(2026, 1, 15)));
        assertThat(theDayAfter).isEqualTo(new DelinquencyCalculator.Status(60, "M2", new BigDecimal("3098.40"),
                LocalDate.of(2026, 1, 15)));
    }

    @Test
    void anOlderInstalmentWithinTheToleranceDoesNotSetTheDaysPastDue() {
        List<DelinquencyCalculator.Unpaid> instalments = List.of(
                unpaid(1, "2026-01-15", "0.03"),
                unpaid(2, "2026-02-15", "1032.80"));

        DelinquencyCalculator.Status status = DelinquencyCalculator.asOf(LocalDate.of(2026, 3, 1), instalments,
                new BigDecimal("0.05"), BUCKETS);

        assertThat(status).isEqualTo(new DelinquencyCalculator.Status(14, "M1", new BigDecimal("1032.80"),
                LocalDate.of(2026, 2, 15)));
    }

    @Test
    void aLoanWithNoInstalmentsIsCurrent() {
        DelinquencyCalculator.Status status = DelinquencyCalculator.asOf(LocalDate.of(2026, 3, 1), List.of(),
                NO_TOLERANCE, BUCKETS);

        assertThat(status).isEqualTo(new DelinquencyCalculator.Status(0, "CURRENT", Money.ZERO, null));
    }

    @Test
    void usesTheConfiguredBuckets() {
        BucketPolicy weekly = BucketPolicy.parse("CURRENT:0-0,W1:1-7,LATE:8-");

        DelinquencyCalculator.Status status = DelinquencyCalculator.asOf(LocalDate.of(2026, 3, 9),
                List.of(unpaid(1, "2026-03-01", "10.00")), NO_TOLERANCE, weekly);

        assertThat(status.daysPastDue()).isEqualTo(8);
        assertThat(status.bucket()).isEqualTo("LATE");
    }

    // "business date of asOf in the bank zone": Asia/Shanghai is UTC+8, so its day starts at 16:00 UTC
    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(textBlock = """
            2026-03-10T15:59:59Z,   Asia/Shanghai,    2026-03-10
            2026-03-10T16:00:00Z,   Asia/Shanghai,    2026-03-11
            2026-03-09T16:00:00Z,   Asia/Shanghai,    2026-03-10
            2026-03-10T23:59:59Z,   UTC,              2026-03-10
            2026-03-11T03:59:59Z,   America/New_York, 2026-03-10
            2026-03-11T04:00:00Z,   America/New_York, 2026-03-11
            """)
    void theBusinessDateIsTheCalendarDateInTheBankZone(Instant instant, ZoneId zone, LocalDate expected) {
        assertThat(DelinquencyCalculator.businessDate(instant, zone)).isEqualTo(expected);
    }

    @Test
    void anInstalmentDueOnTheTenthIsOverdueFromShanghaiMidnightNotUtcMidnight() {
        List<DelinquencyCalculator.Unpaid> instalments = List.of(unpaid(1, "2026-03-10", "1032.80"));
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");

        DelinquencyCalculator.Status lastSecondOfTheTenth = DelinquencyCalculator.asOf(
                DelinquencyCalculator.businessDate(Instant.parse("2026-03-10T15:59:59Z"), shanghai), instalments,
                NO_TOLERANCE, BUCKETS);
        DelinquencyCalculator.Status midnight = DelinquencyCalculator.asOf(
                DelinquencyCalculator.businessDate(Instant.parse("2026-03-10T16:00:00Z"), shanghai), instalments,
                NO_TOLERANCE, BUCKETS);

        assertThat(lastSecondOfTheTenth.daysPastDue()).isZero();
        assertThat(midnight.daysPastDue()).isEqualTo(1);
        assertThat(midnight.bucket()).isEqualTo("M1");
    }

    private static DelinquencyCalculator.Unpaid unpaid(int number, String due, String remaining) {
        return new DelinquencyCalculator.Unpaid(number, LocalDate.parse(due), new BigDecimal(remaining));
    }
}
