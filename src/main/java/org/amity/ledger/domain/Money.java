package org.amity.ledger.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money amounts are {@code BigDecimal} with two decimals; the schedule convention rounds half-up. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** Exactly two decimals; refuses to silently drop fractions of a cent. */
    public static BigDecimal cents(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than two decimals");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal roundHalfUp(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
