package org.amity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.amity.messaging.Outbox.QueuedMessage;
import org.amity.support.AmityIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox takes a message only inside its decision's transaction, and once per idempotency key. */
@AmityIntegrationTest
class OutboxIT {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private QueuedMessage message(String key) {
        return new QueuedMessage(UUID.randomUUID(), null, ContactPurpose.REPAYMENT_REMINDER, ContactChannel.SMS, "+8613800000001",
                "zh-CN", null, Map.of("amount", "1,032.80"), UUID.randomUUID(), key);
    }

    @Test
    void theSameKeyQueuesOneMessage() {
        String key = "plan:2026-11-24:" + UUID.randomUUID();
        UUID first = tx.execute(s -> outbox.enqueue(message(key)));
        UUID second = tx.execute(s -> outbox.enqueue(message(key)));

        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM message_outbox WHERE idempotency_key = ?").param(key).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void aMessageIsNeverQueuedOutsideATransaction() {
        assertThatThrownBy(() -> outbox.enqueue(message("no-tx-" + UUID.randomUUID())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aRolledBackDecisionLeavesNoMessage() {
        String key = "rollback-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            outbox.enqueue(message(key));
            s.setRollbackOnly();
        });
        assertThat(outbox.byIdempotencyKey(key)).isEmpty();
    }
}
