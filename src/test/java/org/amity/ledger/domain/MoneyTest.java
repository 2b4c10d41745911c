package org.amity.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Money is BigDecimal with explicit scale and rounding"; the schedule convention rounds half-up to 0.01. */
class MoneyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(textBlock = """
            1,       1.00
            1.5,     1.50
            1.500,   1.50
            0.01,    0.01
            -2.30,   -2.30
            """)
    void centsGivesExactlyTwoDecimals(BigDecimal amount, String expected) {
        assertThat(Money.cents(amount)).hasToString(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", textBlock = """
            0.001
            100.005
            null
            """)
    void centsRefusesToDropFractionsOfACent(BigDecimal amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.cents(amount));
    }

    @ParameterizedTest(name = "{0} rounds to {1}")
    @CsvSource(textBlock = """
            0.245,   0.25
            0.2449,  0.24
            0.235,   0.24
            1032.799, 1032.80
            2.5,     2.50
            """)
    void roundHalfUpTakesTiesAwayFromZero(BigDecimal value, String expected) {
        assertThat(Money.roundHalfUp(value)).hasToString(expected);
    }
}
