package org.amity.ledger;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amity.platform.CoalescedStatements;
import org.amity.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Customers' ledger versions ({@code ledger_version(customer_id)}), as the checks of {@link KeptAnswer kept answers}
 * read them. Outside a transaction concurrent checks share one statement ({@link CoalescedStatements}), which starts after
 * each of them began; inside one, the check reads on the transaction's own connection, so it sees the transaction's
 * own writes.
 */
@Component
class LedgerVersions {

    private final JdbcClient jdbc;
    private final CoalescedStatements<UUID, Long> coalesced;

    LedgerVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.coalesced = new CoalescedStatements<>(this::read);
    }

    long of(UUID customerId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return jdbc.sql("SELECT ledger_version(?)").param(customerId).query(Long.class).single();
        }
        return coalesced.get(customerId);
    }

    private Map<UUID, Long> read(Set<UUID> customers) {
        Map<UUID, Long> versions = new HashMap<>(customers.size() * 2);
        jdbc.sql("SELECT c, ledger_version(c) FROM unnest(CAST(? AS uuid[])) AS c")
                .param(SqlArrays.uuids(customers))
                .query((ResultSet rs) -> {
                    versions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return versions;
    }
}
