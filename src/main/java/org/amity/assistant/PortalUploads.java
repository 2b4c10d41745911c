package org.amity.assistant;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.amity.ledger.LoanApplicationService;
import org.amity.ledger.LoanApplicationView;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.amity.platform.files.FileSignature;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A document a customer uploads for their application: the content must really be a PDF, JPEG or PNG (checked by its
 * first bytes, not by its name or the browser's claim) and at most 10 MB. The file and the checklist change are
 * written in one transaction, so a checklist item never says RECEIVED without the file, nor the reverse.
 */
@Service
public class PortalUploads {

    public static final int MAX_BYTES = FileSignature.MAX_BYTES;

    private final JdbcClient jdbc;
    private final LoanApplicationService applications;
    private final BusinessClock clock;
    private final AuditTrail audit;

    PortalUploads(JdbcClient jdbc, LoanApplicationService applications, BusinessClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public LoanApplicationView upload(UUID customerId, UUID applicationId, String documentType, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw ApiProblem.badRequest("FILE_REQUIRED", "file", "Choose a file to upload");
        }
        if (content.length > MAX_BYTES) {
            throw ApiProblem.badRequest("FILE_TOO_LARGE", "file", "A document is at most 10 MB; this one is "
                    + String.format("%.1f", content.length / 1024.0 / 1024.0) + " MB");
        }
        String mediaType = FileSignature.detect(content).map(FileSignature.Kind::contentType).orElseThrow(() -> ApiProblem.badRequest(
                "UNSUPPORTED_FILE_TYPE", "file", "Only PDF, JPEG or PNG documents are accepted")
                .allowedValues(FileSignature.ALLOWED_CONTENT_TYPES));
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String sha = sha256(content);
        // the ledger checks that the application is the customer's and that the item waits for them, before the file lands
        LoanApplicationView updated = applications.receiveFromCustomer(applicationId, customerId, documentType, "upload " + id);
        jdbc.sql("""
                INSERT INTO portal_document_upload (id, customer_id, application_id, document_type, file_name, media_type,
                                                    size_bytes, sha256, content, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, customerId, applicationId, documentType.strip().toUpperCase(), name, mediaType, content.length, sha,
                        content, Timestamp.from(clock.instant())).update();
        audit.record("DOCUMENT_UPLOADED", "LoanApplication", applicationId.toString(), null,
                Map.of("upload", id.toString(), "type", documentType.strip().toUpperCase(), "mediaType", mediaType,
                        "bytes", content.length, "sha256", sha));
        return updated;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
