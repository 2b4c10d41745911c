package org.amity.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.amity.messaging.MessageStatus;
import org.amity.messaging.MessageView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the outbox for the console, the portal inbox and the sandbox. */
@Component
public class MessageQueries {

    private final JdbcClient jdbc;

    MessageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MessageView> find(UUID id) {
        return jdbc.sql("SELECT * FROM message_outbox WHERE id = ?").param(id).query(MessageQueries::map).optional();
    }

    /** A customer's messages, newest first; {@code reachedOnly}: only those sent or delivered (the portal inbox). */
    public List<MessageView> ofCustomer(UUID customerId, boolean reachedOnly, int limit) {
        return jdbc.sql("SELECT * FROM message_outbox WHERE customer_id = ?"
                        + (reachedOnly ? " AND status IN ('SENT','DELIVERED') AND channel <> 'VOICE'" : "")
                        + " ORDER BY created_at DESC, id LIMIT ?")
                .params(customerId, limit).query(MessageQueries::map).list();
    }

    /** The latest messages of any customer, optionally of one channel. */
    public List<MessageView> recent(ContactChannel channel, int limit) {
        return jdbc.sql("SELECT * FROM message_outbox" + (channel == null ? "" : " WHERE channel = '" + channel.name() + "'")
                        + " ORDER BY created_at DESC, id LIMIT ?")
                .param(limit).query(MessageQueries::map).list();
    }

    /** Letters put into the print batch between two instants (a business day). */
    public List<MessageView> letters(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT * FROM message_outbox WHERE channel = 'LETTER' AND status IN ('SENT','DELIVERED')
                   AND sent_at >= ? AND sent_at < ? ORDER BY sent_at, id""")
                .params(Timestamp.from(from), Timestamp.from(to)).query(MessageQueries::map).list();
    }

    public record Counts(long queued, long sending, long sent, long delivered, long failed, long unsupported) {
    }

    public Counts counts() {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'QUEUED'), count(*) FILTER (WHERE status = 'SENDING'),
                       count(*) FILTER (WHERE status = 'SENT'), count(*) FILTER (WHERE status = 'DELIVERED'),
                       count(*) FILTER (WHERE status = 'FAILED'), count(*) FILTER (WHERE status = 'LEGAL_CLAIM_UNSUPPORTED')
                  FROM message_outbox""")
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .single();
    }

    static MessageView map(ResultSet rs, int n) throws SQLException {
        int version = rs.getInt("template_version");
        Integer templateVersion = rs.wasNull() ? null : version;
        return new MessageView(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("loan_id", UUID.class), ContactPurpose.valueOf(rs.getString("purpose")),
                ContactChannel.valueOf(rs.getString("channel")), rs.getString("destination"), rs.getString("language"),
                rs.getString("template_key"), templateVersion, MessageStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("subject"), rs.getString("body"),
                rs.getObject("decision_id", UUID.class), instant(rs, "created_at"), instant(rs, "sent_at"),
                instant(rs, "delivered_at"), instant(rs, "next_attempt_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
