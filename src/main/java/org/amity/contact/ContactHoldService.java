package org.amity.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.LoanService;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places and lifts contact holds: hard stops such as a cease request or attorney representation
 * (12 CFR 1006.6(b)(2), (c)), UK breathing space (SI 2020/1311), and the pauses other modules ask for while a
 * complaint is open or an arrangement is kept.
 */
@Service
public class ContactHoldService {

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final CustomerService customers;
    private final LoanService loans;

    ContactHoldService(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, CustomerService customers, LoanService loans) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.customers = customers;
        this.loans = loans;
    }

    public record NewHold(HoldType type, UUID loanId, Instant from, Instant until, String reason) {
    }

    @Transactional
    public ContactHold place(UUID customerId, NewHold request) {
        return place(customerId, request, null);
    }

    /** Places the hold another module asked for, once per source; runs in the asker's transaction. */
    @EventListener
    @Transactional
    void on(ContactHoldRequested requested) {
        boolean alreadyHeld = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM contact_hold
                               WHERE source = ? AND type = ? AND customer_id = ? AND lifted_at IS NULL)""")
                .params(requested.source(), requested.type().name(), requested.customerId()).query(Boolean.class).single();
        if (!alreadyHeld) {
            place(requested.customerId(), new NewHold(requested.type(), requested.loanId(), requested.from(),
                    requested.until(), requested.reason()), requested.source());
        }
    }

    /** Lifts the holds the source asked for; a release with nothing to lift is not an error (events may repeat). */
    @EventListener
    @Transactional
    void on(ContactHoldReleased released) {
        List<UUID> ids = jdbc.sql("SELECT id FROM contact_hold WHERE source = ? AND customer_id = ? AND lifted_at IS NULL")
                .params(released.source(), released.customerId()).query(UUID.class).list();
        ids.forEach(id -> lift(released.customerId(), id));
    }

    private ContactHold place(UUID customerId, NewHold request, String source) {
        if (request == null || request.type() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "type", "type is required").allowedValues(List.of(HoldType.values()));
        }
        if (customers.find(customerId).isEmpty()) {
            throw ApiProblem.notFound("CUSTOMER_NOT_FOUND", "No customer with id " + customerId);
        }
        if (request.loanId() != null && !loans.customerOf(request.loanId()).equals(customerId)) {
            throw ApiProblem.badRequest("LOAN_OF_ANOTHER_CUSTOMER", "loanId", "The loan does not belong to this customer");
        }
        Instant now = clock.instant();
        Instant from = request.from() == null ? now : request.from();
        if (request.until() != null && !request.until().isAfter(from)) {
            throw ApiProblem.badRequest("INVALID_PERIOD", "until", "until must be after from");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO contact_hold (id, customer_id, loan_id, type, valid_from, valid_until, reason, placed_by, placed_at, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, customerId, request.loanId(), request.type().name(), Timestamp.from(from),
                        request.until() == null ? null : Timestamp.from(request.until()), request.reason(), CurrentUser.name(),
                        Timestamp.from(now), source).update();
        ContactHold hold = find(id);
        audit.record("CONTACT_HOLD_PLACED", "Customer", customerId.toString(), null, state(hold));
        return hold;
    }

    @Transactional
    public ContactHold lift(UUID customerId, UUID holdId) {
        ContactHold hold = find(holdId);
        if (!hold.customerId().equals(customerId)) {
            throw ApiProblem.notFound("HOLD_NOT_FOUND", "No hold " + holdId + " for this customer");
        }
        if (hold.liftedAt() != null) {
            throw ApiProblem.conflict("HOLD_ALREADY_LIFTED", null, "The hold was lifted at " + hold.liftedAt());
        }
        jdbc.sql("UPDATE contact_hold SET lifted_at = ?, lifted_by = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), CurrentUser.name(), holdId).update();
        ContactHold lifted = find(holdId);
        audit.record("CONTACT_HOLD_LIFTED", "Customer", customerId.toString(), state(hold), state(lifted));
        return lifted;
    }

    public List<ContactHold> holdsOf(UUID customerId) {
        return jdbc.sql("SELECT * FROM contact_hold WHERE customer_id = ? ORDER BY placed_at DESC").param(customerId)
                .query(ContactHoldService::map).list();
    }

    public List<ContactHold> activeAt(UUID customerId, Instant at) {
        return holdsOf(customerId).stream().filter(h -> h.activeAt(at)).toList();
    }

    ContactHold find(UUID id) {
        return jdbc.sql("SELECT * FROM contact_hold WHERE id = ?").param(id).query(ContactHoldService::map).optional()
                .orElseThrow(() -> ApiProblem.notFound("HOLD_NOT_FOUND", "No hold " + id));
    }

    private static Map<String, Object> state(ContactHold h) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("holdId", h.id().toString());
        state.put("type", h.type().name());
        state.put("loanId", h.loanId() == null ? null : h.loanId().toString());
        state.put("from", h.from().toString());
        state.put("until", h.until() == null ? null : h.until().toString());
        state.put("lifted", h.liftedAt() != null);
        state.put("source", h.source());
        return state;
    }

    private static ContactHold map(ResultSet rs, int n) throws SQLException {
        Timestamp until = rs.getTimestamp("valid_until");
        Timestamp lifted = rs.getTimestamp("lifted_at");
        return new ContactHold(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("loan_id", UUID.class), HoldType.valueOf(rs.getString("type")),
                rs.getTimestamp("valid_from").toInstant(), until == null ? null : until.toInstant(), rs.getString("reason"),
                rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant(), lifted == null ? null : lifted.toInstant(),
                rs.getString("lifted_by"), rs.getString("source"));
    }
}
