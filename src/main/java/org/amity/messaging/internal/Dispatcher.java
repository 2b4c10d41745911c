package org.amity.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.amity.messaging.ClaimEvidence;
import org.amity.messaging.MessageStatus;
import org.amity.messaging.MessageTemplate;
import org.amity.platform.BusinessClock;
import org.amity.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what the outbox holds. Each round claims a batch of due messages with {@code FOR UPDATE SKIP LOCKED} — so
 * any number of application nodes can dispatch side by side without sending a message twice — and marks them
 * SENDING with a lease. The batch is rendered and sent in parallel, the provider receiving the message id as its
 * idempotency key, and the results are written in one batch. A failed send is retried with exponential back-off
 * (attempts, next attempt time, last error kept on the row) until {@code maxAttempts}. If the node dies mid-round
 * (kill -9), its claims lapse after the lease and another round sends those messages again with the same key:
 * nothing is lost, and a provider that honours the key delivers each once.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DISPATCHED = List.of("SMS", "EMAIL", "PUSH", "LETTER");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final BusinessClock clock;
    private final MessagingProperties.Dispatcher settings;
    private final Channels channels;
    private final MessageRenderer renderer;
    private final ObjectProvider<ClaimEvidence> evidence;
    private final ContactDecisionService decisions;
    private final LedgerVariables ledger;
    private final ExecutorService workers;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running;
    private Thread loop;

    Dispatcher(JdbcClient jdbc, JdbcTemplate batch, BusinessClock clock, MessagingProperties properties, Channels channels,
               MessageRenderer renderer, ObjectProvider<ClaimEvidence> evidence, ContactDecisionService decisions,
               LedgerVariables ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.settings = properties.dispatcher();
        this.channels = channels;
        this.renderer = renderer;
        this.evidence = evidence;
        this.decisions = decisions;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.threads()), r -> {
            Thread t = new Thread(r, "outbox-send-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    record Claimed(UUID id, UUID customerId, UUID loanId, ContactPurpose purpose, ContactChannel channel, String destination,
                   String language, String templateKey, Map<String, String> variables, UUID decisionId, int attempts,
                   String subject, String body, Integer templateVersion, String claim) {
    }

    /** How one attempt ended. */
    record Result(Claimed message, MessageStatus status, String reason, String error, String providerRef, boolean delivered,
                  String subject, String body, Integer templateVersion) {
    }

    /** One round: claim up to a batch of due messages, send them, record the results. Returns how many were claimed. */
    public int dispatchOnce() {
        return dispatch(null);
    }

    /**
     * One round for the given messages only, if they are due (operations: "send this one now"; tests that must not
     * wait behind other messages). Returns how many were claimed.
     */
    public int dispatch(java.util.Collection<UUID> only) {
        String claim = node + "/" + UUID.randomUUID();
        Instant now = clock.instant();
        List<Claimed> claimed = jdbc.sql("""
                UPDATE message_outbox m
                   SET status = 'SENDING', claimed_until = :until, claimed_by = :claim, attempts = m.attempts + 1, updated_at = :now
                 WHERE m.id IN (SELECT id FROM message_outbox
                                 WHERE ((status = 'QUEUED' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_until < :now))
                                   AND channel IN (:channels)""" + (only == null ? "" : " AND id = ANY(:only)") + """
                                 ORDER BY next_attempt_at
                                 LIMIT :limit
                                 FOR UPDATE SKIP LOCKED)
                RETURNING m.*""")
                .paramSource(params(now, claim, only))
                .query(Dispatcher::mapClaimed).list();
        if (claimed.isEmpty()) {
            return 0;
        }
        // the customers whose messages still need their text, in one query for the batch
        Map<UUID, org.amity.ledger.CustomerView> customers = ledger.prefetch(claimed.stream().filter(m -> m.body() == null)
                .map(Claimed::customerId).toList());
        List<Future<Result>> futures = new ArrayList<>(claimed.size());
        for (Claimed m : claimed) {
            futures.add(workers.submit(() -> attempt(m, now, customers)));
        }
        List<Result> results = new ArrayList<>(claimed.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claimed.size(); // the lease lapses and another round retries these
            } catch (Exception e) {
                results.add(retry(claimed.get(i), null, "dispatcher: " + e, now));
            }
        }
        record(results);
        return claimed.size();
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Instant now, String claim,
                                                                                java.util.Collection<UUID> only) {
        org.springframework.jdbc.core.namedparam.MapSqlParameterSource p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("until", Timestamp.from(now.plus(settings.lease()))).addValue("claim", claim)
                .addValue("now", Timestamp.from(now)).addValue("channels", DISPATCHED).addValue("limit", settings.batchSize());
        if (only != null) {
            p.addValue("only", only.toArray(UUID[]::new));
        }
        return p;
    }

    private Result attempt(Claimed m, Instant now, Map<UUID, org.amity.ledger.CustomerView> customers) {
        if (m.attempts() > settings.maxAttempts()) {
            return new Result(m, MessageStatus.FAILED, "RETRIES_EXHAUSTED", "claimed " + m.attempts() + " times", null, false,
                    m.subject(), m.body(), m.templateVersion());
        }
        String subject = m.subject();
        String body = m.body();
        Integer version = m.templateVersion();
        try {
            MessageTemplate template = renderer.templateFor(m.templateKey(), m.purpose(), m.channel(), m.language());
            for (ClaimEvidence.Claim c : template.claims()) {
                if (m.loanId() == null || evidence.orderedStream().noneMatch(e -> e.supports(m.loanId(), c, now))) {
                    return new Result(m, MessageStatus.LEGAL_CLAIM_UNSUPPORTED, "LEGAL_CLAIM_UNSUPPORTED",
                            "Template " + template.key() + " mentions " + c + " but no genuine record exists for the loan", null,
                            false, null, null, template.version());
                }
            }
            if (body == null) {
                MessageRenderer.Rendered r = renderer.render(template, m.customerId(), m.loanId(), m.variables(), now, customers);
                subject = r.subject();
                body = r.body();
                version = template.version();
            }
        } catch (MessageRenderer.RenderException e) {
            return new Result(m, MessageStatus.FAILED, e.code(), e.getMessage(), null, false, null, null, null);
        } catch (RuntimeException e) {
            return retry(m, null, "render: " + e, now);
        }
        ChannelAdapter adapter = channels.of(m.channel()).orElseThrow();
        try {
            ChannelAdapter.Delivery d = adapter.send(new OutgoingMessage(m.id(), m.customerId(), m.channel(), m.destination(),
                    m.language(), subject, body));
            return new Result(m, d.delivered() ? MessageStatus.DELIVERED : MessageStatus.SENT, null, null, d.providerRef(),
                    d.delivered(), subject, body, version);
        } catch (ChannelAdapter.ChannelException e) {
            log.warn("Message {} ({} to {}) attempt {} failed: {}", m.id(), m.channel(), mask(m), m.attempts(), e.getMessage());
            if (!e.retryable()) {
                return new Result(m, MessageStatus.FAILED, "PROVIDER_REJECTED", e.getMessage(), null, false, subject, body, version);
            }
            Result r = retry(m, e.getMessage(), e.getMessage(), now);
            return new Result(m, r.status(), r.reason(), r.error(), null, false, subject, body, version);
        }
    }

    private Result retry(Claimed m, String reason, String error, Instant now) {
        if (m.attempts() >= settings.maxAttempts()) {
            return new Result(m, MessageStatus.FAILED, "RETRIES_EXHAUSTED", error, null, false, m.subject(), m.body(), m.templateVersion());
        }
        return new Result(m, MessageStatus.QUEUED, null, error, null, false, m.subject(), m.body(), m.templateVersion());
    }

    /** Exponential back-off: backoff × 2^(attempts−1), at most maxBackoff, plus up to 10% jitter. */
    Duration backoff(int attempts) {
        long delay = backoffWithoutJitter(settings.backoff(), settings.maxBackoff(), attempts).toMillis();
        return Duration.ofMillis(delay + ThreadLocalRandom.current().nextLong(Math.max(1, delay / 10)));
    }

    static Duration backoffWithoutJitter(Duration base, Duration max, int attempts) {
        long delay = Math.min(max.toMillis(), base.toMillis() * (1L << Math.min(30, Math.max(0, attempts - 1))));
        return Duration.ofMillis(delay);
    }

    private void record(List<Result> results) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> done = new ArrayList<>();
        List<Object[]> retries = new ArrayList<>();
        for (Result r : results) {
            Claimed m = r.message();
            if (r.status() == MessageStatus.QUEUED) {
                retries.add(new Object[] {Timestamp.from(now.toInstant().plus(backoff(m.attempts()))), r.error(), r.subject(), r.body(),
                        r.templateVersion(), now, m.id(), m.claim()});
            } else {
                boolean sent = r.status().reachedCustomer();
                done.add(new Object[] {r.status().name(), r.reason(), r.error(), sent ? now : null, r.delivered() ? now : null,
                        r.providerRef(), r.subject(), r.body(), r.templateVersion(), now, m.id(), m.claim()});
            }
        }
        if (!done.isEmpty()) {
            // a receipt may already have marked the message DELIVERED/FAILED: a final status from it is kept
            batch.batchUpdate("""
                    UPDATE message_outbox
                       SET status = CASE WHEN status = 'SENDING' THEN ? ELSE status END, reason = ?, last_error = ?,
                           sent_at = COALESCE(sent_at, ?), delivered_at = COALESCE(delivered_at, ?), provider_ref = COALESCE(?, provider_ref),
                           subject = ?, body = ?, template_version = ?, claimed_until = NULL, updated_at = ?
                     WHERE id = ? AND claimed_by = ?""", done);
        }
        if (!retries.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE message_outbox
                       SET status = 'QUEUED', next_attempt_at = ?, last_error = ?, subject = ?, body = ?, template_version = ?,
                           claimed_until = NULL, updated_at = ?
                     WHERE id = ? AND claimed_by = ? AND status = 'SENDING'""", retries);
        }
        for (Result r : results) {
            ContactOutcome outcome = r.delivered() ? ContactOutcome.DELIVERED
                    : (r.status() == MessageStatus.FAILED || r.status() == MessageStatus.LEGAL_CLAIM_UNSUPPORTED) ? ContactOutcome.FAILED : null;
            if (outcome != null && r.message().decisionId() != null) {
                recordOutcome(r.message().decisionId(), outcome);
            }
        }
    }

    /** The reserved attempt's outcome, once: a receipt or a retry that already recorded it wins. */
    public void recordOutcome(UUID decisionId, ContactOutcome outcome) {
        try {
            decisions.find(decisionId).filter(d -> d.reserved() && d.outcome() == null)
                    .ifPresent(d -> decisions.recordOutcome(decisionId, new ContactDecisionService.OutcomeRequest(outcome, null)));
        } catch (RuntimeException e) {
            log.info("Outcome {} of decision {} not recorded: {}", outcome, decisionId, e.getMessage());
        }
    }

    private static String mask(Claimed m) {
        return m.channel() == ContactChannel.EMAIL ? PersonalData.maskEmail(m.destination())
                : m.channel() == ContactChannel.SMS ? PersonalData.maskPhone(m.destination()) : m.destination();
    }

    private static Claimed mapClaimed(ResultSet rs, int n) throws SQLException {
        int version = rs.getInt("template_version");
        return new Claimed(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class), rs.getObject("loan_id", UUID.class),
                ContactPurpose.valueOf(rs.getString("purpose")), ContactChannel.valueOf(rs.getString("channel")),
                rs.getString("destination"), rs.getString("language"), rs.getString("template_key"),
                JSON.readValue(rs.getString("variables"), new TypeReference<Map<String, String>>() { }),
                rs.getObject("decision_id", UUID.class), rs.getInt("attempts"), rs.getString("subject"), rs.getString("body"),
                rs.wasNull() ? null : version, rs.getString("claimed_by"));
    }

    // ---- the background loop ----

    @Override
    public void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        loop = new Thread(this::run, "outbox-dispatcher");
        loop.setDaemon(true);
        loop.start();
        log.info("Outbox dispatcher {} started: batches of {}, {} senders", node, settings.batchSize(), settings.threads());
    }

    private void run() {
        while (running) {
            try {
                int n = dispatchOnce();
                if (n < settings.batchSize()) {
                    Thread.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Outbox dispatch round failed; retrying in 1 s: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
