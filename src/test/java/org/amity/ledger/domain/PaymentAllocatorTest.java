package org.amity.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The allocation rule: "oldest instalment first; inside an instalment penalties → fees → interest → principal
 * (order configurable per product). Overpayment reduces the next instalments."
 */
class PaymentAllocatorTest {

    private static final List<Component> DEFAULT_ORDER =
            List.of(Component.PENALTY, Component.FEE, Component.INTEREST, Component.PRINCIPAL);

    @Test
    void paysTheOldestInstalmentFirstWhateverOrderTheyAreGivenIn() {
        InstalmentBalance march = instalment(2, "2026-03-15", "100.00", "10.00", "0.00", "0.00");
        InstalmentBalance february = instalment(1, "2026-02-15", "100.00", "10.00", "0.00", "0.00");

        PaymentAllocator.Result result = PaymentAllocator.allocate(List.of(march, february), money("150.00"), DEFAULT_ORDER);

        assertThat(describe(result)).containsExactly("1 INTEREST 10.00", "1 PRINCIPAL 100.00", "2 INTEREST 10.00",
                "2 PRINCIPAL 30.00");
        assertThat(february.remaining()).isEqualTo("0.00");
        assertThat(march.remaining()).isEqualTo("70.00");
        assertThat(result.unallocated()).isEqualTo("0.00");
    }

    @Test
    void instalmentsDueOnTheSameDayArePaidInNumberOrder() {
        InstalmentBalance second = instalment(2, "2026-02-15", "50.00", "0.00", "0.00", "0.00");
        InstalmentBalance first = instalment(1, "2026-02-15", "50.00", "0.00", "0.00", "0.00");

        PaymentAllocator.Result result = PaymentAllocator.allocate(List.of(second, first), money("60.00"), DEFAULT_ORDER);

        assertThat(describe(result)).containsExactly("1 PRINCIPAL 50.00", "2 PRINCIPAL 10.00");
    }

