package org.amity.complaints;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A complaint case as the API, console and portal see it. */
public record ComplaintView(UUID id, String reference, UUID customerId, UUID loanId, ComplaintChannel channel,
                            String description, Instant receivedAt, Instant incidentAt, String jurisdiction,
                            ComplaintCategory category, BigDecimal triageConfidence, Severity severity, Complexity complexity,
                            String severityReasons, ComplaintStatus status, Instant acknowledgeBy, Instant summaryBy,
                            Instant resolveBy, boolean extended, Instant acknowledgedAt, Instant resolvedAt, String department,
                            String validity, String validityNotes, boolean contactRelated, boolean holdPlaced,
                            String lastProposer, int rejections, String mediationOrg, String mediationRef,
                            String mediationOutcome, String regulatorRef, Instant regulatorDeadline, String regulatorOutcome,
                            Integer surveyRating, String surveyComment, Instant surveyAt, String source, Instant createdAt,
                            String createdBy) {

    static ComplaintView map(ResultSet rs, int n) throws SQLException {
        int rating = rs.getInt("survey_rating");
        Integer survey = rs.wasNull() ? null : rating;
        return new ComplaintView(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getObject("customer_id", UUID.class),
                rs.getObject("loan_id", UUID.class), ComplaintChannel.valueOf(rs.getString("channel")), rs.getString("description"),
                at(rs, "received_at"), at(rs, "incident_at"), rs.getString("jurisdiction"),
                ComplaintCategory.valueOf(rs.getString("category")), rs.getBigDecimal("triage_confidence"),
                Severity.valueOf(rs.getString("severity")), Complexity.valueOf(rs.getString("complexity")),
                rs.getString("severity_reasons"), ComplaintStatus.valueOf(rs.getString("status")), at(rs, "acknowledge_by"),
                at(rs, "summary_by"), at(rs, "resolve_by"), rs.getBoolean("extended"), at(rs, "acknowledged_at"),
                at(rs, "resolved_at"), rs.getString("department"), rs.getString("validity"), rs.getString("validity_notes"),
                rs.getBoolean("contact_related"), rs.getBoolean("hold_placed"), rs.getString("last_proposer"), rs.getInt("rejections"),
                rs.getString("mediation_org"), rs.getString("mediation_ref"), rs.getString("mediation_outcome"),
                rs.getString("regulator_ref"), at(rs, "regulator_deadline"), rs.getString("regulator_outcome"), survey,
                rs.getString("survey_comment"), at(rs, "survey_at"), rs.getString("source"), at(rs, "created_at"),
                rs.getString("created_by"));
    }

    static Instant at(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** One line of the case timeline. */
    public record TimelineEntry(Instant at, String actor, String type, String detail) {
    }

    public record Task(UUID id, String department, String instruction, String status, Instant createdAt, String createdBy,
                       Instant doneAt, String doneBy) {
    }

    public record Note(UUID id, String department, String body, Instant at, String author) {
    }

    public record Resolution(UUID id, String summary, BigDecimal amount, String currency, String status, String proposedBy,
                             Instant proposedAt, String approvedBy, Instant approvedAt, Instant answeredAt, String answeredBy,
                             String answerReason) {
    }

    public record FileInfo(UUID id, UUID visitId, String fileName, String contentType, int sizeBytes, String sha256,
                           Instant uploadedAt, String uploadedBy) {
    }
}
