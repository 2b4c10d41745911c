package org.amity.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment as posted; {@code unallocated} is what exceeded the whole schedule (a credit). */
public record PaymentView(UUID id, UUID loanId, String reference, BigDecimal amount, String currency, Instant receivedAt,
                          Instant recordedAt, BigDecimal unallocated, Instant reversedAt, String reversalReason) {
}
