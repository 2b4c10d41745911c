package org.amity.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs what may only happen once the data it describes is committed: at once outside a transaction, after the commit
 * inside one, never after a rollback. For answers kept in memory under a version that a trigger moves: inside a
 * transaction an answer may include the transaction's own uncommitted writes, and if it rolls back, the next committed
 * write gives the version the same number again, so an answer kept before the rollback would pass for current.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
