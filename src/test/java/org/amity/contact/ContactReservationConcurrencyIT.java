package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.amity.AmityApplication;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Borrowers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two dialers on two application instances that share one database race for the same 200 customers with
 * 64 threads. However the requests interleave, no customer may get more voice attempts in a day than the house
 * cap allows — counted afterwards from the attempt table itself. The first instance books optimistically (and falls back
 * to the lock after a few lost races); the second always books under the lock, so both ways are raced against each other.
 */
@AmityIntegrationTest
class ContactReservationConcurrencyIT {

    static final String NOW = "2026-11-24T10:00:00+08:00";
    static final int CUSTOMERS = 200;
    static final int THREADS = 64;
    static final int REQUESTS = 2_400;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext second;

    @AfterEach
    void stopSecondInstance() {
        Api.as(port, "admin").delete("/api/v1/admin/clock");
        if (second != null) {
            second.close();
        }
    }

    @Test
    void racingDialersOnTwoInstancesNeverExceedTheDailyCap() throws Exception {
        second = new SpringApplicationBuilder(AmityApplication.class).profiles("test").properties(
                "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "spring.datasource.username=postgres", "spring.datasource.password=", "server.port=0",
                "amity.demo.enabled=false", "amity.clock.adjustable=true", "spring.flyway.enabled=false",
                "amity.contact.optimistic-tries=0").run();
        int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
        for (int p : new int[]{port, secondPort}) {
            assertThat(Api.as(p, "admin").put("/api/v1/admin/clock", "{\"instant\":\"" + NOW + "\"}").status()).isEqualTo(200);
        }

        Api admin = Api.as(port, "admin");
        List<String[]> targets = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < CUSTOMERS; i++) {
            String phone = String.format("+86138%08d", 10_000_000 + i);
            String customer = Borrowers.cnCustomer(admin, "RACE-" + run + "-" + i, "并发", phone);
            String loan = admin.post("/api/v1/loans", """
                    {"externalId":"RACEL-%s-%d","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"1000.00",
                     "annualRate":"0.06","termMonths":6,"method":"EQUAL_PRINCIPAL","disbursedOn":"2026-09-01",
                     "firstDueDate":"2026-10-01","graceDays":3}""".formatted(run, i, customer)).text("id");
            targets.add(new String[]{customer, loan, phone});
        }

        Api[] dialers = {new Api(port, "dialer", "demo"), new Api(secondPort, "dialer", "demo")};
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int n = 0; n < REQUESTS; n++) {
            futures.add(pool.submit(() -> {
                String[] t = targets.get(ThreadLocalRandom.current().nextInt(CUSTOMERS));
                Api.Response r = dialers[ThreadLocalRandom.current().nextInt(2)].post("/api/v1/contact-decisions", """
                        {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s","reserve":true}"""
                        .formatted(t[0], t[1], t[2]));
                if (r.status() != 201) {
                    failures.incrementAndGet();
                } else if (r.body().path("allowed").asBoolean()) {
                    allowed.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(failures.get()).as("every request answered").isZero();
        List<Map<String, Object>> overCap = jdbc.sql("""
                SELECT d.customer_id, count(*) AS attempts FROM contact_decision d
                  JOIN customer c ON c.id = d.customer_id
                 WHERE d.reserved AND d.channel = 'VOICE' AND c.external_id LIKE :run
                   AND d.evaluated_at >= '2026-11-24T00:00:00+08:00' AND d.evaluated_at < '2026-11-25T00:00:00+08:00'
                 GROUP BY d.customer_id HAVING count(*) > 2""").param("run", "RACE-" + run + "-%").query().listOfRows();
        assertThat(overCap).as("customers with more than 2 voice attempts in the day").isEmpty();
        long booked = jdbc.sql("""
                SELECT count(*) FROM contact_decision d JOIN customer c ON c.id = d.customer_id
                 WHERE d.reserved AND c.external_id LIKE ?""").param("RACE-" + run + "-%").query(Long.class).single();
        assertThat(booked).as("allowed answers are exactly the attempts booked").isEqualTo(allowed.get());
        assertThat(booked).as("the race was real: most customers reached their cap").isGreaterThan(CUSTOMERS * 3L / 2);
    }
}
