package org.amity.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.amity.AmityApplication;
import org.amity.ledger.DelinquencySnapshots;
import org.amity.ledger.ImportKind;
import org.amity.ledger.LedgerImports;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Load driver (not a test): imports N loans (default 1,000,000) like {@link ImportBenchmark}, marks most
 * instalments that fell due more than a month ago as paid (so the portfolio has current and overdue loans),
 * then times, in the same run and on the same table, (a) PostgreSQL scanning and aggregating the instalment
 * table — {@code SELECT loan_id, min(due_date) FROM instalment GROUP BY loan_id}, the limit — and (b) the
 * portfolio delinquency snapshot for "now", as pairs (default three), then one snapshot for a past instant.
 * Run with {@code -Xmx1g}; the command is in {@code docs/benchmarks.md}.
 *
 * <p>Arguments: {@code [loans] [pairs] [explain]}. PostgreSQL writes its log to a temporary directory with the
 * duration of every statement over 100 ms, autovacuum runs, checkpoints and temporary files; after each pair the
 * new log lines are printed with the load average, so a slow pair can be told apart. With {@code explain}, each
 * timed pair is followed by an untimed one under {@code EXPLAIN (ANALYZE, BUFFERS, WAL)} (the snapshot's statements
 * through {@code auto_explain}, in its own transaction), whose plans are printed; the ratios come only from the
 * plain pairs.
 */
public final class SnapshotBenchmark {

