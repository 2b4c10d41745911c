package org.amity.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.amity.AmityApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load driver (not a test): 16 concurrent customer sessions, each a closed loop posting to
 * {@code POST /api/v1/assistant/messages} over loopback with its own portal login (HTTP Basic), a rotating mix of
 * questions in Simplified and Traditional Chinese and English (status, next payment, application progress, how to
 * pay, a dispute, "stop calling me" then "no", greetings, an unclear one). Each reply runs the recogniser, reads the
 * customer's ledger (loans, delinquency, schedule, applications) and writes the turn. Boots Amity in-process with
 * the demo portfolio; prints p50/p90/p99/max and throughput. The command and figures are in {@code docs/benchmarks.md}.
 *
 * <p>Arguments: {@code [warm-up seconds] [measured seconds] [sessions]}, defaults 20, 60, 16.
 */
public final class AssistantHttpBenchmark {

    static final String[] MESSAGES = {
            "{\"text\":\"我的贷款逾期了吗\",\"language\":\"zh-CN\"}",
            "{\"text\":\"when is my next payment due\",\"language\":\"en\"}",
            "{\"text\":\"我的貸款申請進度如何\"}",
            "{\"text\":\"怎么还款\",\"language\":\"zh-CN\"}",
            "{\"text\":\"I already paid why am I overdue\",\"language\":\"en\"}",
            "{\"text\":\"stop calling me\",\"language\":\"en\"}",
            "{\"text\":\"no\",\"language\":\"en\"}",
            "{\"text\":\"你好\",\"language\":\"zh-CN\"}",
            "{\"text\":\"下一期什么时候还\",\"language\":\"zh-CN\"}",
            "{\"text\":\"xyzzy\",\"language\":\"en\"}",
    };

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AmityApplication.class)
                .properties("amity.embedded-postgres.ephemeral=true", "amity.demo.enabled=true", "server.port=0",
                        "logging.level.root=WARN")
                .run()) {
            String url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/api/v1/assistant/messages";
            List<String> logins = app.getBean(JdbcClient.class).sql("""
                    SELECT u.username FROM app_user u WHERE u.customer_id IS NOT NULL
                       AND EXISTS (SELECT 1 FROM loan l WHERE l.customer_id = u.customer_id)
                     ORDER BY u.username LIMIT ?""").param(sessions).query(String.class).list();
            System.out.printf("%d sessions (%s …), %s%n", logins.size(), logins.get(0), url);
            run(url, logins, warmup, "warm-up");
            long[] latencies = run(url, logins, seconds, "measured");
            System.out.println(report(latencies, seconds, logins.size()));
        }
        System.exit(0);
    }

    /** Every session posts its next message as soon as the previous reply arrived, for {@code seconds}. */
    static long[] run(String url, List<String> logins, int seconds, String phase) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perSession = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(logins.size());
        for (int s = 0; s < logins.size(); s++) {
            long[][] holder = {new long[1 << 16]};
            int[] count = {0};
            String auth = "Basic " + Base64.getEncoder().encodeToString((logins.get(s) + ":demo").getBytes(StandardCharsets.UTF_8));
            int offset = s;
            Thread t = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(MESSAGES[i++ % MESSAGES.length], StandardCharsets.UTF_8)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long took = System.nanoTime() - start;
                    if (count[0] == holder[0].length) {
                        holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
                    }
                    holder[0][count[0]++] = took;
                }
                synchronized (perSession) {
                    perSession.add(Arrays.copyOf(holder[0], count[0]));
                }
                done.countDown();
            }, "session-" + s);
            t.start();
        }
        done.await();
        long[] all = perSession.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%s: %,d replies, %d errors%n", phase, all.length, errors.get());
        return all;
    }

    static String report(long[] sorted, int seconds, int sessions) throws java.io.IOException {
        return String.format("""

                | sessions | replies | replies/s | p50 | p90 | p99 | max | load avg |
                | --- | --- | --- | --- | --- | --- | --- | --- |
                | %d | %,d | %,.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |
                """, sessions, sorted.length, sorted.length / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.90),
                ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static double ms(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
