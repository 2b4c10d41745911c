package org.amity.negotiation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.amity.ledger.domain.RepaymentMethod;
import org.amity.ledger.domain.ScheduledInstalment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every option of every case equals, to the cent and row by row, what the independent exact-arithmetic oracle
 * {@code src/test/resources/arrangement-oracle.py} computed (its output is committed under
 * {@code src/test/resources/arrangement-oracle/}; re-run it to regenerate).
 */
class OptionCalculatorOracleTest {

    private static final Path ORACLE = Path.of("src/test/resources/arrangement-oracle");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, product, rate, loan method, business date, dpd, unpaid principal, arrears interest, arrears fees, remaining, income, expenses
            "consumer-45dpd-ei,    CONSUMER,    0.12,   EQUAL_INSTALLMENT, 2026-11-23, 45,  27000.00,   540.00,  120.00, 16,  8000.00,  5000.00",
            "consumer-120dpd-ep,   CONSUMER,    0.08,   EQUAL_PRINCIPAL,   2026-11-23, 120, 15000.00,   300.00,  450.50, 5,   6000.00,  4200.00",
            "consumer-10dpd-tight, CONSUMER,    0.0435, EQUAL_INSTALLMENT, 2027-01-31, 10,  9999.99,    36.25,   0.00,   58,  3000.00,  2900.00",
            "housing-360m,         HOUSING,     0.049,  EQUAL_INSTALLMENT, 2026-11-30, 40,  1000000.00, 8166.67, 0.00,   300, 30000.00, 12000.00",
            "card-20dpd,           CREDIT_CARD, 0.18,   EQUAL_INSTALLMENT, 2026-11-23, 20,  48000.00,   1440.00, 960.00, 0,   10000.00, 6000.00",
            "card-60dpd-broke,     CREDIT_CARD, 0.18,   EQUAL_INSTALLMENT, 2026-11-23, 60,  48000.00,   1440.00, 960.00, 0,   4000.00,  4500.00",
    })
    void everyOptionMatchesTheIndependentOracleToTheCent(String name, String product, BigDecimal rate, RepaymentMethod method,
                                                         LocalDate today, int dpd, BigDecimal principal, BigDecimal interest,
                                                         BigDecimal fees, int remaining, BigDecimal income, BigDecimal expenses)
            throws IOException {
        LoanPosition position = new LoanPosition(product, "CNY", rate, method, today, dpd, principal, interest, fees, remaining,
                principal.add(interest).add(fees), 0);
        Quote quote = OptionCalculator.quote(Policies.bundled(product), position, new Hardship("INCOME_LOSS", income, expenses, 1),
                today.plusMonths(1));

        List<String[]> expected = Files.readAllLines(ORACLE.resolve("summary.csv"), StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(",")).filter(f -> f[0].equals(name)).toList();
        assertThat(expected).as("oracle rows for " + name).isNotEmpty();
        assertThat(quote.options()).extracting(ArrangementOption::optionId)
                .containsExactlyElementsOf(expected.stream().map(f -> f[1]).toList());
        for (String[] row : expected) {
            ArrangementOption o = quote.options().stream().filter(x -> x.optionId().equals(row[1])).findFirst().orElseThrow();
            assertThat(o.type().name()).isEqualTo(row[2]);
            assertThat(o.termMonths()).as(row[1] + " term").isEqualTo(Integer.parseInt(row[3]));
            assertThat(o.monthlyPayment()).as(row[1] + " monthly").isEqualTo(new BigDecimal(row[4]));
            assertThat(o.totalPayable()).as(row[1] + " total").isEqualTo(new BigDecimal(row[5]));
            assertThat(o.waivedAmount()).as(row[1] + " waived").isEqualTo(new BigDecimal(row[6]));
            assertThat(o.affordable()).as(row[1] + " affordable").isEqualTo(Boolean.parseBoolean(row[7]));
            assertThat(quote.affordableLimit()).isEqualTo(new BigDecimal(row[8]));
            List<String> rows = Files.readAllLines(ORACLE.resolve(name).resolve(row[1] + ".csv"), StandardCharsets.UTF_8)
                    .stream().skip(1).toList();
            assertThat(o.schedule().stream().map(OptionCalculatorOracleTest::csv).toList()).as(row[1] + " schedule")
                    .containsExactlyElementsOf(rows);
        }
    }

    private static String csv(ScheduledInstalment i) {
        return i.number() + "," + i.dueDate() + "," + i.principal().toPlainString() + "," + i.interest().toPlainString();
    }

}
