package org.amity.ledger.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prepared transactions of loans imports that a crash left between their two phases ({@link PreparedWriters}):
 * at start-up, each is committed if its import's main transaction committed, else rolled back. A prepared transaction
 * holds its locks and keeps vacuum from cleaning up after it, so none is left waiting for an operator.
 */
@Component
class PreparedImports {

    private static final Logger log = LoggerFactory.getLogger(PreparedImports.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile Integer maxPrepared;

    PreparedImports(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** How many writers a loans import may use: {@code wanted}, or 1 where the database allows no prepared transaction. */
    int writers(int wanted) {
        if (wanted <= 1) {
            return 1;
        }
        Integer max = maxPrepared;
        if (max == null) {
            max = jdbc.sql("SELECT current_setting('max_prepared_transactions')::int").query(Integer.class).single();
            maxPrepared = max;
            if (max == 0) {
                log.info("Loans imports write on one connection: the database allows no prepared transactions "
                        + "(max_prepared_transactions = 0)");
            }
        }
        return max == 0 ? 1 : wanted;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resolveLeftovers() {
        resolve();
    }

    /** Resolves every import's prepared transactions whose import has decided; returns how many imports it resolved. */
    int resolve() {
        Map<UUID, List<String>> byImport = new LinkedHashMap<>();
        jdbc.sql("SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND starts_with(gid, ?) ORDER BY gid")
                .param(PreparedWriters.GID_PREFIX).query(String.class).list().forEach(gid -> {
                    String rest = gid.substring(PreparedWriters.GID_PREFIX.length());
                    try {
                        byImport.computeIfAbsent(UUID.fromString(rest.substring(0, 36)), id -> new ArrayList<>()).add(gid);
                    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                        log.warn("Prepared transaction {} is not an import's; left alone", gid);
                    }
                });
        // decisions whose prepared transactions were all committed, by an import that stopped before it deleted its row
        jdbc.sql("""
                DELETE FROM ledger_import_commit c WHERE NOT EXISTS (SELECT 1 FROM pg_prepared_xacts p
                 WHERE p.database = current_database() AND starts_with(p.gid, ? || c.import_id))""")
                .param(PreparedWriters.GID_PREFIX).update();
        int resolved = 0;
        if (byImport.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (Map.Entry<UUID, List<String>> e : byImport.entrySet()) {
                if (PreparedWriters.resolve(c, e.getKey(), e.getValue())) {
                    resolved++;
                    log.info("Import {}: resolved its prepared writers {} left by an earlier run", e.getKey(), e.getValue());
                }
            }
        } catch (SQLException e) {
            log.error("Could not resolve the prepared transactions of earlier imports", e);
        }
        return resolved;
    }
}
