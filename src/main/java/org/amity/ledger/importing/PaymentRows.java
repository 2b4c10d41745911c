package org.amity.ledger.importing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.amity.ledger.CustomerService;
import org.amity.ledger.LoanService;
import org.amity.platform.ApiProblem;

/** Reads a payments row with the rules {@code PaymentService.post} applies to a payment request. */
final class PaymentRows {

    /** As in PaymentService: clocks differ, so a payment "received" a little in the future is accepted. */
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    record Row(long line, String loanExternalId, String reference, BigDecimal amount, Instant receivedAt) {
    }

    private PaymentRows() {
    }

    /** @return the payment, or null after adding the row's errors */
    static Row parse(CsvRow row, ImportErrors errors, Instant now) {
        long errorsBefore = errors.count();
        String loan = row.text("loan_external_id");
        if (loan == null) {
            errors.add(row.line(), "loan_external_id", "FIELD_REQUIRED", "loan_external_id is required");
        }
        BigDecimal amount = LoanRows.cell(row, errors, r -> r.decimal("amount"));
        Instant receivedAt = LoanRows.cell(row, errors, r -> r.instant("received_at"));
        if (errors.count() > errorsBefore) {
            return null;
        }
        try {
            String reference = CustomerService.required(row.text("reference"), "reference", 100);
            BigDecimal money = LoanService.positiveMoney(amount, "amount");
            Instant received = receivedAt == null ? now : receivedAt;
            if (received.isAfter(now.plus(FUTURE_SKEW))) {
                throw ApiProblem.badRequest("RECEIVED_IN_FUTURE", "receivedAt", "A payment cannot be received after now (" + now + ")");
            }
            return new Row(row.line(), loan.trim(), reference, money, received);
        } catch (ApiProblem p) {
            errors.add(row.line(), p.field() == null ? null : Columns.of(p.field(), org.amity.ledger.ImportKind.PAYMENTS,
                    java.util.List.of()), p.code(), p.getMessage());
            return null;
        }
    }
}
