package org.amity.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.amity.ledger.domain.RepaymentMethod;

/** A loan with its schedule; {@code paid} and {@code remaining} reflect every payment posted so far. */
public record LoanView(UUID id, String externalId, UUID customerId, String product, String currency, BigDecimal principal,
                       BigDecimal annualRate, int termMonths, RepaymentMethod method, LocalDate disbursedOn,
                       LocalDate firstDueDate, int graceDays, Instant createdAt, List<Instalment> schedule) {

    public record Instalment(int number, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                             BigDecimal penalties, BigDecimal total, BigDecimal paid, BigDecimal remaining) {
    }

    public BigDecimal outstanding() {
        return schedule.stream().map(Instalment::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
