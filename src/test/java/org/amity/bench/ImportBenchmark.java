package org.amity.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.amity.AmityApplication;
import org.amity.ledger.ImportKind;
import org.amity.ledger.ImportResult;
import org.amity.ledger.LedgerImports;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load driver (not a test): generates a file of N loans (default 1,000,000) and the customers they belong to,
 * boots Amity in-process against a throw-away embedded PostgreSQL and times {@link LedgerImports#importNow}
 * for each file. Run with {@code -Xmx1g}; the command is in {@code docs/benchmarks.md}.
 *
 * <p>Arguments: {@code [loans] [loansPerCustomer]}. Terms cycle through 6, 12, 24 and 36 months (19.5
 * instalments per loan on average), half equal-instalment, half equal-principal.
 */
public final class ImportBenchmark {

    private static final int[] TERMS = {6, 12, 24, 36};

    public static void main(String[] args) throws Exception {
        int loans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perCustomer = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int customers = (loans + perCustomer - 1) / perCustomer;
        Path dir = Files.createTempDirectory("amity-bench-");
        Path customerFile = dir.resolve("customers.csv");
        Path loanFile = dir.resolve("loans.csv");
        long t0 = System.nanoTime();
        writeCustomers(customerFile, customers);
        long instalments = writeLoans(loanFile, loans, perCustomer);
        System.out.printf("generated %,d customers (%,d MB) and %,d loans with %,d instalments (%,d MB) in %.1f s%n",
                customers, Files.size(customerFile) >> 20, loans, instalments, Files.size(loanFile) >> 20, seconds(t0));

        AtomicLong peakHeap = watchHeap();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AmityApplication.class)
                .properties("amity.embedded-postgres.ephemeral=true", "amity.demo.enabled=false", "server.port=0",
                        "logging.level.root=WARN", "logging.level.org.amity.ledger.importing=INFO",
                        "amity.embedded-postgres.server-config.track_io_timing=on",
                        "amity.embedded-postgres.server-config.track_wal_io_timing=on")
                .run()) {
            LedgerImports imports = app.getBean(LedgerImports.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DecisionHttpBenchmark.Cpu.postgresPort = jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();
            Thread sampler = sampleEvery(10);
            time(imports, ImportKind.CUSTOMERS, customerFile);
            jdbc.sql("SELECT pg_stat_reset_shared('io'), pg_stat_reset_shared('wal')").query().singleRow();
            java.util.Map<String, Long> waits = new java.util.concurrent.ConcurrentSkipListMap<>();
            Thread waitSampler = sampleWaits(jdbc, waits);
            ImportResult result = time(imports, ImportKind.LOANS, loanFile);
            sampler.interrupt();
            waitSampler.interrupt();
            waitSampler.join();
            printIo(jdbc);
            long samples = waits.values().stream().mapToLong(Long::longValue).sum();
            System.out.println("What the COPY backends were doing (pg_stat_activity every 50 ms, share of samples):");
            waits.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
            System.out.printf("database now holds %,d loans and %,d instalments; peak JVM heap used %,d MB of %,d MB max%n",
                    jdbc.sql("SELECT count(*) FROM loan").query(Long.class).single(),
                    jdbc.sql("SELECT count(*) FROM instalment").query(Long.class).single(),
                    peakHeap.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            if (!result.succeeded()) {
                System.out.println("errors: " + result.errors());
            }
        } finally {
            Files.deleteIfExists(customerFile);
            Files.deleteIfExists(loanFile);
            Files.deleteIfExists(dir);
        }
        System.exit(0);
    }

    static ImportResult time(LedgerImports imports, ImportKind kind, Path file) throws IOException {
        long start = System.nanoTime();
        ImportResult result;
        try (Reader reader = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16)) {
            result = imports.importNow(kind, reader);
        }
        double s = seconds(start);
        System.out.printf("%s: %,d rows imported in %.1f s (%,.0f rows/s), %d errors%n", kind, result.importedRows(), s,
                result.importedRows() / s, result.errorCount());
        return result;
    }

    static void writeCustomers(Path file, int n) throws IOException {
        Random random = new Random(42);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(String.join(",", ImportKind.CUSTOMERS.columns()) + "\n");
            for (int i = 0; i < n; i++) {
                out.write(String.format("C%08d,Customer %d,11010119900307%04d,zh-CN,CN,Beijing,Beijing,\"%d Chang'an Ave\","
                                + "Asia/Shanghai,+86138%08d,true,SELF,c%d@example.cn,false%n",
                        i, i, random.nextInt(10_000), i % 500, i, i));
            }
        }
    }

    static long writeLoans(Path file, int n, int perCustomer) throws IOException {
        long instalments = 0;
        LocalDate base = LocalDate.of(2024, 1, 1);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(String.join(",", ImportKind.LOANS.columns()) + "\n");
            for (int i = 0; i < n; i++) {
                int term = TERMS[i % TERMS.length];
                instalments += term;
                LocalDate disbursed = base.plusDays(i % 900);
                out.write(String.format("L%09d,C%08d,CONSUMER,CNY,%d.00,0.%04d,%d,%s,%s,%s,3%n", i, i / perCustomer,
                        1_000 + (i * 37L) % 99_000, 300 + i % 1500, term,
                        (i / TERMS.length) % 2 == 0 ? "EQUAL_INSTALLMENT" : "EQUAL_PRINCIPAL",
                        disbursed, disbursed.plusMonths(1)));
            }
        }
        return instalments;
    }

    private static AtomicLong watchHeap() {
        AtomicLong peak = new AtomicLong();
        Thread t = new Thread(() -> {
            while (true) {
                Runtime r = Runtime.getRuntime();
                peak.accumulateAndGet(r.totalMemory() - r.freeMemory(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        t.setDaemon(true);
        t.start();
        return peak;
    }

    /**
     * Every {@code seconds}: the CPU this JVM and the embedded PostgreSQL used (in % of one core) and the kernel's dirty
     * and under-writeback page cache, so a run shows whether the COPY backend was busy or waiting for the disk.
     */
    private static Thread sampleEvery(int seconds) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            DecisionHttpBenchmark.Cpu before = DecisionHttpBenchmark.Cpu.now();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(seconds * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
                DecisionHttpBenchmark.Cpu now = DecisionHttpBenchmark.Cpu.now();
                DecisionHttpBenchmark.Cpu used = now.minus(before);
                before = now;
                double wall = seconds * 1e9;
                System.out.printf("  [%4.0f s] CPU: JVM %3.0f %%, PostgreSQL %3.0f %%; page cache dirty %,d MB, writeback %,d MB%n",
                        seconds(start), 100 * used.jvm() / wall, 100 * used.postgres() / wall, vmstat("nr_dirty") >> 8,
                        vmstat("nr_writeback") >> 8);
            }
        }, "cpu-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Every 50 ms, what each backend running a COPY waits for ("running" when it waits for nothing), counted. */
    private static Thread sampleWaits(JdbcClient jdbc, java.util.Map<String, Long> waits) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    jdbc.sql("""
                            SELECT coalesce(wait_event_type || ': ' || wait_event, 'running') FROM pg_stat_activity
                             WHERE state = 'active' AND query LIKE 'COPY%'""")
                            .query(String.class).list().forEach(w -> waits.merge(w, 1L, Long::sum));
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the sampler must not fail the benchmark
                }
            }
        }, "wait-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A counter of /proc/vmstat (pages of 4 KB), 0 where there is none. */
    private static long vmstat(String name) {
        try {
            return Files.readAllLines(Path.of("/proc/vmstat")).stream().filter(l -> l.startsWith(name + " "))
                    .mapToLong(l -> Long.parseLong(l.substring(name.length() + 1).trim())).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** What PostgreSQL wrote during the loans step, and how long its writes took (pg_stat_io, pg_stat_wal). */
    private static void printIo(JdbcClient jdbc) {
        System.out.println("PostgreSQL I/O during the loans step (pg_stat_io, rows with writes or extends; times in s):");
        jdbc.sql("""
                SELECT backend_type, object, context, writes, round(write_time::numeric / 1000, 1) AS write_s, extends,
                       round(extend_time::numeric / 1000, 1) AS extend_s, evictions, fsyncs
                  FROM pg_stat_io WHERE coalesce(writes, 0) + coalesce(extends, 0) > 0 ORDER BY writes DESC NULLS LAST""")
                .query((java.sql.ResultSet rs) -> {
                    System.out.printf("  %-18s %-9s %-9s writes %,d (%s s), extends %,d (%s s), evictions %,d, fsyncs %,d%n",
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
                            rs.getString(7), rs.getLong(8), rs.getLong(9));
                });
        jdbc.sql("""
                SELECT wal_records, pg_size_pretty(wal_bytes), wal_buffers_full, wal_write, round(wal_write_time::numeric / 1000, 1),
                       wal_sync, round(wal_sync_time::numeric / 1000, 1) FROM pg_stat_wal""")
                .query((java.sql.ResultSet rs) -> {
                    System.out.printf("  WAL: %,d records, %s, buffers full %,d times, %,d writes (%s s), %,d syncs (%s s)%n",
                            rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
                            rs.getString(7));
                });
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
