package org.amity.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.ledger.LoanService;
import org.amity.messaging.ClaimEvidence;
import org.amity.messaging.LitigationRecord;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The litigation register: the cases the bank has really filed, recorded by legal staff (ADMIN, COMPLIANCE) and
 * audited. It is the {@link ClaimEvidence} for {@code LEGAL_ACTION}: a message that mentions legal action is sent
 * only for a loan with a case filed on or before the send date and not withdrawn (12 CFR 1006.18(c)(5); CONC
 * 7.9.4R(d); 互联网金融逾期债务催收自律公约: no false threats of litigation).
 */
@Service
public class LitigationRegister implements ClaimEvidence {

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final LoanService loans;

    LitigationRegister(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, LoanService loans) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.loans = loans;
    }

    @Override
    public boolean supports(UUID loanId, Claim claim, Instant at) {
        if (claim != Claim.LEGAL_ACTION || loanId == null) {
            return false;
        }
        LocalDate date = LocalDate.ofInstant(at, clock.bankZone());
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM litigation_record WHERE loan_id = ? AND filed_on <= ?
                                  AND (withdrawn_at IS NULL OR withdrawn_at > ?))""")
                .params(loanId, date, Timestamp.from(at)).query(Boolean.class).single();
    }

    public record NewCase(String court, String caseReference, LocalDate filedOn) {
    }

    @Transactional
    public LitigationRecord record(UUID loanId, NewCase c) {
        if (c == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "court, caseReference and filedOn are required");
        }
        String court = required(c.court(), "court");
        String reference = required(c.caseReference(), "caseReference");
        if (c.filedOn() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "filedOn", "filedOn (the date the case was filed) is required");
        }
        if (c.filedOn().isAfter(LocalDate.ofInstant(clock.instant(), clock.bankZone()))) {
            throw ApiProblem.badRequest("FILED_IN_FUTURE", "filedOn", "A case cannot be recorded before it is filed");
        }
        UUID customerId = loans.customerOf(loanId);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO litigation_record (id, customer_id, loan_id, court, case_reference, filed_on, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (court, case_reference) DO NOTHING""")
                .params(id, customerId, loanId, court, reference, c.filedOn(), Timestamp.from(clock.instant()), CurrentUser.name())
                .update();
        if (inserted == 0) {
            throw ApiProblem.conflict("DUPLICATE_CASE", "caseReference", "Case " + reference + " at " + court + " is already recorded");
        }
        LitigationRecord saved = find(id);
        audit.record("LITIGATION_RECORDED", "Loan", loanId.toString(), null, state(saved));
        return saved;
    }

    @Transactional
    public LitigationRecord withdraw(UUID loanId, UUID caseId) {
        LitigationRecord before = find(caseId);
        if (!before.loanId().equals(loanId)) {
            throw ApiProblem.notFound("CASE_NOT_FOUND", "No case " + caseId + " on loan " + loanId);
        }
        if (before.withdrawnAt() != null) {
            return before;
        }
        jdbc.sql("UPDATE litigation_record SET withdrawn_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), caseId).update();
        LitigationRecord after = find(caseId);
        audit.record("LITIGATION_WITHDRAWN", "Loan", loanId.toString(), state(before), state(after));
        return after;
    }

    public List<LitigationRecord> ofLoan(UUID loanId) {
        return jdbc.sql("SELECT * FROM litigation_record WHERE loan_id = ? ORDER BY filed_on DESC").param(loanId)
                .query(LitigationRegister::map).list();
    }

    private LitigationRecord find(UUID id) {
        return jdbc.sql("SELECT * FROM litigation_record WHERE id = ?").param(id).query(LitigationRegister::map).optional()
                .orElseThrow(() -> ApiProblem.notFound("CASE_NOT_FOUND", "No case " + id));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", field, field + " is required");
        }
        if (value.length() > 200) {
            throw ApiProblem.badRequest("FIELD_TOO_LONG", field, field + " is at most 200 characters");
        }
        return value.trim();
    }

    private static Map<String, Object> state(LitigationRecord r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("court", r.court());
        s.put("caseReference", r.caseReference());
        s.put("filedOn", r.filedOn().toString());
        s.put("withdrawnAt", r.withdrawnAt() == null ? null : r.withdrawnAt().toString());
        return s;
    }

    private static LitigationRecord map(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new LitigationRecord(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("loan_id", UUID.class), rs.getString("court"), rs.getString("case_reference"),
                rs.getObject("filed_on", LocalDate.class), withdrawn == null ? null : withdrawn.toInstant(),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }
}