    public static void main(String[] args) throws Exception {
        int loans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean explain = Arrays.asList(args).contains("explain");
        Path dir = Files.createTempDirectory("amity-snapshot-bench-");
        Path customerFile = dir.resolve("customers.csv");
        Path loanFile = dir.resolve("loans.csv");
        Path logDir = Files.createDirectories(dir.resolve("pglog"));
        ImportBenchmark.writeCustomers(customerFile, (loans + 3) / 4);
        ImportBenchmark.writeLoans(loanFile, loans, 4);
        String pg = "amity.embedded-postgres.server-config.";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AmityApplication.class)
                .properties("amity.embedded-postgres.ephemeral=true", "amity.demo.enabled=false", "server.port=0",
                        "logging.level.root=WARN", pg + "logging_collector=on", pg + "log_directory=" + logDir,
                        pg + "log_filename=postgresql.log", pg + "log_autovacuum_min_duration=0", pg + "log_temp_files=0",
                        pg + "log_checkpoints=on")
                .run()) {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("benchmark", null, java.util.List.of()));
            LedgerImports imports = app.getBean(LedgerImports.class);
            ImportBenchmark.time(imports, ImportKind.CUSTOMERS, customerFile);
            ImportBenchmark.time(imports, ImportKind.LOANS, loanFile);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Clock clock = app.getBean(Clock.class);
            long t = System.nanoTime();
            // 90 % of loans have paid everything due more than 30 days ago; the rest are behind
            long paid = jdbc.sql("""
                    UPDATE instalment SET paid_principal = principal, paid_interest = interest, paid_fees = fees
                     WHERE due_date < CURRENT_DATE - 30 AND abs(hashtext(loan_id::text)) % 10 <> 0""").update();
            jdbc.sql("VACUUM ANALYZE instalment").update();
            jdbc.sql("VACUUM ANALYZE loan").update();
            Instant importedAt = clock.instant();
            System.out.printf("marked %,d instalments paid and vacuumed in %.1f s%n", paid, (System.nanoTime() - t) / 1e9);
            long rows = jdbc.sql("SELECT count(*) FROM instalment").query(Long.class).single();
            System.out.printf("instalment table: %,d rows, %s%n", rows,
                    jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('instalment'))").query(String.class).single());
            jdbc.sql("ALTER SYSTEM SET log_min_duration_statement = '100ms'").update();
            jdbc.sql("SELECT pg_reload_conf()").query().singleValue();
            ServerLog log = new ServerLog(logDir.resolve("postgresql.log"));
            log.skip();

            DelinquencySnapshots snapshots = app.getBean(DelinquencySnapshots.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            String scanSql = "SELECT count(*) FROM (SELECT loan_id, min(due_date) FROM instalment GROUP BY loan_id) g";
            List<Double> ratios = new ArrayList<>();
            for (int run = 1; run <= pairs; run++) {
                System.out.printf("%n--- pair %d at %s, load average %s, autovacuum: %s%n", run, LocalTime.now(), loadAverage(),
                        autovacuum(jdbc));
                long s = System.nanoTime();
                long groups = jdbc.sql(scanSql).query(Long.class).single();
                double scan = (System.nanoTime() - s) / 1e9;
                s = System.nanoTime();
                // "now" as every caller takes it (the contact plan, the API without asOf): the clock read just before
                DelinquencySnapshots.Summary current = tx.execute(status -> snapshots.take(clock.instant()));
                double snapshot = (System.nanoTime() - s) / 1e9;
                ratios.add(snapshot / scan);
                System.out.printf("run %d: scan+aggregate %,d loans %.2f s | snapshot now %,d loans (%,d overdue) %.2f s | ratio %.2f%n",
                        run, groups, scan, current.loans(), current.overdueLoans(), snapshot, snapshot / scan);
                System.out.printf("  (load average %s, autovacuum: %s)%n", loadAverage(), autovacuum(jdbc));
                log.print();
                if (explain) {
                    System.out.println("  EXPLAIN (ANALYZE, BUFFERS, WAL) of the scan:");
                    jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, WAL) " + scanSql).query(String.class).list()
                            .forEach(line -> System.out.println("    " + line));
                    System.out.println("  the snapshot under auto_explain:");
                    tx.execute(status -> {
                        jdbc.sql("LOAD 'auto_explain'").update();
                        for (String setting : List.of("log_min_duration = 0", "log_analyze = on", "log_buffers = on",
                                "log_wal = on", "log_nested_statements = on")) {
                            jdbc.sql("SET LOCAL auto_explain." + setting).update();
                        }
                        return snapshots.take(clock.instant());
                    });
                    log.print();
                }
            }
            long s = System.nanoTime();
            DelinquencySnapshots.Summary past = tx.execute(status -> snapshots.take(importedAt.minus(Duration.ofDays(40))));
            System.out.printf("%nsnapshot 40 days ago (historical path): %,d loans (%,d overdue) %.2f s%n", past.loans(),
                    past.overdueLoans(), (System.nanoTime() - s) / 1e9);
            log.print();
            List<Double> sorted = ratios.stream().sorted().toList();
            System.out.printf("ratios %s: min %.2f, median %.2f, max %.2f; %d of %d within 3x%n", ratios.stream()
                            .map(r -> String.format("%.2f", r)).toList(), sorted.get(0), sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1), ratios.stream().filter(r -> r <= 3).count(), ratios.size());
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Autovacuum workers running now and the table each is on, or "none". */
    private static String autovacuum(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COALESCE(string_agg(a.query, '; '), 'none') FROM pg_stat_activity a
                 WHERE a.backend_type = 'autovacuum worker'""").query(String.class).single();
    }

    /** Prints the lines PostgreSQL has appended to its log since the last call. */
    private static final class ServerLog {
        private final Path file;
        private long offset;

        ServerLog(Path file) {
            this.file = file;
        }

        void skip() throws IOException {
            offset = Files.exists(file) ? Files.size(file) : 0;
        }

        void print() {
            try {
                Thread.sleep(300); // the logging collector writes asynchronously
                if (!Files.exists(file)) {
                    return;
                }
                try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                    long length = f.length();
                    byte[] bytes = new byte[(int) (length - offset)];
                    f.seek(offset);
                    f.readFully(bytes);
                    offset = length;
                    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                        System.out.println("  | " + (line.length() > 240 ? line.substring(0, 240) + " …" : line));
                    }
                }
            } catch (IOException | InterruptedException e) {
                System.out.println("  (server log not readable: " + e + ")");
            }
        }
    }
}
