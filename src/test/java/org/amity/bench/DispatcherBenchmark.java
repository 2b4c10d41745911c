package org.amity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.amity.AmityApplication;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.messaging.internal.Dispatcher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Load driver (not a test): the outbox dispatcher sending N queued SMS (default 100,000, for 1,000 customers) to a
 * local HTTP provider stub on 127.0.0.1 — each message claimed with FOR UPDATE SKIP LOCKED, rendered from its
 * template with the customer's name from the ledger, POSTed with its Idempotency-Key and recorded as SENT. Runs
 * {@code nodes} dispatch loops side by side (as that many application nodes would) and prints messages per
 * second. The command is in {@code docs/benchmarks.md}.
 */
public final class DispatcherBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        StubProvider stub = new StubProvider();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AmityApplication.class)
                .properties("amity.embedded-postgres.ephemeral=true", "amity.demo.enabled=false", "server.port=0",
                        "logging.level.root=WARN", "amity.messaging.dispatcher.enabled=false",
                        "amity.messaging.sms.base-url=" + stub.baseUrl(),
                        "amity.messaging.dispatcher.batch-size=" + batch, "amity.messaging.dispatcher.threads=" + threads,
                        "spring.datasource.hikari.maximum-pool-size=" + Math.max(10, nodes * 4))
                .run()) {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("benchmark", null, List.of()));
            CustomerService customers = app.getBean(CustomerService.class);
            for (int i = 0; i < 1000; i++) {
                customers.register(new CustomerService.NewCustomer("BENCH-" + i, "压测客户" + i, "31010119900101" + String.format("%04d", i),
                        "zh-CN", new CustomerView.Address("CN", null, "上海", null, "Asia/Shanghai"),
                        List.of(new CustomerService.NewContactPoint(CustomerView.ContactType.PHONE,
                                "+86139" + String.format("%08d", i), true, CustomerView.ContactOwner.SELF))));
            }
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            jdbc.sql("""
                    WITH cs AS (SELECT array_agg(id ORDER BY id) AS a, count(*) AS n FROM customer)
                    INSERT INTO message_outbox (id, customer_id, purpose, channel, destination, language, template_key, variables,
                        decision_id, idempotency_key, status, created_at, created_by, next_attempt_at)
                    SELECT gen_random_uuid(), cs.a[1 + (g % cs.n)], 'SERVICE', 'SMS', '+8613900000000', 'zh-CN', NULL,
                           jsonb_build_object('text', '压测消息 ' || g), gen_random_uuid(), 'bench-' || g, 'QUEUED', now(), 'bench', now()
                      FROM cs, generate_series(1, ?) g""").param(messages).update();
            jdbc.sql("VACUUM ANALYZE message_outbox").update();
            System.out.printf("queued %,d messages in %.1f s%n", messages, (System.nanoTime() - t0) / 1e9);

            Dispatcher dispatcher = app.getBean(Dispatcher.class);
            for (int round = 1; round <= 1; round++) {
                AtomicLong claimed = new AtomicLong();
                ExecutorService loops = Executors.newFixedThreadPool(nodes);
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int n = 0; n < nodes; n++) {
                    futures.add(loops.submit(() -> {
                        int got;
                        while ((got = dispatcher.dispatchOnce()) > 0) {
                            claimed.addAndGet(got);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                loops.shutdown();
                long sent = jdbc.sql("SELECT count(*) FROM message_outbox WHERE status = 'SENT'").query(Long.class).single();
                System.out.printf("dispatched %,d messages (%,d sent, provider got %,d requests for %,d keys) in %.1f s: %,.0f messages/s "
                                + "(%d dispatch loops, batches of %d, %d senders each)%n",
                        claimed.get(), sent, stub.requests.get(), stub.keys.size(), seconds, sent / seconds, nodes, batch, threads);
            }
        } finally {
            stub.close();
        }
        System.exit(0);
    }

    /** A provider that answers at once and remembers each key once. */
    static final class StubProvider implements AutoCloseable {
        final com.sun.net.httpserver.HttpServer server;
        final AtomicLong requests = new AtomicLong();
        final java.util.Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();

        StubProvider() throws java.io.IOException {
            // without TCP_NODELAY the JDK server's header and body writes meet the client's delayed ACK: 40 ms a request
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 1024);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/messages", exchange -> {
                exchange.getRequestBody().readAllBytes();
                requests.incrementAndGet();
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                keys.add(key);
                byte[] body = ("{\"id\":\"p-" + key + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
