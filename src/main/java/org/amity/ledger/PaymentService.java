package org.amity.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amity.ledger.domain.Component;
import org.amity.ledger.domain.InstalmentBalance;
import org.amity.ledger.domain.Money;
import org.amity.ledger.domain.PaymentAllocator;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts and reverses payments. Posting is idempotent on the loan's payment {@code reference}. A payment is
 * allocated at once (oldest instalment first), so delinquency "now" reflects it the moment it commits.
 * Payments are serialised per loan by locking the loan row.
 */
@Service
public class PaymentService {

    /** Clocks differ; a payment "received" a little in the future is accepted, more is a mistake. */
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final LedgerProperties properties;
    private final ApplicationEventPublisher events;
    private final PaymentClaimService claims;

    PaymentService(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, LedgerProperties properties,
                   ApplicationEventPublisher events, PaymentClaimService claims) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.properties = properties;
        this.events = events;
        this.claims = claims;
    }

    public record NewPayment(BigDecimal amount, String currency, Instant receivedAt, String reference) {
    }

    /** The payment and whether this call created it (false: the same reference was posted before). */
    public record Posted(PaymentView payment, boolean created) {
    }

    @Transactional
    public Posted post(UUID loanId, NewPayment request) {
        if (request == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A payment is required");
        }
        String reference = CustomerService.required(request.reference(), "reference", 100);
        BigDecimal amount = LoanService.positiveMoney(request.amount(), "amount");
        LoanHead loan = lockLoan(loanId);
        if (request.currency() != null && !request.currency().equalsIgnoreCase(loan.currency())) {
            throw ApiProblem.badRequest("CURRENCY_MISMATCH", "currency", "The loan is in " + loan.currency());
        }
        Optional<PaymentView> existing = findByReference(loanId, reference);
        if (existing.isPresent()) {
            if (existing.get().amount().compareTo(amount) != 0) {
                throw ApiProblem.conflict("PAYMENT_REFERENCE_CONFLICT", "reference", "Reference '" + reference
                        + "' was already posted with amount " + existing.get().amount().toPlainString());
            }
            return new Posted(existing.get(), false);
        }
        Instant now = clock.instant();
        Instant receivedAt = request.receivedAt() == null ? now : request.receivedAt();
        if (receivedAt.isAfter(now.plus(FUTURE_SKEW))) {
            throw ApiProblem.badRequest("RECEIVED_IN_FUTURE", "receivedAt", "A payment cannot be received after now (" + now + ")");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO payment (id, loan_id, customer_id, reference, amount, currency, received_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, loanId, loan.customerId(), reference, amount, loan.currency(), Timestamp.from(receivedAt), Timestamp.from(now))
                .update();
        // no row (rather than a NULL max) on a loan's first payment: single() rejects a null result
        Instant latest = jdbc.sql("SELECT received_at FROM payment WHERE loan_id = ? AND reversed_at IS NULL AND id <> ? ORDER BY received_at DESC LIMIT 1")
                .params(loanId, id).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (latest == null || !receivedAt.isBefore(latest)) {
            allocate(loanId, loan, id, amount, receivedAt);
        } else {
            reallocate(loanId, loan); // a back-dated payment changes how the later ones were applied
        }
        claims.matchPayment(loanId, id, amount, receivedAt);
        PaymentView payment = find(id).orElseThrow();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("loanId", loanId.toString());
        state.put("reference", reference);
        state.put("amount", amount.toPlainString() + " " + loan.currency());
        state.put("receivedAt", receivedAt.toString());
        audit.record("PAYMENT_POSTED", "Payment", id.toString(), null, state);
        events.publishEvent(new PaymentReceived(id, loanId, loan.customerId(), amount, loan.currency(), receivedAt));
        return new Posted(payment, true);
    }

    @Transactional
    public PaymentView reverse(UUID loanId, UUID paymentId, String reason) {
        String why = CustomerService.required(reason, "reason", 500);
        LoanHead loan = lockLoan(loanId);
        PaymentView payment = find(paymentId).filter(p -> p.loanId().equals(loanId))
                .orElseThrow(() -> ApiProblem.notFound("PAYMENT_NOT_FOUND", "No payment " + paymentId + " on loan " + loanId));
        if (payment.reversedAt() != null) {
            throw ApiProblem.conflict("PAYMENT_ALREADY_REVERSED", null, "The payment was reversed at " + payment.reversedAt());
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE payment SET reversed_at = ?, reversal_reason = ? WHERE id = ?")
                .params(Timestamp.from(now), why, paymentId).update();
        reallocate(loanId, loan);
        audit.record("PAYMENT_REVERSED", "Payment", paymentId.toString(),
                Map.of("amount", payment.amount().toPlainString(), "reversed", false),
                Map.of("amount", payment.amount().toPlainString(), "reversed", true, "reason", why));
        events.publishEvent(new PaymentReversed(paymentId, loanId, loan.customerId(), now, why));
        return find(paymentId).orElseThrow();
    }

    public List<PaymentView> paymentsOf(UUID loanId) {
        return jdbc.sql("SELECT * FROM payment WHERE loan_id = ? ORDER BY received_at, recorded_at").param(loanId)
                .query(PaymentService::map).list();
    }

    public Optional<PaymentView> find(UUID id) {
        return jdbc.sql("SELECT * FROM payment WHERE id = ?").param(id).query(PaymentService::map).optional();
    }

    private Optional<PaymentView> findByReference(UUID loanId, String reference) {
        return jdbc.sql("SELECT * FROM payment WHERE loan_id = ? AND reference = ?").params(loanId, reference)
                .query(PaymentService::map).optional();
    }

    private record LoanHead(UUID customerId, String currency, String product) {
    }

    private LoanHead lockLoan(UUID loanId) {
        return jdbc.sql("SELECT customer_id, currency, product FROM loan WHERE id = ? FOR UPDATE").param(loanId)
                .query((rs, n) -> new LoanHead(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND", "No loan with id " + loanId));
    }

    /** Allocates one payment against the instalments as they stand (the payment is the latest received). */
    private void allocate(UUID loanId, LoanHead loan, UUID paymentId, BigDecimal amount, Instant receivedAt) {
        List<InstalmentBalance> balances = jdbc.sql("SELECT * FROM instalment WHERE loan_id = ? AND remaining > 0 ORDER BY due_date, number")
                .param(loanId).query(PaymentService::balance).list();
        PaymentAllocator.Result result = PaymentAllocator.allocate(balances, amount, properties.allocationOrderFor(loan.product()));
        store(loanId, loan, paymentId, receivedAt, result);
        writePaid(loanId, balances);
    }

    /** Replays every non-reversed payment in the order received; used after a reversal or a back-dated payment. */
    private void reallocate(UUID loanId, LoanHead loan) {
        jdbc.sql("DELETE FROM payment_allocation WHERE loan_id = ?").param(loanId).update();
        List<InstalmentBalance> balances = jdbc.sql("SELECT * FROM instalment WHERE loan_id = ? ORDER BY due_date, number")
                .param(loanId).query((rs, n) -> new InstalmentBalance(rs.getInt("number"), rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("principal"), rs.getBigDecimal("interest"), rs.getBigDecimal("fees"),
                        rs.getBigDecimal("penalties"))).list();
        record Live(UUID id, BigDecimal amount, Instant receivedAt) {
        }
        List<Live> live = jdbc.sql("SELECT id, amount, received_at FROM payment WHERE loan_id = ? AND reversed_at IS NULL ORDER BY received_at, recorded_at, id")
                .param(loanId).query((rs, n) -> new Live(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getTimestamp(3).toInstant()))
                .list();
        jdbc.sql("UPDATE payment SET unallocated = 0 WHERE loan_id = ?").param(loanId).update();
        for (Live p : live) {
            store(loanId, loan, p.id(), p.receivedAt(),
                    PaymentAllocator.allocate(balances, p.amount(), properties.allocationOrderFor(loan.product())));
        }
        writePaid(loanId, balances);
    }

    private void store(UUID loanId, LoanHead loan, UUID paymentId, Instant receivedAt, PaymentAllocator.Result result) {
        List<Object[]> rows = new ArrayList<>();
        for (PaymentAllocator.Allocation a : result.allocations()) {
            rows.add(new Object[]{paymentId, loanId, loan.customerId(), a.instalmentNumber(), a.component().name(), a.amount(),
                    Timestamp.from(receivedAt)});
        }
        for (Object[] row : rows) {
            jdbc.sql("""
                    INSERT INTO payment_allocation (payment_id, loan_id, customer_id, instalment_number, component, amount, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""").params(row).update();
        }
        jdbc.sql("UPDATE payment SET unallocated = ? WHERE id = ?").params(result.unallocated(), paymentId).update();
    }

    private void writePaid(UUID loanId, List<InstalmentBalance> balances) {
        for (InstalmentBalance b : balances) {
            jdbc.sql("""
                    UPDATE instalment SET paid_principal = ?, paid_interest = ?, paid_fees = ?, paid_penalties = ?
                     WHERE loan_id = ? AND number = ?""")
                    .params(b.paid(Component.PRINCIPAL), b.paid(Component.INTEREST), b.paid(Component.FEE),
                            b.paid(Component.PENALTY), loanId, b.number())
                    .update();
        }
    }

    private static InstalmentBalance balance(ResultSet rs, int n) throws SQLException {
        return new InstalmentBalance(rs.getInt("number"), rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("principal"),
                rs.getBigDecimal("interest"), rs.getBigDecimal("fees"), rs.getBigDecimal("penalties"))
                .withPaid(Component.PRINCIPAL, rs.getBigDecimal("paid_principal"))
                .withPaid(Component.INTEREST, rs.getBigDecimal("paid_interest"))
                .withPaid(Component.FEE, rs.getBigDecimal("paid_fees"))
                .withPaid(Component.PENALTY, rs.getBigDecimal("paid_penalties"));
    }

    private static PaymentView map(ResultSet rs, int n) throws SQLException {
        Timestamp reversed = rs.getTimestamp("reversed_at");
        return new PaymentView(rs.getObject("id", UUID.class), rs.getObject("loan_id", UUID.class), rs.getString("reference"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(), rs.getBigDecimal("unallocated"),
                reversed == null ? null : reversed.toInstant(), rs.getString("reversal_reason"));
    }

}