    // "inside an instalment penalties → fees → interest → principal (order configurable per product)"
    @ParameterizedTest(name = "{0} of a payment of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PENALTY FEE INTEREST PRINCIPAL | 3.00   | 1 PENALTY 3.00
            PENALTY FEE INTEREST PRINCIPAL | 12.00  | 1 PENALTY 5.00, 1 FEE 7.00
            PENALTY FEE INTEREST PRINCIPAL | 40.00  | 1 PENALTY 5.00, 1 FEE 10.00, 1 INTEREST 20.00, 1 PRINCIPAL 5.00
            PENALTY FEE INTEREST PRINCIPAL | 135.00 | 1 PENALTY 5.00, 1 FEE 10.00, 1 INTEREST 20.00, 1 PRINCIPAL 100.00
            INTEREST PRINCIPAL FEE PENALTY | 40.00  | 1 INTEREST 20.00, 1 PRINCIPAL 20.00
            INTEREST PRINCIPAL FEE PENALTY | 125.00 | 1 INTEREST 20.00, 1 PRINCIPAL 100.00, 1 FEE 5.00
            PRINCIPAL INTEREST FEE PENALTY | 101.00 | 1 PRINCIPAL 100.00, 1 INTEREST 1.00
            """)
    void paysTheComponentsOfAnInstalmentInTheProductsOrder(String order, BigDecimal amount, String expected) {
        InstalmentBalance instalment = instalment(1, "2026-02-15", "100.00", "20.00", "10.00", "5.00");

        PaymentAllocator.Result result = PaymentAllocator.allocate(List.of(instalment), amount, order(order));

        assertThat(describe(result)).containsExactly(expected.split(", "));
        assertThat(instalment.totalPaid()).isEqualTo(amount);
    }

    @Test
    void aPartialPaymentLeavesTheRestOfTheInstalmentOutstanding() {
        InstalmentBalance instalment = instalment(1, "2026-02-15", "972.80", "60.00", "0.00", "0.00");

        PaymentAllocator.allocate(List.of(instalment), money("500.00"), DEFAULT_ORDER);

        assertThat(instalment.paid(Component.INTEREST)).isEqualTo("60.00");
        assertThat(instalment.paid(Component.PRINCIPAL)).isEqualTo("440.00");
        assertThat(instalment.outstanding(Component.PRINCIPAL)).isEqualTo("532.80");
        assertThat(instalment.remaining()).isEqualTo("532.80");
    }

    @Test
    void aSecondPaymentContinuesWhereAnEarlierOneStopped() {
        InstalmentBalance first = instalment(1, "2026-02-15", "100.00", "10.00", "0.00", "0.00")
                .withPaid(Component.INTEREST, money("10.00")).withPaid(Component.PRINCIPAL, money("40.00"));
        InstalmentBalance second = instalment(2, "2026-03-15", "100.00", "10.00", "0.00", "0.00");

        PaymentAllocator.Result result = PaymentAllocator.allocate(List.of(first, second), money("70.00"), DEFAULT_ORDER);

        assertThat(describe(result)).containsExactly("1 PRINCIPAL 60.00", "2 INTEREST 10.00");
    }

    // "Overpayment reduces the next instalments."
    @Test
    void anOverpaymentPaysTheNextInstalmentsInAdvance() {
        List<InstalmentBalance> schedule = List.of(
                instalment(1, "2026-01-15", "972.80", "60.00", "0.00", "0.00"),
                instalment(2, "2026-02-15", "977.66", "55.14", "0.00", "0.00"),
                instalment(3, "2026-03-15", "982.55", "50.25", "0.00", "0.00"));

        PaymentAllocator.Result result = PaymentAllocator.allocate(schedule, money("2000.00"), DEFAULT_ORDER);

        assertThat(describe(result)).containsExactly("1 INTEREST 60.00", "1 PRINCIPAL 972.80", "2 INTEREST 55.14",
                "2 PRINCIPAL 912.06");
        assertThat(schedule).extracting(InstalmentBalance::remaining)
                .containsExactly(money("0.00"), money("65.60"), money("1032.80"));
        assertThat(result.unallocated()).isEqualTo("0.00");
    }

    @Test
    void anOverpaymentBeyondTheWholeScheduleStaysUnallocated() {
        List<InstalmentBalance> schedule = List.of(
                instalment(1, "2026-01-15", "100.00", "1.00", "0.00", "0.00"),
                instalment(2, "2026-02-15", "100.00", "0.50", "0.00", "0.00"));

        PaymentAllocator.Result result = PaymentAllocator.allocate(schedule, money("250.00"), DEFAULT_ORDER);

        assertThat(result.allocations().stream().map(PaymentAllocator.Allocation::amount).reduce(BigDecimal::add))
                .hasValue(money("201.50"));
        assertThat(result.unallocated()).isEqualTo("48.50");
        assertThat(schedule).extracting(InstalmentBalance::remaining).containsOnly(money("0.00"));
    }

    @Test
    void aPaymentOnAFullyPaidScheduleIsEntirelyUnallocated() {
        InstalmentBalance paid = instalment(1, "2026-01-15", "100.00", "0.00", "0.00", "0.00")
                .withPaid(Component.PRINCIPAL, money("100.00"));

        PaymentAllocator.Result result = PaymentAllocator.allocate(List.of(paid), money("20.00"), DEFAULT_ORDER);

        assertThat(result.allocations()).isEmpty();
        assertThat(result.unallocated()).isEqualTo("20.00");
    }

    @Test
    void anExactPaymentLeavesNothingUnallocated() {
        InstalmentBalance instalment = instalment(1, "2026-01-15", "100.00", "1.00", "0.00", "0.00");

        PaymentAllocator.Result result = PaymentAllocator.allocate(List.of(instalment), money("101.00"), DEFAULT_ORDER);

        assertThat(result.unallocated()).isEqualByComparingTo("0");
        assertThat(instalment.remaining()).isEqualTo("0.00");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(textBlock = """
            PENALTY FEE INTEREST
            PENALTY FEE INTEREST PRINCIPAL PRINCIPAL
            PENALTY FEE INTEREST INTEREST
            ''
            """)
    void rejectsAnOrderThatDoesNotNameEveryComponentOnce(String order) {
        InstalmentBalance instalment = instalment(1, "2026-01-15", "100.00", "1.00", "0.00", "0.00");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentAllocator.allocate(List.of(instalment), money("50.00"), order(order)));
        assertThat(instalment.totalPaid()).isEqualTo("0.00");
    }

    @Test
    void rejectsAnOrderWithAGapBeforeTouchingAnyInstalment() {
        // four entries, three distinct components and a null: it used to pass the check, pay the penalty, fee and
        // interest and then fail with a NullPointerException, leaving the instalment half-allocated
        List<Component> withNull = Arrays.asList(Component.PENALTY, Component.FEE, Component.INTEREST, null);
        InstalmentBalance instalment = instalment(1, "2026-01-15", "100.00", "1.00", "0.00", "0.00");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentAllocator.allocate(List.of(instalment), money("50.00"), withNull));
        assertThat(instalment.totalPaid()).isEqualTo("0.00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            0.00
            -1.00
            """)
    void rejectsAPaymentThatIsNotPositive(BigDecimal amount) {
        InstalmentBalance instalment = instalment(1, "2026-01-15", "100.00", "1.00", "0.00", "0.00");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> PaymentAllocator.allocate(List.of(instalment), amount, DEFAULT_ORDER));
    }

    private static InstalmentBalance instalment(int number, String due, String principal, String interest, String fees,
                                                String penalties) {
        return new InstalmentBalance(number, LocalDate.parse(due), money(principal), money(interest), money(fees), money(penalties));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static List<Component> order(String names) {
        return names.isBlank() ? List.of() : Arrays.stream(names.trim().split(" +")).map(Component::valueOf).toList();
    }

    private static List<String> describe(PaymentAllocator.Result result) {
        return result.allocations().stream()
                .map(a -> a.instalmentNumber() + " " + a.component() + " " + a.amount().toPlainString()).toList();
    }
}
