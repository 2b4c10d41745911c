package org.amity.contact;

import jakarta.annotation.PreDestroy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records decisions that book nothing, each only if the facts it was made on are still current, many concurrent ones
 * with one statement: under load most decisions are refusals, and recording them one statement (and one commit) each
 * was most of the database's work per decision.
 *
 * <p>One thread, the recorder, writes them. A caller queues its row and waits; the recorder takes every row queued,
 * records them with one statement, answers their callers, and goes on with the rows queued meanwhile. A statement thus
 * always starts after every row in it was queued. When it finds fewer than a few rows queued, it waits
 * {@code amity.contact.recorder-gather} (200 µs) for more: each statement and commit has a fixed cost, and under load the
 * wait fills the statement. (A caller leading the statement itself, as {@link
 * org.amity.platform.CoalescedStatements} does for the ledger's reads, left the machine about an eighth idle under
 * load; with the recorder it is fully used.)
 *
 * <p>Each row keeps its own guard, checked by the statement as a single-row insert checks it: the customer's contact
 * version is still the one the facts were read with, the policy revision too, and the ledger version that of a kept
 * standing. A row whose guard fails is not recorded and its caller decides again; the others are recorded. If the
 * statement fails as a whole, each row is tried alone, so one bad row fails only its own caller.
 *
 * <p>Only outside a transaction: a caller inside one must record on its own connection, and in its own transaction.
 */
@Component
class DecisionInserts {

    /** A decision that books nothing, as recorded. */
    record Row(UUID id, UUID customer, UUID loan, String purpose, String channel, String destination, Instant at,
               Instant decidedAt, boolean allowed, String reasons, Instant nextAllowedAt, String alternatives,
               String policyVersion, String requestedBy, long seenVersion, long policyRevision, Long ledgerVersion) {
    }

    /** Whether the row was recorded, or why the attempt failed. */
    record Outcome(boolean recorded, RuntimeException failure) {
    }

    /**
     * The rows, as parallel arrays, recorded where the customer's contact version, the policy revision and (for a kept
     * standing) the ledger version are still the row's; the ids recorded are returned.
     */
    private static final String INSERT_IF_CURRENT = """
            INSERT INTO contact_decision (id, customer_id, loan_id, purpose, channel, destination, evaluated_at, decided_at,
                allowed, reserved, reasons, next_allowed_at, alternatives, policy_version, idempotency_key, requested_by)
            SELECT d.id, d.customer, d.loan, d.purpose, d.channel, d.destination, d.evaluated_at, d.decided_at,
                   d.allowed, false, d.reasons, d.next_allowed_at, d.alternatives, d.policy_version, NULL, d.requested_by
              FROM unnest(CAST(? AS text[])::uuid[], CAST(? AS text[])::uuid[], CAST(? AS text[])::uuid[], CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])::timestamptz[],
                          CAST(? AS text[])::timestamptz[], CAST(? AS text[])::boolean[], CAST(? AS text[]),
                          CAST(? AS text[])::timestamptz[], CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[])::bigint[], CAST(? AS text[])::bigint[], CAST(? AS text[])::bigint[])
                   AS d(id, customer, loan, purpose, channel, destination, evaluated_at, decided_at, allowed, reasons,
                        next_allowed_at, alternatives, policy_version, requested_by, seen, revision, ledger_version)
             WHERE coalesce((SELECT v.version FROM contact_customer_version v WHERE v.customer_id = d.customer), 0) = d.seen
               AND (SELECT revision FROM contact_policy_revision) = d.revision
               AND (d.ledger_version IS NULL OR ledger_version(d.customer) = d.ledger_version)
            RETURNING id""";

    private static final List<Function<Row, Object>> COLUMNS = List.of(Row::id, Row::customer, Row::loan, Row::purpose,
            Row::channel, Row::destination, Row::at, Row::decidedAt, Row::allowed, Row::reasons, Row::nextAllowedAt,
            Row::alternatives, Row::policyVersion, Row::requestedBy, Row::seenVersion, Row::policyRevision, Row::ledgerVersion);

    /** Fewer rows than this, and the recorder waits {@code amity.contact.recorder-gather} for more before it records. */
    private static final int GATHER_BELOW = 4;

    /** The most rows one statement records. */
    private static final int MAX_ROWS = 500;

    private final JdbcTemplate jdbc;
    private final BlockingQueue<Pending> queued = new LinkedBlockingQueue<>();
    private final Thread recorder;
    private final long gatherNanos;
    private volatile boolean stopped;

