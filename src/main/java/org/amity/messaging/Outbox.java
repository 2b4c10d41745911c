package org.amity.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.amity.identity.CurrentUser;
import org.amity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a message for the dispatcher. Callers first ask the contact engine and pass the allowing decision's id;
 * the message is written in the caller's transaction (mandatory), so a message exists exactly when its decision
 * does. The same idempotency key twice queues one message and returns the first one's id.
 */
@Service
public class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    Outbox(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param templateKey a specific template (e.g. a {@link Notice} name), or null for the purpose's template on
     *                    that channel in that language
     */
    public record QueuedMessage(UUID customerId, UUID loanId, ContactPurpose purpose, ContactChannel channel,
                                String destination, String language, String templateKey, Map<String, String> variables,
                                UUID decisionId, String idempotencyKey) {

        public QueuedMessage {
            if (customerId == null || purpose == null || channel == null || destination == null || language == null
                    || decisionId == null || idempotencyKey == null) {
                throw new IllegalArgumentException("customerId, purpose, channel, destination, language, decisionId and idempotencyKey are required");
            }
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(QueuedMessage m) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                INSERT INTO message_outbox (id, customer_id, loan_id, purpose, channel, destination, language, template_key,
                    variables, decision_id, idempotency_key, status, created_at, created_by, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'QUEUED', ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(id, m.customerId(), m.loanId(), m.purpose().name(), m.channel().name(), m.destination(), m.language(),
                        m.templateKey(), JSON.writeValueAsString(m.variables()), m.decisionId(), m.idempotencyKey(),
                        now, CurrentUser.name(), now)
                .update();
        return inserted == 1 ? id : byIdempotencyKey(m.idempotencyKey()).orElseThrow();
    }

    /**
     * Queues the one reply that needs no contact decision: the confirmation of an SMS opt-out keyword, which answers
     * the customer's own message (a single confirmation text is what TCPA practice and the CN SMS rules expect).
     * Messaging's own use only.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueueReply(UUID customerId, ContactPurpose purpose, ContactChannel channel, String destination,
                             String language, String templateKey, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                INSERT INTO message_outbox (id, customer_id, purpose, channel, destination, language, template_key, variables,
                    idempotency_key, status, created_at, created_by, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, '{}'::jsonb, ?, 'QUEUED', ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(id, customerId, purpose.name(), channel.name(), destination, language, templateKey, idempotencyKey,
                        now, CurrentUser.name(), now)
                .update();
        return inserted == 1 ? id : byIdempotencyKey(idempotencyKey).orElseThrow();
    }

    public Optional<UUID> byIdempotencyKey(String key) {
        return jdbc.sql("SELECT id FROM message_outbox WHERE idempotency_key = ?").param(key).query(UUID.class).optional();
    }
}
