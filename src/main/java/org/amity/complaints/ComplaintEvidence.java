package org.amity.complaints;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactPurpose;
import org.amity.identity.CurrentUser;
import org.amity.ledger.Delinquency;
import org.amity.ledger.LoanService;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.amity.platform.files.FileSignature;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence on a case: files the customer or staff attach (PDF, JPEG, PNG by content, at most 10 MB), and — for
 * contact-related complaints — the contact decisions and attempts around the reported time with the loan's days
 * past due at each of them, so "they called me while I was not overdue" is confirmed or refuted at a glance.
 */
@Service
public class ComplaintEvidence {

    public static final int MAX_FILE_BYTES = FileSignature.MAX_BYTES;
    /** How far before the reported time (or receipt) contacts are shown, and how far after. */
    static final Duration BEFORE = Duration.ofDays(30);
    static final Duration AFTER = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final ComplaintService complaints;
    private final ContactDecisionService decisions;
    private final LoanService loans;

    ComplaintEvidence(JdbcClient jdbc, BusinessClock clock, AuditTrail audit, ComplaintService complaints,
                      ContactDecisionService decisions, LoanService loans) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.complaints = complaints;
        this.decisions = decisions;
        this.loans = loans;
    }

    // ---------------------------------------------------------------- files

    /**
     * Stores one file. A file that is not a PDF, JPEG or PNG by its content, or larger than 10 MB, is refused with a
     * 400 that names it; the case and its other files stay as they are.
     */
    @Transactional
    public ComplaintView.FileInfo attach(UUID complaintId, UUID visitId, String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        if (content == null || content.length == 0) {
            throw ApiProblem.badRequest("FILE_EMPTY", "file", "The file " + name + " is empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw ApiProblem.badRequest("FILE_TOO_LARGE", "file", "The file " + name + " is larger than 10 MB").with("maxBytes", MAX_FILE_BYTES);
        }
        FileSignature.Kind kind = FileSignature.detect(content).orElseThrow(() -> ApiProblem.badRequest("FILE_TYPE_NOT_ALLOWED", "file",
                "The file " + fileName + " is not a PDF, JPEG or PNG (checked by its content, not its name)")
                .allowedValues(FileSignature.ALLOWED_CONTENT_TYPES));
        ComplaintView c = complaints.lock(complaintId);
        UUID id = UUID.randomUUID();
        String sha = sha256(content);
        jdbc.sql("""
                INSERT INTO complaint_file (id, complaint_id, customer_id, visit_id, file_name, content_type, size_bytes, sha256, content,
                    uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, complaintId, c.customerId(), visitId, name, kind.contentType(), content.length, sha, content,
                        Timestamp.from(clock.instant()), CurrentUser.name()).update();
        complaints.timeline(c, "FILE_ATTACHED", name + " (" + kind + ", " + content.length + " bytes, sha256 " + sha.substring(0, 12) + "…)");
        audit.record("COMPLAINT_FILE_ATTACHED", "Complaint", complaintId.toString(), null,
                Map.of("file", id, "name", name, "type", kind.contentType(), "sha256", sha));
        return files(complaintId).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    public List<ComplaintView.FileInfo> files(UUID complaintId) {
        return jdbc.sql("SELECT id, visit_id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by FROM complaint_file WHERE complaint_id = ? ORDER BY uploaded_at")
                .param(complaintId).query((rs, n) -> new ComplaintView.FileInfo(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    public record FileContent(String fileName, String contentType, byte[] content) {
    }

    public Optional<FileContent> content(UUID complaintId, UUID fileId) {
        return jdbc.sql("SELECT file_name, content_type, content FROM complaint_file WHERE id = ? AND complaint_id = ?")
                .params(fileId, complaintId).query((rs, n) -> new FileContent(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- contact evidence

    /** One contact decision or attempt with the loan's delinquency at that instant. */
    public record ContactEvidence(UUID decisionId, Instant at, ContactPurpose purpose, String channel, String destination,
                                  boolean allowed, boolean attempt, String outcome, String reasons, Integer daysPastDue,
                                  boolean collectionWhileNotOverdue) {
    }

    /**
     * @param verdict CONFIRMED: at least one collection contact (or allowed collection decision) was made while the loan
     *                was not past due; REFUTED: every collection contact in the window was at a past-due loan; NO_CONTACTS
     */
    public record ContactEvidenceReport(Instant from, Instant to, List<ContactEvidence> contacts, String verdict,
                                        int collectionContacts, int whileNotOverdue) {
    }

    public ContactEvidenceReport contactEvidence(ComplaintView c) {
        Instant centre = c.incidentAt() != null ? c.incidentAt() : c.receivedAt();
        Instant from = centre.minus(BEFORE);
        Instant to = centre.plus(AFTER);
        List<ContactEvidence> rows = decisions.history(c.customerId(), 500).stream()
                .filter(d -> !d.evaluatedAt().isBefore(from) && !d.evaluatedAt().isAfter(to))
                .filter(d -> c.loanId() == null || d.loanId() == null || d.loanId().equals(c.loanId()))
                .sorted(java.util.Comparator.comparing(ContactDecisionService.DecisionView::evaluatedAt))
                .map(d -> {
                    UUID loan = d.loanId() != null ? d.loanId() : c.loanId();
                    Integer dpd = loan == null ? null : dpd(loan, d.evaluatedAt());
                    boolean collection = d.purpose() == ContactPurpose.COLLECTION;
                    boolean contacted = d.allowed();
                    return new ContactEvidence(d.decisionId(), d.evaluatedAt(), d.purpose(), d.channel().name(),
                            d.destination(), d.allowed(), d.reserved(), d.outcome() == null ? null : d.outcome().name(),
                            String.join(", ", d.reasons().stream().map(ContactDecisionService.ReasonView::code).toList()),
                            dpd, collection && contacted && dpd != null && dpd == 0);
                }).toList();
        int collections = (int) rows.stream().filter(r -> r.purpose() == ContactPurpose.COLLECTION && r.allowed()).count();
        int wrong = (int) rows.stream().filter(ContactEvidence::collectionWhileNotOverdue).count();
        String verdict = collections == 0 ? "NO_CONTACTS" : wrong > 0 ? "CONFIRMED" : "REFUTED";
        return new ContactEvidenceReport(from, to, rows, verdict, collections, wrong);
    }

    private Integer dpd(UUID loanId, Instant at) {
        try {
            Delinquency d = loans.delinquency(loanId, at);
            return d.daysPastDue();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
