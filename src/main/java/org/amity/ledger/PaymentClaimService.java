package org.amity.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment claims: open from the moment they are recorded until a payment matches or they expire after the
 * configured number of business days (Monday to Friday in the bank's zone; public-holiday calendars arrive
 * with the contact policy). Other modules ask {@link #hasOpenClaim} before any collection contact.
 */
@Service
public class PaymentClaimService {

    public static final Set<String> CHANNELS = Set.of("PORTAL", "HOTLINE", "APP", "BRANCH", "AGENT", "API");

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final LedgerProperties properties;

    PaymentClaimService(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, LedgerProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.properties = properties;
    }

    public record NewClaim(String evidenceReference, BigDecimal amount, LocalDate paidOn, String channel) {
    }

    @Transactional
    public PaymentClaim record(UUID loanId, NewClaim request) {
        if (request == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "A payment claim is required");
        }
        String evidence = CustomerService.required(request.evidenceReference(), "evidenceReference", 200);
        BigDecimal amount = request.amount() == null ? null : LoanService.positiveMoney(request.amount(), "amount");
        String channel = request.channel() == null ? "API" : request.channel().toUpperCase();
        if (!CHANNELS.contains(channel)) {
            throw ApiProblem.badRequest("INVALID_ENUM_VALUE", "channel", "'" + request.channel() + "' is not one of " + CHANNELS.stream().sorted().toList())
                    .allowedValues(CHANNELS.stream().sorted().toList());
        }
        UUID customerId = jdbc.sql("SELECT customer_id FROM loan WHERE id = ?").param(loanId).query(UUID.class).optional()
                .orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND", "No loan with id " + loanId));
        Instant now = clock.instant();
        if (request.paidOn() != null && request.paidOn().isAfter(LocalDate.ofInstant(now, clock.bankZone()))) {
            throw ApiProblem.badRequest("PAID_ON_IN_FUTURE", "paidOn", "paidOn cannot be in the future");
        }
        UUID id = UUID.randomUUID();
        Instant expires = addBusinessDays(now, properties.claimExpiryBusinessDays());
        jdbc.sql("""
                INSERT INTO payment_claim (id, loan_id, customer_id, evidence_reference, amount, paid_on, channel, claimed_by,
                                           created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, loanId, customerId, evidence, amount, request.paidOn(), channel, CurrentUser.name(),
                        Timestamp.from(now), Timestamp.from(expires))
                .update();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("loanId", loanId.toString());
        state.put("evidenceReference", evidence);
        state.put("amount", amount == null ? null : amount.toPlainString());
        state.put("expiresAt", expires.toString());
        audit.record("PAYMENT_CLAIM_RECORDED", "PaymentClaim", id.toString(), null, state);
        return find(id);
    }

    /** Marks open claims on the loan as matched by a payment that covers them. Runs in the posting transaction. */
    void matchPayment(UUID loanId, UUID paymentId, BigDecimal amount, Instant receivedAt) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE payment_claim SET matched_payment_id = ?, matched_at = ?
                 WHERE loan_id = ? AND matched_payment_id IS NULL AND expires_at > ? AND (amount IS NULL OR amount <= ?)""")
                .params(paymentId, Timestamp.from(now), loanId, Timestamp.from(now), amount).update();
    }

    public boolean hasOpenClaim(UUID loanId, Instant at) {
        return claimsOf(loanId).stream().anyMatch(c -> c.openAt(at));
    }

    public List<PaymentClaim> claimsOf(UUID loanId) {
        return jdbc.sql("SELECT * FROM payment_claim WHERE loan_id = ? ORDER BY created_at DESC").param(loanId)
                .query(PaymentClaimService::map).list();
    }

    public PaymentClaim find(UUID id) {
        return jdbc.sql("SELECT * FROM payment_claim WHERE id = ?").param(id).query(PaymentClaimService::map).optional()
                .orElseThrow(() -> ApiProblem.notFound("CLAIM_NOT_FOUND", "No payment claim " + id));
    }

    Instant addBusinessDays(Instant from, int days) {
        ZonedDateTime t = from.atZone(clock.bankZone());
        int added = 0;
        while (added < days) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return t.toInstant();
    }

    private static PaymentClaim map(ResultSet rs, int n) throws SQLException {
        Timestamp matched = rs.getTimestamp("matched_at");
        return new PaymentClaim(rs.getObject("id", UUID.class), rs.getObject("loan_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getString("evidence_reference"), rs.getBigDecimal("amount"),
                rs.getObject("paid_on", LocalDate.class), rs.getString("channel"), rs.getString("claimed_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getObject("matched_payment_id", UUID.class), matched == null ? null : matched.toInstant());
    }
}
