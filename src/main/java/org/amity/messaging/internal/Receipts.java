package org.amity.messaging.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactOutcome;
import org.amity.messaging.MessageStatus;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery receipts from providers: the message (by our id, which providers echo as their idempotency key, or by
 * their reference) becomes DELIVERED or FAILED, and the reserved contact attempt behind it gets the same outcome.
 * The first final status stands; a repeated receipt changes nothing.
 */
@Service
public class Receipts {

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final Dispatcher dispatcher;

    Receipts(JdbcClient jdbc, BusinessClock clock, Dispatcher dispatcher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    public enum ReceiptStatus { DELIVERED, FAILED }

    public record Receipt(String messageId, String providerRef, ReceiptStatus status, Instant occurredAt, String error) {
    }

    public record Applied(UUID messageId, MessageStatus status, boolean changed) {
    }

    @Transactional
    public Applied apply(ContactChannel channel, Receipt r) {
        if (r == null || r.status() == null) {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "status", "status is DELIVERED or FAILED")
                    .allowedValues(java.util.List.of(ReceiptStatus.values()));
        }
        record Row(UUID id, String channel, String status, UUID decisionId) {
        }
        Optional<Row> found;
        if (r.messageId() != null && !r.messageId().isBlank()) {
            UUID id;
            try {
                id = UUID.fromString(r.messageId().trim());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("INVALID_MESSAGE_ID", "messageId", "messageId is the id Amity sent as Idempotency-Key");
            }
            found = jdbc.sql("SELECT id, channel, status, decision_id FROM message_outbox WHERE id = ? FOR UPDATE").param(id)
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class)))
                    .optional();
        } else if (r.providerRef() != null && !r.providerRef().isBlank()) {
            found = jdbc.sql("SELECT id, channel, status, decision_id FROM message_outbox WHERE provider_ref = ? FOR UPDATE")
                    .param(r.providerRef().trim())
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class)))
                    .optional();
        } else {
            throw ApiProblem.badRequest("FIELD_REQUIRED", "messageId", "messageId or providerRef is required");
        }
        Row row = found.filter(m -> m.channel().equals(channel.name()))
                .orElseThrow(() -> ApiProblem.notFound("MESSAGE_NOT_FOUND", "No " + channel + " message for this receipt"));
        MessageStatus current = MessageStatus.valueOf(row.status());
        if (current == MessageStatus.DELIVERED || current == MessageStatus.FAILED || current == MessageStatus.LEGAL_CLAIM_UNSUPPORTED) {
            return new Applied(row.id(), current, false);
        }
        MessageStatus next = r.status() == ReceiptStatus.DELIVERED ? MessageStatus.DELIVERED : MessageStatus.FAILED;
        Instant at = r.occurredAt() == null ? clock.instant() : r.occurredAt();
        jdbc.sql("""
                UPDATE message_outbox SET status = ?, delivered_at = CASE WHEN ? THEN ? ELSE delivered_at END,
                       reason = CASE WHEN ? THEN 'PROVIDER_FAILED' ELSE reason END, last_error = COALESCE(?, last_error), updated_at = ?
                 WHERE id = ?""")
                .params(next.name(), next == MessageStatus.DELIVERED, Timestamp.from(at), next == MessageStatus.FAILED,
                        r.error() == null ? null : r.error().substring(0, Math.min(500, r.error().length())),
                        Timestamp.from(clock.instant()), row.id())
                .update();
        if (row.decisionId() != null) {
            dispatcher.recordOutcome(row.decisionId(), next == MessageStatus.DELIVERED ? ContactOutcome.DELIVERED : ContactOutcome.FAILED);
        }
        return new Applied(row.id(), next, true);
    }
}
