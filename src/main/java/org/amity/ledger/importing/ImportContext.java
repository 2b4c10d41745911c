package org.amity.ledger.importing;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** What one import run shares: the transaction's connection, the error list, "now", and progress reporting. */
final class ImportContext {

    /** How often (in rows) progress is reported; reporting costs a small write in its own transaction. */
    private static final int PROGRESS_EVERY = 10_000;

    final Connection connection;
    final JdbcClient jdbc;
    final ImportErrors errors;
    final Instant now;
    final OrderedIds ids;
    private final LongConsumer progress;
    private long processed;

    ImportContext(Connection connection, JdbcClient jdbc, Instant now, LongConsumer progress) {
        this(connection, jdbc, new ImportErrors(), now, progress);
    }

    private ImportContext(Connection connection, JdbcClient jdbc, ImportErrors errors, Instant now, LongConsumer progress) {
        this.connection = connection;
        this.jdbc = jdbc;
        this.errors = errors;
        this.now = now;
        this.ids = new OrderedIds(now.toEpochMilli());
        this.progress = progress;
    }

    /**
     * The same run on another connection (another writer, in its own transaction): the same errors, "now" and progress,
     * its own ids (a range of their own, so two writers append to different places of each index).
     */
    ImportContext on(Connection other) {
        return new ImportContext(other, JdbcClient.create(new SingleConnectionDataSource(other, true)), errors, now, progress);
    }

    void rowRead() {
        if (++processed % PROGRESS_EVERY == 0) {
            progress.accept(processed);
        }
    }

    Array textArray(Collection<String> values) {
        return array("text", values.toArray());
    }

    Array uuidArray(Collection<java.util.UUID> values) {
        return array("uuid", values.toArray());
    }

    private Array array(String type, Object[] values) {
        try {
            return connection.createArrayOf(type, values);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts of one finished run. */
    record Counts(long processed, long imported, long skipped) {
    }
}
