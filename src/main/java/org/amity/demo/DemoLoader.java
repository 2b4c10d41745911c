package org.amity.demo;

import org.amity.identity.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads demo logins and the synthetic portfolio once, on the first start of a demo system. */
@Component
@ConditionalOnProperty(name = "amity.demo.enabled", havingValue = "true")
@Order(10)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final UserAccounts users;
    private final TransactionTemplate tx;
    private final DemoPortfolio portfolio;

    DemoLoader(UserAccounts users, TransactionTemplate tx, DemoPortfolio portfolio) {
        this.users = users;
        this.tx = tx;
        this.portfolio = portfolio;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.find("admin").isPresent()) {
            return;
        }
        long started = System.nanoTime();
        tx.executeWithoutResult(s -> {
            DemoUsers.create(users);
            portfolio.load();
        });
        log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
