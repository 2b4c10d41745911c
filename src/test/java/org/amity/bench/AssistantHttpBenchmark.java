package org.amity.bench;

import java.io.IOException;
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
 * <p>Arguments: {@code [warm-up seconds] [measured seconds] [sessions] [client]}, defaults 20, 60, 16, {@code java}.
 * Client {@code java}: the sessions are threads of this JVM (java.net.http), competing with the server for the same
 * cores. Client {@code wrk}: the sessions are the threads of {@code wrk} (a C load generator, one thread and one
 * keep-alive connection per session) running {@code bench/assistant.lua} with the same logins and the same ten
 * messages in the same order; a run with any reply other than 200 fails. wrk's percentiles include its
 * coordinated-omission correction (a reply slower than twice the mean interval adds synthetic samples), so they are
 * not the per-reply distribution the other clients report. Client {@code socket}: the sessions are threads of this
 * JVM as with {@code java}, each on one keep-alive socket with blocking reads and hand-written HTTP/1.1, which costs
 * a fraction of java.net.http's CPU; latencies are per reply, as with {@code java}.
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
        String client = args.length > 3 ? args[3] : "java";
        boolean wrk = client.equals("wrk");
        boolean socket = client.equals("socket");
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
            if (wrk) {
                Path sessionsFile = Files.createTempFile("assistant-sessions", ".txt");
                Files.write(sessionsFile, logins.stream().map(login -> login + " " + basic(login)).toList());
                String base = url.substring(0, url.indexOf("/api/"));
                wrk(base, warmup, sessions, sessionsFile, "warm-up");
                Thread sampler = Boolean.getBoolean("bench.waits") ? waitSampler(app.getBean(JdbcClient.class)) : null;
                String result = wrk(base, seconds, sessions, sessionsFile, "measured");
                if (sampler != null) {
                    sampler.interrupt();
                    sampler.join();
                }
                System.out.println(report(result, seconds, logins.size()));
                Files.delete(sessionsFile);
                System.out.println(sessionsCheck(app.getBean(JdbcClient.class)));
            } else {
                run(url, logins, warmup, "warm-up", socket);
                long[] latencies = run(url, logins, seconds, "measured", socket);
                System.out.println(report(latencies, seconds, logins.size()));
            }
        }
        System.exit(0);
    }

    /** Every session posts its next message as soon as the previous reply arrived, for {@code seconds}. */
    static long[] run(String url, List<String> logins, int seconds, String phase, boolean socket) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perSession = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(logins.size());
        for (int s = 0; s < logins.size(); s++) {
            long[][] holder = {new long[1 << 16]};
            int[] count = {0};
            String auth = basic(logins.get(s));
            int offset = s;
            Thread t = new Thread(() -> {
                int i = offset;
                SocketSession raw = socket ? new SocketSession(URI.create(url), auth) : null;
                while (System.nanoTime() < end) {
                    if (raw != null) {
                        long start = System.nanoTime();
                        if (raw.post(MESSAGES[i++ % MESSAGES.length]) != 200) {
                            errors.incrementAndGet();
                        }
                        long took = System.nanoTime() - start;
                        if (count[0] == holder[0].length) {
                            holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
                        }
                        holder[0][count[0]++] = took;
                        continue;
                    }
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
                if (raw != null) {
                    raw.close();
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

    static Thread waitSampler(JdbcClient jdbc) {
        java.util.Map<String, Integer> waits = new java.util.TreeMap<>();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                jdbc.sql("""
                        SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') || '  ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 60)
                          FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'""")
                        .query(String.class).list().forEach(w -> waits.merge(w, 1, Integer::sum));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    break;
                }
            }
            waits.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                    .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
        }, "wait-sampler");
        t.start();
        return t;
    }

    /** One conversation per session, each with its own turns: the sessions were distinct customers. */
    static String sessionsCheck(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT count(*) || ' conversations of ' || count(DISTINCT customer_id) || ' customers, turns '
                       || min(turns) || '..' || max(turns) FROM assistant_conversation""").query(String.class).single()
                + "\n" + jdbc.sql("""
                SELECT relname || ': upd ' || n_tup_upd || ', hot ' || n_tup_hot_upd || ', dead ' || n_dead_tup
                       || ', autovacuum ' || autovacuum_count || ', ' || pg_size_pretty(pg_total_relation_size(relid))
                  FROM pg_stat_user_tables WHERE relname IN ('assistant_conversation', 'assistant_turn') ORDER BY relname""")
                .query(String.class).list().stream().reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** One wrk run: one thread and one connection per session; returns wrk's output, failing on any non-200 reply. */
    static String wrk(String base, int seconds, int sessions, Path sessionsFile, String phase) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t" + sessions, "-c" + sessions, "-d" + seconds + "s", "--timeout", "30s",
                "-s", "bench/assistant.lua", base, "--", sessionsFile.toString());
        System.out.println("\n" + phase + ": $ " + String.join(" ", command));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !out.contains("RESULT ")) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        System.out.print(out);
        if (number(out, "non200=(\\d+)") != 0 || number(out, "errors=(\\d+)") != 0) {
            throw new IllegalStateException(phase + ": replies other than 200 or socket errors, see above");
        }
        return out;
    }

    static String report(String wrkOut, int seconds, int sessions) throws IOException {
        double replies = number(wrkOut, "replies=(\\d+)");
        return String.format("""

                | sessions | client | replies | replies/s | p50 | p90 | p99 | max | load avg |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                | %d | wrk | %,.0f | %,.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |
                """, sessions, replies, replies / seconds, number(wrkOut, "p50=([\\d.]+)"), number(wrkOut, "p90=([\\d.]+)"),
                number(wrkOut, "p99=([\\d.]+)"), number(wrkOut, "max=([\\d.]+)"),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static double number(String out, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("Not in wrk's output: " + regex);
        }
        return Double.parseDouble(m.group(1));
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
