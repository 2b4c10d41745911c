package org.amity.ledger.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One planned instalment: what is due on {@code dueDate}, by component. */
public record ScheduledInstalment(int number, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal fees) {

    public ScheduledInstalment {
        if (number < 1) {
            throw new IllegalArgumentException("instalment numbers start at 1");
        }
        Objects.requireNonNull(dueDate, "dueDate");
        principal = Money.cents(principal);
        interest = Money.cents(interest);
        fees = Money.cents(fees == null ? BigDecimal.ZERO : fees);
        if (principal.signum() < 0 || interest.signum() < 0 || fees.signum() < 0) {
            throw new IllegalArgumentException("instalment amounts cannot be negative");
        }
    }

    public BigDecimal total() {
        return principal.add(interest).add(fees);
    }
}
