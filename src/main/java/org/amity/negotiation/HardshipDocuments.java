package org.amity.negotiation;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.identity.CurrentUser;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.amity.platform.files.FileSignature;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence for a hardship request (payslips, a medical certificate…): PDF, JPEG or PNG recognised by their first
 * bytes (never by the name or the declared type), at most 10 MB each. A refused file changes nothing else.
 */
@Service
public class HardshipDocuments {

    public static final int MAX_BYTES = FileSignature.MAX_BYTES;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final AuditTrail audit;

    HardshipDocuments(JdbcClient jdbc, BusinessClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public record Document(UUID id, UUID requestId, String fileName, String contentType, int sizeBytes) {
    }

    /** The type a file really is, from its magic bytes; throws a 400 problem for anything else, empty or too large. */
    public static String contentType(String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName;
        if (bytes == null || bytes.length == 0) {
            throw ApiProblem.badRequest("EMPTY_DOCUMENT", "file", name + " is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw ApiProblem.badRequest("DOCUMENT_TOO_LARGE", "file", name + " is larger than 10 MB");
        }
        return FileSignature.detect(bytes).map(FileSignature.Kind::contentType).orElseThrow(() -> ApiProblem.badRequest(
                "UNSUPPORTED_DOCUMENT", "file", name + " is not a PDF, JPEG or PNG file").allowedValues(FileSignature.ALLOWED_CONTENT_TYPES));
    }

    @Transactional
    public Document attach(UUID requestId, String fileName, byte[] bytes) {
        UUID customerId = jdbc.sql("SELECT customer_id FROM hardship_request WHERE id = ?").param(requestId).query(UUID.class)
                .optional().orElseThrow(() -> ApiProblem.notFound("HARDSHIP_REQUEST_NOT_FOUND", "No hardship request " + requestId));
        CurrentUser.requireAccessTo(customerId);
        String type = contentType(fileName, bytes);
        String name = fileName == null || fileName.isBlank() ? "document" : fileName.replaceAll("[\\r\\n/\\\\]", "_");
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO hardship_document (id, request_id, customer_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, requestId, customerId, name, type, bytes.length, bytes, CurrentUser.name(), Timestamp.from(clock.instant()))
                .update();
        audit.record("HARDSHIP_DOCUMENT_ADDED", "HardshipRequest", requestId.toString(), null,
                Map.of("document", id.toString(), "fileName", name, "contentType", type, "bytes", bytes.length));
        return new Document(id, requestId, name, type, bytes.length);
    }

    public List<Document> of(UUID requestId) {
        return jdbc.sql("SELECT id, request_id, file_name, content_type, size_bytes FROM hardship_document WHERE request_id = ? ORDER BY uploaded_at")
                .param(requestId).query((rs, n) -> new Document(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getInt(5))).list();
    }

}
