package org.amity.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.ledger.LoanApplicationView.ApplicationStatus;
import org.amity.ledger.LoanApplicationView.ChecklistItem;
import org.amity.ledger.LoanApplicationView.DocumentState;
import org.amity.ledger.LoanApplicationView.TimelineEntry;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loan applications: SUBMITTED → DOCUMENTS_REQUIRED → UNDER_REVIEW → APPROVED | REJECTED → DISBURSED, with a
 * document checklist. Whether the customer must act is derived, never stored, so it cannot go stale.
 */
@Service
public class LoanApplicationService {

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> NEXT = Map.of(
            ApplicationStatus.SUBMITTED, EnumSet.of(ApplicationStatus.DOCUMENTS_REQUIRED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REJECTED),
            ApplicationStatus.DOCUMENTS_REQUIRED, EnumSet.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REJECTED),
            ApplicationStatus.UNDER_REVIEW, EnumSet.of(ApplicationStatus.DOCUMENTS_REQUIRED, ApplicationStatus.APPROVED, ApplicationStatus.REJECTED),
            ApplicationStatus.APPROVED, EnumSet.of(ApplicationStatus.DISBURSED),
            ApplicationStatus.REJECTED, EnumSet.noneOf(ApplicationStatus.class),
            ApplicationStatus.DISBURSED, EnumSet.noneOf(ApplicationStatus.class));

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;

    LoanApplicationService(JdbcClient jdbc, BusinessClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public record NewApplication(String externalId, UUID customerId, String product, BigDecimal amount, String currency,
                                 List<String> documents) {
    }

    @Transactional
    public LoanApplicationView submit(NewApplication r) {
        if (r == null) {
            throw ApiProblem.badRequest("BODY_REQUIRED", null, "An application is required");
        }
        String externalId = CustomerService.required(r.externalId(), "externalId", 64);
        if (r.customerId() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "customerId", "customerId is required");
        }
        String product = CustomerService.required(r.product(), "product", 40).toUpperCase();
        BigDecimal amount = LoanService.positiveMoney(r.amount(), "amount");
        String currency = CustomerService.required(r.currency(), "currency", 3).toUpperCase();
        List<String> documents = r.documents() == null ? List.of() : r.documents().stream()
                .map(d -> CustomerService.required(d, "documents", 40).toUpperCase()).distinct().toList();
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM customer WHERE id = ?)").param(r.customerId()).query(Boolean.class).single()) {
            throw ApiProblem.badRequest("UNKNOWN_CUSTOMER", "customerId", "No customer with id " + r.customerId());
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM loan_application WHERE external_id = ?)").param(externalId).query(Boolean.class).single()) {
            throw ApiProblem.conflict("DUPLICATE_EXTERNAL_ID", "externalId", "An application with externalId '" + externalId + "' already exists");
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO loan_application (id, customer_id, external_id, product, amount, currency, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)""")
                .params(id, r.customerId(), externalId, product, amount, currency, now, now).update();
        for (String type : documents) {
            jdbc.sql("INSERT INTO application_document (application_id, customer_id, type, state, updated_at) VALUES (?, ?, ?, 'REQUIRED', ?)")
                    .params(id, r.customerId(), type, now).update();
        }
        timeline(id, r.customerId(), ApplicationStatus.SUBMITTED, null, now);
        audit.record("APPLICATION_SUBMITTED", "LoanApplication", id.toString(), null,
                Map.of("externalId", externalId, "product", product, "amount", amount.toPlainString() + " " + currency,
                        "documents", documents));
        return find(id).orElseThrow();
    }

    @Transactional
    public LoanApplicationView changeStatus(UUID id, ApplicationStatus target, String note) {
        if (target == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "status", "status is required").allowedValues(List.of(ApplicationStatus.values()));
        }
        LoanApplicationView current = lock(id);
        if (!NEXT.get(current.status()).contains(target)) {
            throw ApiProblem.conflict("ILLEGAL_TRANSITION", "status", "An application that is " + current.status()
                    + " cannot become " + target + "; next may be " + NEXT.get(current.status()))
                    .allowedValues(NEXT.get(current.status()));
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE loan_application SET status = ?, updated_at = ? WHERE id = ?").params(target.name(), now, id).update();
        timeline(id, current.customerId(), target, note, now);
        audit.record("APPLICATION_STATUS_CHANGED", "LoanApplication", id.toString(), Map.of("status", current.status().name()),
                Map.of("status", target.name(), "note", note == null ? "" : note));
        return find(id).orElseThrow();
    }

    /** Adds a checklist item or moves it to a new state (e.g. RECEIVED when the customer uploads it). */
    @Transactional
    public LoanApplicationView updateDocument(UUID id, String type, DocumentState state, String note) {
        String docType = CustomerService.required(type, "type", 40).toUpperCase();
        if (state == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "state", "state is required").allowedValues(List.of(DocumentState.values()));
        }
        LoanApplicationView current = lock(id);
        if (!current.status().open()) {
            throw ApiProblem.conflict("APPLICATION_CLOSED", null, "The application is " + current.status());
        }
        Optional<ChecklistItem> before = current.checklist().stream().filter(i -> i.type().equals(docType)).findFirst();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO application_document (application_id, customer_id, type, state, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (application_id, type) DO UPDATE SET state = EXCLUDED.state, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at""")
                .params(id, current.customerId(), docType, state.name(), note, now).update();
        jdbc.sql("UPDATE loan_application SET updated_at = ? WHERE id = ?").params(now, id).update();
        audit.record("APPLICATION_DOCUMENT_UPDATED", "LoanApplication", id.toString(),
                before.map(b -> Map.<String, Object>of("type", docType, "state", b.state().name())).orElse(null),
                Map.of("type", docType, "state", state.name()));
        return find(id).orElseThrow();
    }

    /**
     * The customer sent a document the checklist waits for (an upload in the portal): the item becomes RECEIVED for
     * the bank to check. Only the application's own customer, only an open application, only an item that waits on
     * the customer (required or rejected); {@code reference} names the stored file. Audited like every checklist change.
     */
    @Transactional
    public LoanApplicationView receiveFromCustomer(UUID id, UUID customerId, String type, String reference) {
        LoanApplicationView current = find(id).filter(a -> a.customerId().equals(customerId))
                .orElseThrow(() -> ApiProblem.notFound("APPLICATION_NOT_FOUND", "No application with id " + id));
        String docType = CustomerService.required(type, "type", 40).toUpperCase();
        ChecklistItem item = current.checklist().stream().filter(i -> i.type().equals(docType)).findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("UNKNOWN_DOCUMENT", "type", "The application does not ask for " + docType)
                        .allowedValues(current.checklist().stream().filter(ChecklistItem::waitsOnCustomer).map(ChecklistItem::type).toList()));
        if (!item.waitsOnCustomer()) {
            throw ApiProblem.conflict("DOCUMENT_NOT_AWAITED", "type", docType + " is already " + item.state() + "; nothing to send");
        }
        return updateDocument(id, docType, DocumentState.RECEIVED, "uploaded by the customer: " + reference);
    }

    public Optional<LoanApplicationView> find(UUID id) {
        return jdbc.sql("SELECT * FROM loan_application WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<LoanApplicationView> applicationsOf(UUID customerId) {
        return jdbc.sql("SELECT * FROM loan_application WHERE customer_id = ? ORDER BY created_at DESC").param(customerId)
                .query(this::map).list();
    }

    /**
     * Whether any open application waits on the customer: the same rule as {@code customerActionRequired}, asked in
     * one query (every contact decision asks it).
     */
    public boolean anyNeedingCustomerAction(UUID customerId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM loan_application a
                                WHERE a.customer_id = :c AND a.status NOT IN ('REJECTED', 'DISBURSED')
                                  AND (a.status = 'DOCUMENTS_REQUIRED'
                                       OR (a.status <> 'APPROVED' AND EXISTS (
                                             SELECT 1 FROM application_document d
                                              WHERE d.application_id = a.id AND d.state IN ('REQUIRED', 'REJECTED')))))""")
                .param("c", customerId).query(Boolean.class).single();
    }

    /** Open applications of the customer that wait on the customer's action. */
    public List<LoanApplicationView> needingCustomerAction(UUID customerId) {
        return applicationsOf(customerId).stream().filter(LoanApplicationView::customerActionRequired).toList();
    }

    private LoanApplicationView lock(UUID id) {
        jdbc.sql("SELECT id FROM loan_application WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional()
                .orElseThrow(() -> ApiProblem.notFound("APPLICATION_NOT_FOUND", "No application with id " + id));
        return find(id).orElseThrow();
    }

    private void timeline(UUID id, UUID customerId, ApplicationStatus status, String note, Timestamp at) {
        jdbc.sql("INSERT INTO application_event (application_id, customer_id, status, note, actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, customerId, status.name(), note, CurrentUser.name(), at).update();
    }

    private LoanApplicationView map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        ApplicationStatus status = ApplicationStatus.valueOf(rs.getString("status"));
        List<TimelineEntry> timeline = jdbc.sql("SELECT * FROM application_event WHERE application_id = ? ORDER BY id").param(id)
                .query((r, k) -> new TimelineEntry(ApplicationStatus.valueOf(r.getString("status")), r.getString("note"),
                        r.getString("actor"), r.getTimestamp("occurred_at").toInstant())).list();
        List<ChecklistItem> checklist = jdbc.sql("SELECT * FROM application_document WHERE application_id = ? ORDER BY type").param(id)
                .query((r, k) -> new ChecklistItem(r.getString("type"), DocumentState.valueOf(r.getString("state")),
                        r.getString("note"), r.getTimestamp("updated_at").toInstant())).list();
        boolean actionRequired = status.open() && (status == ApplicationStatus.DOCUMENTS_REQUIRED
                || (status != ApplicationStatus.APPROVED && checklist.stream().anyMatch(ChecklistItem::waitsOnCustomer)));
        Instant created = rs.getTimestamp("created_at").toInstant();
        return new LoanApplicationView(id, rs.getString("external_id"), rs.getObject("customer_id", UUID.class),
                rs.getString("product"), rs.getBigDecimal("amount"), rs.getString("currency"), status, actionRequired,
                timeline, checklist, created, rs.getTimestamp("updated_at").toInstant());
    }

}