    /** A caller's row, and the answer it waits for. */
    private record Pending(Row row, CompletableFuture<Outcome> outcome) {
    }

    DecisionInserts(JdbcTemplate jdbc, ContactProperties properties) {
        this.jdbc = jdbc;
        this.gatherNanos = properties.recorderGather().toNanos();
        this.recorder = new Thread(this::recordQueued, "contact-decision-recorder");
        recorder.setDaemon(true);
        recorder.start();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        recorder.interrupt();
    }

    /** The recorder's loop: every row queued, one statement at a time, until the application stops. */
    private void recordQueued() {
        List<Pending> batch = new ArrayList<>();
        while (!stopped) {
            try {
                batch.add(queued.take());
            } catch (InterruptedException e) {
                break;
            }
            queued.drainTo(batch, MAX_ROWS - 1);
            if (batch.size() < GATHER_BELOW && gatherNanos > 0) {
                LockSupport.parkNanos(gatherNanos);
                queued.drainTo(batch, MAX_ROWS - batch.size());
            }
            try {
                Map<UUID, Outcome> outcomes = insertAll(batch.stream().map(Pending::row).toList());
                batch.forEach(p -> p.outcome().complete(outcomes.get(p.row().id())));
            } catch (RuntimeException | Error e) {
                batch.forEach(p -> p.outcome().completeExceptionally(e));
            }
            batch.clear();
        }
        failQueued();
    }

    private void failQueued() {
        Pending left;
        while ((left = queued.poll()) != null) {
            left.outcome().completeExceptionally(new IllegalStateException("The application is stopping"));
        }
    }

    /** Whether this is a caller whose row may share a statement with other callers' rows: one outside a transaction. */
    static boolean mayCoalesce() {
        return !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** Records the row if its guard holds: true if recorded, false if the facts had moved (nothing was recorded). */
    boolean insertIfCurrent(Row row) {
        if (!mayCoalesce()) {
            throw new IllegalStateException("a decision inside a transaction is recorded on the transaction's connection");
        }
        if (stopped) {
            throw new IllegalStateException("The application is stopping");
        }
        Pending pending = new Pending(row, new CompletableFuture<>());
        queued.add(pending);
        Outcome outcome = await(pending);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.recorded();
    }

    /** The recorder's answer; a row queued as the recorder stopped is failed, not waited for forever. */
    private Outcome await(Pending pending) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pending.outcome().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (!recorder.isAlive()) {
                        failQueued();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("Could not record the decision", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Records the rows whose guards hold, with one statement; each row alone if that statement fails. The outcomes are
     * by row id.
     */
    Map<UUID, Outcome> insertAll(List<Row> rows) {
        Map<UUID, Outcome> outcomes = new HashMap<>(rows.size() * 2);
        try {
            Set<UUID> recorded = insert(rows);
            rows.forEach(row -> outcomes.put(row.id(), new Outcome(recorded.contains(row.id()), null)));
        } catch (DataAccessException failed) {
            if (rows.size() == 1) {
                throw failed;
            }
            for (Row row : rows) {
                try {
                    outcomes.put(row.id(), new Outcome(insert(List.of(row)).contains(row.id()), null));
                } catch (RuntimeException e) {
                    outcomes.put(row.id(), new Outcome(false, e));
                }
            }
        }
        return outcomes;
    }

    private Set<UUID> insert(List<Row> rows) {
        return jdbc.execute((ConnectionCallback<Set<UUID>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_IF_CURRENT)) {
                List<Array> arrays = new ArrayList<>(COLUMNS.size());
                for (int column = 0; column < COLUMNS.size(); column++) {
                    arrays.add(textArray(connection, rows, COLUMNS.get(column)));
                    statement.setArray(column + 1, arrays.get(column));
                }
                Set<UUID> recorded = new HashSet<>(rows.size() * 2);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        recorded.add(rs.getObject(1, UUID.class));
                    }
                }
                for (Array array : arrays) {
                    array.free();
                }
                return recorded;
            }
        });
    }

    /** One column of the rows as text (instants in ISO-8601 UTC, exact to the microsecond), nulls kept. */
    private static Array textArray(Connection connection, List<Row> rows, Function<Row, Object> column) throws SQLException {
        String[] values = new String[rows.size()];
        int i = 0;
        for (Row row : rows) {
            Object value = column.apply(row);
            values[i++] = value == null ? null : value.toString();
        }
        return connection.createArrayOf("text", values);
    }
}
