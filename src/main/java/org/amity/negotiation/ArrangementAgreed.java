package org.amity.negotiation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a customer accepted an arrangement and the loan was rescheduled to it. */
public record ArrangementAgreed(UUID arrangementId, UUID customerId, UUID loanId, String type, int termMonths,
                                BigDecimal monthlyPayment, BigDecimal totalPayable, BigDecimal waivedAmount, String currency,
                                LocalDate firstDueDate, String acceptedChannel, Instant agreedAt) {
}
