package org.amity.assistant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversation state in the database, not in a node's memory: one row per session with at most one pending action,
 * so the state is bounded whatever the customer types and any node can take the next message.
 */
@Repository
class Conversations {

    record Conversation(UUID id, UUID customerId, int turns, PendingAction pending, Integer pendingTurn, String pendingText,
                        Instant pendingUntil) {

        boolean hasPending(Instant now) {
            return pending != null && pendingUntil != null && pendingUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    Conversations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The session's conversation, created on first use and locked for this transaction (one message at a time). */
    Conversation lockOrStart(UUID customerId, String sessionKey, Instant now) {
        // the common case is one round trip: the row exists and is locked; only a session's first message inserts it
        Conversation c = lock(sessionKey).orElseGet(() -> {
            jdbc.sql("""
                    INSERT INTO assistant_conversation (id, customer_id, session_key, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_key) DO NOTHING""")
                    .params(UUID.randomUUID(), customerId, sessionKey, Timestamp.from(now), Timestamp.from(now)).update();
            return lock(sessionKey).orElseThrow();
        });
        if (!c.customerId().equals(customerId)) {
            // a session key is per login; a different customer behind the same key must never see its state
            throw new IllegalStateException("Conversation " + c.id() + " belongs to another customer");
        }
        return c;
    }

    private java.util.Optional<Conversation> lock(String sessionKey) {
        return jdbc.sql("SELECT * FROM assistant_conversation WHERE session_key = ? FOR UPDATE").param(sessionKey)
                .query((rs, n) -> new Conversation(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                        rs.getInt("turns"), rs.getString("pending_action") == null ? null : PendingAction.valueOf(rs.getString("pending_action")),
                        (Integer) rs.getObject("pending_turn"), rs.getString("pending_text"),
                        rs.getTimestamp("pending_until") == null ? null : rs.getTimestamp("pending_until").toInstant()))
                .optional();
    }

    /** The turn and the conversation's new state in one round trip. */
    void recordTurn(Conversation c, int n, String text, ReplyLanguage language, Intent intent, double confidence, String reply,
                    String action, PendingAction pending, Integer pendingTurn, String pendingText, Instant pendingUntil, Instant now) {
        jdbc.sql("""
                WITH turn AS (
                    INSERT INTO assistant_turn (conversation_id, n, customer_id, text, language, intent, confidence, reply, action, at)
                    VALUES (:id, :n, :customer, :text, :language, :intent, :confidence, :reply, :action, :now))
                UPDATE assistant_conversation SET turns = :n, pending_action = :pending, pending_turn = :pendingTurn,
                       pending_text = :pendingText, pending_until = :pendingUntil, updated_at = :now WHERE id = :id""")
                .param("id", c.id()).param("n", n).param("customer", c.customerId()).param("text", text)
                .param("language", language.tag).param("intent", intent.name())
                .param("confidence", BigDecimal.valueOf(confidence).setScale(4, RoundingMode.HALF_EVEN))
                .param("reply", reply).param("action", action).param("now", Timestamp.from(now))
                .param("pending", pending == null ? null : pending.name()).param("pendingTurn", pendingTurn)
                .param("pendingText", pendingText).param("pendingUntil", pendingUntil == null ? null : Timestamp.from(pendingUntil))
                .update();
    }

    UUID requestCallback(Conversation c, int turn, ReplyLanguage language, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO assistant_callback_request (id, customer_id, conversation_id, turn, language, requested_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, c.customerId(), c.id(), turn, language.tag, Timestamp.from(now)).update();
        return id;
    }

    /** Open callback requests, oldest first, for agents. */
    java.util.List<CallbackRequest> openCallbacks(int limit) {
        return jdbc.sql("SELECT * FROM assistant_callback_request WHERE status = 'OPEN' ORDER BY requested_at LIMIT ?").param(limit)
                .query((rs, n) -> new CallbackRequest(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                        rs.getString("language"), rs.getTimestamp("requested_at").toInstant())).list();
    }

    boolean hasOpenCallback(UUID customerId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM assistant_callback_request WHERE customer_id = ? AND status = 'OPEN')")
                .param(customerId).query(Boolean.class).single();
    }

    record TurnView(int n, String text, String reply, String intent, Instant at) {
    }

    /** The latest turns of a session's conversation, oldest first, for the chat page. */
    java.util.List<TurnView> transcript(UUID customerId, String sessionKey, int limit) {
        java.util.List<TurnView> latest = jdbc.sql("""
                SELECT t.n, t.text, t.reply, t.intent, t.at FROM assistant_turn t
                  JOIN assistant_conversation c ON c.id = t.conversation_id
                 WHERE c.session_key = ? AND c.customer_id = ? ORDER BY t.n DESC LIMIT ?""")
                .params(sessionKey, customerId, limit)
                .query((rs, k) -> new TurnView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
        java.util.List<TurnView> oldestFirst = new java.util.ArrayList<>(latest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
