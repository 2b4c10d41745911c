package org.amity.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schedule convention (docs/schedule-convention.md): "monthly rate r = annualRate/12; EQUAL_INSTALLMENT
 * payment = P·r·(1+r)^n / ((1+r)^n − 1) rounded half-up to 0.01; each period's interest = round_half_up(opening
 * balance × r, 2), principal = payment − interest; the last instalment's principal is the remaining balance.
 * EQUAL_PRINCIPAL: principal = round_half_up(P/n, 2), last one takes the remainder; interest as above. r = 0 works.
 * Later instalments on the same day of month as the first due date, clamped to month end."
 *
 * <p>Expected values are not computed by the code under test: they come from
 * {@code src/test/resources/schedule-oracle.py}, an independent implementation of the convention in exact rational
 * arithmetic (Python {@code fractions}/{@code decimal}). Running {@code python3 src/test/resources/schedule-oracle.py}
 * prints the summary rows of {@link #agreesWithTheIndependentOracleRowForRow} and rewrites the full schedules in
 * {@code src/test/resources/schedule-oracle/*.csv}, which the same test compares row for row.
 */
class ScheduleCalculatorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # case,                  P,          rate,  n,   method,            first due,  payment, 1st principal, 1st interest, last due, last principal, last interest, total interest
            ei-12000-6pct-12m,       12000.00,   0.06,  12,  EQUAL_INSTALLMENT, 2026-01-15, 1032.80, 972.80,  60.00,   2026-12-15, 1027.64, 5.14,  393.58
            ep-12000-6pct-12m,       12000.00,   0.06,  12,  EQUAL_PRINCIPAL,   2026-01-15, 1060.00, 1000.00, 60.00,   2026-12-15, 1000.00, 5.00,  390.00
            ei-1000000-4.9pct-360m,  1000000.00, 0.049, 360, EQUAL_INSTALLMENT, 2026-01-31, 5307.27, 1223.94, 4083.33, 2055-12-31, 5283.62, 21.57, 910615.12
            ep-1000000-4.9pct-360m,  1000000.00, 0.049, 360, EQUAL_PRINCIPAL,   2026-01-31, 6861.11, 2777.78, 4083.33, 2055-12-31, 2776.98, 11.34, 737041.08
            ei-1000000-zero-360m,    1000000.00, 0,     360, EQUAL_INSTALLMENT, 2026-03-10, 2777.78, 2777.78, 0.00,    2056-02-10, 2776.98, 0.00,  0.00
            ei-10000-zero-3m,        10000.00,   0,     3,   EQUAL_INSTALLMENT, 2026-03-10, 3333.33, 3333.33, 0.00,    2026-05-10, 3333.34, 0.00,  0.00
            ep-10000-zero-3m,        10000.00,   0,     3,   EQUAL_PRINCIPAL,   2026-03-10, 3333.33, 3333.33, 0.00,    2026-05-10, 3333.34, 0.00,  0.00
            ei-5000-12pct-1m,        5000.00,    0.12,  1,   EQUAL_INSTALLMENT, 2026-12-31, 5050.00, 5000.00, 50.00,   2026-12-31, 5000.00, 50.00, 50.00
            ep-5000-12pct-1m,        5000.00,    0.12,  1,   EQUAL_PRINCIPAL,   2026-12-31, 5050.00, 5000.00, 50.00,   2026-12-31, 5000.00, 50.00, 50.00
            ei-60-4.9pct-1m,         60.00,      0.049, 1,   EQUAL_INSTALLMENT, 2026-05-20, 60.25,   60.00,   0.25,    2026-05-20, 60.00,   0.25,  0.25
            ep-120-4.35pct-3m,       120.00,     0.0435, 3,  EQUAL_PRINCIPAL,   2026-05-20, 40.44,   40.00,   0.44,    2026-07-20, 40.00,   0.15,  0.88
            ep-100000-4.35pct-24m,   100000.00,  0.0435, 24, EQUAL_PRINCIPAL,   2028-01-31, 4529.17, 4166.67, 362.50,  2029-12-31, 4166.59, 15.10, 4531.24
            ei-100000-4.35pct-24m,   100000.00,  0.0435, 24, EQUAL_INSTALLMENT, 2028-01-31, 4358.09, 3995.59, 362.50,  2029-12-31, 4342.28, 15.74, 4594.09
            """)
    void agreesWithTheIndependentOracleRowForRow(String oracleCase, BigDecimal principal, BigDecimal rate, int months,
                                                 RepaymentMethod method, LocalDate firstDue, BigDecimal firstPayment,
                                                 BigDecimal firstPrincipal, BigDecimal firstInterest, LocalDate lastDue,
                                                 BigDecimal lastPrincipal, BigDecimal lastInterest,
                                                 BigDecimal totalInterest) throws IOException {
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(principal, rate, months, method, firstDue);

        assertThat(schedule).hasSize(months);
        ScheduledInstalment first = schedule.get(0);
        ScheduledInstalment last = schedule.get(months - 1);
        assertThat(first.total()).isEqualTo(firstPayment);
        assertThat(first.principal()).isEqualTo(firstPrincipal);
        assertThat(first.interest()).isEqualTo(firstInterest);
        assertThat(last.dueDate()).isEqualTo(lastDue);
        assertThat(last.principal()).isEqualTo(lastPrincipal);
        assertThat(last.interest()).isEqualTo(lastInterest);
        assertThat(sum(schedule, ScheduledInstalment::interest)).isEqualTo(totalInterest);
        assertThat(rows(schedule)).containsExactlyElementsOf(oracleRows(oracleCase));
    }

    @Test
    void equalInstalmentOf12000At6PercentOver12MonthsPays1032Point80AMonth() {
        // the textbook case: 12000 · 0.005 · 1.005^12 / (1.005^12 − 1) = 1032.7990…
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(new BigDecimal("12000.00"), new BigDecimal("0.06"),
                12, RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.of(2026, 1, 15));

        assertThat(ScheduleCalculator.levelPayment(new BigDecimal("12000.00"), new BigDecimal("0.005"), 12))
                .isEqualTo("1032.80");
        assertThat(schedule.subList(0, 11)).allSatisfy(i -> assertThat(i.total()).isEqualTo("1032.80"));
        assertThat(schedule.get(11).total()).isEqualTo("1032.78");
    }

    @Test
    void aMillionOver360MonthsAt4Point9PercentPays5307Point27AMonth() {
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(new BigDecimal("1000000.00"), new BigDecimal("0.049"),
                360, RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.of(2026, 1, 31));

        assertThat(schedule.subList(0, 359)).allSatisfy(i -> assertThat(i.total()).isEqualTo("5307.27"));
        assertThat(schedule.get(359).total()).isEqualTo("5305.19");
    }

    @ParameterizedTest(name = "{0} {1} over {3} months")
    @CsvSource(textBlock = """
            EQUAL_INSTALLMENT, 12000.00,   0.06,   12
            EQUAL_PRINCIPAL,   12000.00,   0.06,   12
            EQUAL_INSTALLMENT, 1000000.00, 0.049,  360
            EQUAL_PRINCIPAL,   1000000.00, 0.049,  360
            EQUAL_INSTALLMENT, 1000000.00, 0,      360
            EQUAL_PRINCIPAL,   1000000.00, 0,      360
            EQUAL_INSTALLMENT, 0.01,       0.05,   12
            EQUAL_PRINCIPAL,   0.01,       0.05,   12
            EQUAL_INSTALLMENT, 999.99,     0.2399, 7
            EQUAL_PRINCIPAL,   999.99,     0.2399, 7
            EQUAL_INSTALLMENT, 50000.00,   0.0435, 1
            """)
    void principalSumsToTheLoanAmountExactly(RepaymentMethod method, BigDecimal principal, BigDecimal rate, int months) {
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(principal, rate, months, method, LocalDate.of(2026, 1, 31));

        assertThat(sum(schedule, ScheduledInstalment::principal)).isEqualTo(principal);
        assertThat(schedule).allSatisfy(i -> {
            assertThat(i.principal().signum()).isNotNegative();
            assertThat(i.interest().scale()).isEqualTo(2);
        });
    }

    // "interest = round_half_up(opening balance × r, 2)" with r = annualRate/12 exactly. 0.049/12 has no finite
    // decimal expansion; a monthly rate cut to 34 digits turns the exact half cent 180.00 × 0.049 / 12 = 0.735
    // into 0.73499…9 and rounds it down.
    @ParameterizedTest(name = "{0} at {1} a year owes {2} for the month")
    @CsvSource(textBlock = """
            60.00,  0.049,  0.25
            180.00, 0.049,  0.74
            300.00, 0.049,  1.23
            420.00, 0.049,  1.72
            120.00, 0.0435, 0.44
            40.00,  0.0435, 0.15
            1.00,   0.06,   0.01
            """)
    void interestOnAnExactHalfCentRoundsUp(BigDecimal balance, BigDecimal rate, BigDecimal interest) {
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(balance, rate, 1, RepaymentMethod.EQUAL_PRINCIPAL,
                LocalDate.of(2026, 5, 20));

        assertThat(schedule.get(0).interest()).isEqualTo(interest);
    }

    @Test
    void lastInstalmentTakesTheRemainingBalance() {
        // EQUAL_PRINCIPAL: "principal = round_half_up(P/n, 2), last one takes the remainder"
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(new BigDecimal("100.00"), new BigDecimal("0.12"),
                3, RepaymentMethod.EQUAL_PRINCIPAL, LocalDate.of(2026, 1, 10));

        assertThat(schedule).extracting(ScheduledInstalment::principal)
                .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
        // interest is 1% a month on the opening balance: 100.00, 66.67, 33.34
        assertThat(schedule).extracting(ScheduledInstalment::interest)
                .containsExactly(new BigDecimal("1.00"), new BigDecimal("0.67"), new BigDecimal("0.33"));
    }

    @Test
    void aZeroRateChargesNoInterestAndSplitsThePrincipalEvenly() {
        // "r = 0 works": the level payment is the limit P/n of the annuity formula
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(new BigDecimal("10000.00"), BigDecimal.ZERO,
                3, RepaymentMethod.EQUAL_INSTALLMENT, LocalDate.of(2026, 3, 10));

        assertThat(schedule).extracting(ScheduledInstalment::interest).containsOnly(Money.ZERO);
        assertThat(schedule).extracting(ScheduledInstalment::total)
                .containsExactly(new BigDecimal("3333.33"), new BigDecimal("3333.33"), new BigDecimal("3333.34"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            EQUAL_INSTALLMENT
            EQUAL_PRINCIPAL
            """)
    void aOneMonthTermRepaysEverythingOnTheFirstDueDate(RepaymentMethod method) {
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(new BigDecimal("5000.00"), new BigDecimal("0.12"),
                1, method, LocalDate.of(2026, 12, 31));

        assertThat(schedule).singleElement().satisfies(i -> {
            assertThat(i.dueDate()).isEqualTo("2026-12-31");
            assertThat(i.principal()).isEqualTo("5000.00");
            assertThat(i.interest()).isEqualTo("50.00");
        });
    }

    // "Later instalments on the same day of month as the first due date, clamped to month end."
    @ParameterizedTest(name = "first due {0}, instalment {1} falls due {2}")
    @CsvSource(textBlock = """
            2027-01-31, 1,  2027-01-31
            2027-01-31, 2,  2027-02-28
            2027-01-31, 3,  2027-03-31
            2027-01-31, 4,  2027-04-30
            2027-01-31, 12, 2027-12-31
            2027-01-31, 13, 2028-01-31
            2027-01-31, 14, 2028-02-29
            2028-01-31, 2,  2028-02-29
            2028-01-31, 3,  2028-03-31
            2028-01-30, 2,  2028-02-29
            2028-01-30, 3,  2028-03-30
            2027-01-29, 2,  2027-02-28
            2027-01-29, 3,  2027-03-29
            2028-02-29, 2,  2028-03-29
            2028-02-29, 13, 2029-02-28
            2028-02-29, 49, 2032-02-29
            2026-12-31, 3,  2027-02-28
            2026-01-15, 360, 2055-12-15
            """)
    void laterInstalmentsFallOnTheFirstDueDatesDayOfMonthClampedToMonthEnd(LocalDate firstDue, int number, LocalDate expected) {
        assertThat(ScheduleCalculator.dueDate(firstDue, number)).isEqualTo(expected);
    }

    @Test
    void aMonthEndScheduleReturnsToTheThirtyFirstAfterALeapFebruary() {
        List<ScheduledInstalment> schedule = ScheduleCalculator.generate(new BigDecimal("3000.00"), new BigDecimal("0.06"),
                4, RepaymentMethod.EQUAL_PRINCIPAL, LocalDate.of(2028, 1, 31));

        assertThat(schedule).extracting(ScheduledInstalment::dueDate).containsExactly(LocalDate.of(2028, 1, 31),
                LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31), LocalDate.of(2028, 4, 30));
    }

    @ParameterizedTest(name = "P={0} rate={1} n={2} {3}")
    @CsvSource(nullValues = "null", textBlock = """
            0.00,    0.05,  12,  EQUAL_INSTALLMENT
            -100.00, 0.05,  12,  EQUAL_INSTALLMENT
            null,    0.05,  12,  EQUAL_INSTALLMENT
            100.001, 0.05,  12,  EQUAL_INSTALLMENT
            100.00,  -0.01, 12,  EQUAL_INSTALLMENT
            100.00,  null,  12,  EQUAL_INSTALLMENT
            100.00,  0.05,  0,   EQUAL_INSTALLMENT
            100.00,  0.05,  601, EQUAL_PRINCIPAL
            100.00,  0.05,  12,  EXPLICIT
            """)
    void rejectsInputsOutsideTheConvention(BigDecimal principal, BigDecimal rate, int months, RepaymentMethod method) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScheduleCalculator.generate(principal, rate, months, method, LocalDate.of(2026, 1, 1)));
    }

    private static BigDecimal sum(List<ScheduledInstalment> schedule, java.util.function.Function<ScheduledInstalment, BigDecimal> part) {
        return schedule.stream().map(part).reduce(Money.ZERO, BigDecimal::add);
    }

    private static List<String> rows(List<ScheduledInstalment> schedule) {
        return schedule.stream().map(i -> i.number() + "," + i.dueDate() + "," + i.principal().toPlainString() + ","
                + i.interest().toPlainString()).toList();
    }

    private static List<String> oracleRows(String oracleCase) throws IOException {
        try (InputStream in = ScheduleCalculatorTest.class.getResourceAsStream("/schedule-oracle/" + oracleCase + ".csv")) {
            assertThat(in).as("oracle output for " + oracleCase).isNotNull();
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return lines.subList(1, lines.size());
        }
    }
}
