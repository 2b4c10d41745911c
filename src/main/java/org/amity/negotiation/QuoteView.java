package org.amity.negotiation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer to {@code POST /api/v1/arrangements/quotes}, exactly as the public API states it (money as decimal
 * strings). {@code notOffered} says which option types the policy does not offer for these facts and why.
 */
public record QuoteView(UUID quoteId, List<Option> options, List<NotOffered> notOffered, String policyVersion) {

    public record Option(String optionId, String type, int termMonths, BigDecimal monthlyPayment, BigDecimal totalPayable,
                         BigDecimal waivedAmount, boolean affordable, List<Instalment> schedule) {
    }

    public record Instalment(int number, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                             BigDecimal total) {
    }

    public record NotOffered(String type, String reason) {
    }

    public Option option(String optionId) {
        return options.stream().filter(o -> o.optionId().equals(optionId)).findFirst().orElse(null);
    }
}
