package org.amity.ledger.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The extra writers of one import, beside its main transaction: connections of their own, each in its own
 * transaction, so the database works on the import with more than one backend. All or nothing still holds, by
 * two-phase commit: when the writing is done each extra transaction is prepared ({@code PREPARE TRANSACTION}), then the
 * main transaction commits with a row in {@code ledger_import_commit}, which is the decision; then the prepared
 * transactions are committed and the row deleted. If anything fails before the main transaction commits, they are
 * rolled back. After a crash in between, {@link #resolve} (run by {@link PreparedImports} at start-up) commits the
 * prepared transactions of an import whose decision row exists and rolls back the others.
 *
 * <p>While the main transaction decides, it holds an advisory lock on the import ({@link #LOCK}), which the
 * resolution takes first: a prepared transaction is never resolved by another instance before its import decided.
 */
final class PreparedWriters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PreparedWriters.class);

    /** Global transaction ids: {@code amity-import-<import id>-<writer>}. */
    static final String GID_PREFIX = "amity-import-";

    /** The advisory lock of an import, held by its main transaction from before the first prepare until it ends. */
    static final String LOCK = "hashtext('" + GID_PREFIX + "' || CAST(? AS text))";

    private final UUID importId;
    private final List<Connection> connections;
    private final List<String> prepared = new ArrayList<>();

    private PreparedWriters(UUID importId, List<Connection> connections) {
        this.importId = importId;
        this.connections = connections;
    }

    /** No extra writer: the import writes on its main transaction alone. */
    static PreparedWriters none(UUID importId) {
        return new PreparedWriters(importId, List.of());
    }

    /** {@code extra} connections from the pool, each in a transaction of its own. */
    static PreparedWriters open(DataSource dataSource, UUID importId, int extra) {
        List<Connection> connections = new ArrayList<>(extra);
        try {
            for (int i = 0; i < extra; i++) {
                Connection c = dataSource.getConnection();
                connections.add(c);
                c.setAutoCommit(false);
            }
            return new PreparedWriters(importId, connections);
        } catch (SQLException e) {
            connections.forEach(PreparedWriters::closeQuietly);
            throw new IllegalStateException("Could not open the import's writers", e);
        }
    }

    /** The import's writers: {@code main} first, then one on each extra connection. */
    List<ImportContext> writers(ImportContext main) {
        List<ImportContext> writers = new ArrayList<>(connections.size() + 1);
        writers.add(main);
        connections.forEach(c -> writers.add(main.on(c)));
        return writers;
    }

    /**
     * Inside the main transaction, when all is written and nothing failed: prepares every extra transaction and records
     * the decision row, which commits with the main transaction.
     */
    void prepare(JdbcClient mainTransaction) {
        if (connections.isEmpty()) {
            return;
        }
        mainTransaction.sql("SELECT pg_advisory_xact_lock(" + LOCK + ")").param(importId.toString()).query().singleRow();
        for (int i = 0; i < connections.size(); i++) {
            String gid = GID_PREFIX + importId + "-" + (i + 1);
            try (Statement s = connections.get(i).createStatement()) {
                s.execute("PREPARE TRANSACTION '" + gid + "'");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not prepare the import's writer " + (i + 1), e);
            }
            prepared.add(gid);
        }
        mainTransaction.sql("INSERT INTO ledger_import_commit (import_id, committed_at) VALUES (?, now())").param(importId).update();
    }

    /**
     * After the main transaction ended, committed or not: commits the prepared transactions if the decision row is
     * there (the main transaction committed), else rolls them back; rolls back any not prepared.
     */
    @Override
    public void close() {
        try {
            for (int i = prepared.size(); i < connections.size(); i++) {
                try {
                    connections.get(i).rollback();
                } catch (SQLException e) {
                    log.warn("Could not roll back writer {} of import {}", i + 1, importId, e);
                }
            }
            if (!prepared.isEmpty()) {
                Connection c = connections.get(0);
                c.setAutoCommit(true);
                if (!resolve(c, importId, prepared)) {
                    // another instance is resolving them (it holds the import's lock): it finishes them
                    log.warn("Import {}: its prepared writers {} were left to the instance resolving them", importId, prepared);
                }
            }
        } catch (SQLException e) {
            // left prepared: resolved when the application next starts
            log.error("Could not finish the prepared writers of import {}; they are resolved at the next start", importId, e);
        } finally {
            connections.forEach(PreparedWriters::closeQuietly);
        }
    }

    /**
     * Commits the import's prepared transactions {@code gids} if its decision row exists, else rolls them back, then
     * deletes the row; on {@code c}, in auto-commit mode. Does nothing while the import's main transaction still holds its
     * lock (it has not decided yet). A transaction another instance resolved meanwhile is skipped.
     *
     * @return whether the import was resolved (false: it was still deciding)
     */
    static boolean resolve(Connection c, UUID importId, List<String> gids) throws SQLException {
        if (!lock(c, "SELECT pg_try_advisory_lock(" + LOCK + ")", importId)) {
            return false;
        }
        try {
            boolean committed;
            try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM ledger_import_commit WHERE import_id = ?)")) {
                s.setObject(1, importId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    committed = rs.getBoolean(1);
                }
            }
            for (String gid : gids) {
                try (Statement s = c.createStatement()) {
                    s.execute((committed ? "COMMIT PREPARED '" : "ROLLBACK PREPARED '") + gid.replace("'", "''") + "'");
                } catch (SQLException e) {
                    if (!"42704".equals(e.getSQLState())) { // undefined_object: another instance resolved it
                        throw e;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM ledger_import_commit WHERE import_id = ?")) {
                s.setObject(1, importId);
                s.executeUpdate();
            }
            if (!committed) {
                log.info("Import {}: rolled back its prepared writers {}", importId, gids);
            }
            return true;
        } finally {
            lock(c, "SELECT pg_advisory_unlock(" + LOCK + ")", importId);
        }
    }

    private static boolean lock(Connection c, String sql, UUID importId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, importId.toString());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            c.close();
        } catch (SQLException e) {
            log.warn("Could not close an import writer's connection", e);
        }
    }
}
