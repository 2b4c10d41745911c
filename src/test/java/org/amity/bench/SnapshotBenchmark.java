package org.amity.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * portfolio delinquency snapshot for "now" and for a past instant. Each is run three times; the best and all
 * runs are printed. Run with {@code -Xmx1g}; the command is in {@code docs/benchmarks.md}.
 */
public final class SnapshotBenchmark {

    public static void main(String[] args) throws Exception {
        int loans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("amity-snapshot-bench-");
        Path customerFile = dir.resolve("customers.csv");
        Path loanFile = dir.resolve("loans.csv");
        ImportBenchmark.writeCustomers(customerFile, (loans + 3) / 4);
        ImportBenchmark.writeLoans(loanFile, loans, 4);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AmityApplication.class)
                .properties("amity.embedded-postgres.ephemeral=true", "amity.demo.enabled=false", "server.port=0",
                        "logging.level.root=WARN")
                .run()) {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("benchmark", null, java.util.List.of()));
            LedgerImports imports = app.getBean(LedgerImports.class);
            ImportBenchmark.time(imports, ImportKind.CUSTOMERS, customerFile);
            ImportBenchmark.time(imports, ImportKind.LOANS, loanFile);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Instant now = app.getBean(Clock.class).instant();
            long t = System.nanoTime();
            // 90 % of loans have paid everything due more than 30 days ago; the rest are behind
            long paid = jdbc.sql("""
                    UPDATE instalment SET paid_principal = principal, paid_interest = interest, paid_fees = fees
                     WHERE due_date < CURRENT_DATE - 30 AND abs(hashtext(loan_id::text)) % 10 <> 0""").update();
            jdbc.sql("VACUUM ANALYZE instalment").update();
            jdbc.sql("VACUUM ANALYZE loan").update();
            System.out.printf("marked %,d instalments paid and vacuumed in %.1f s%n", paid, (System.nanoTime() - t) / 1e9);
            long rows = jdbc.sql("SELECT count(*) FROM instalment").query(Long.class).single();
            System.out.printf("instalment table: %,d rows, %s%n", rows,
                    jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('instalment'))").query(String.class).single());

            DelinquencySnapshots snapshots = app.getBean(DelinquencySnapshots.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            for (int run = 1; run <= 3; run++) {
                long s = System.nanoTime();
                long groups = jdbc.sql("SELECT count(*) FROM (SELECT loan_id, min(due_date) FROM instalment GROUP BY loan_id) g")
                        .query(Long.class).single();
                double scan = (System.nanoTime() - s) / 1e9;
                s = System.nanoTime();
                DelinquencySnapshots.Summary current = tx.execute(status -> snapshots.take(now));
                double snapshot = (System.nanoTime() - s) / 1e9;
                System.out.printf("run %d: scan+aggregate %,d loans %.2f s | snapshot now %,d loans (%,d overdue) %.2f s | ratio %.2f%n",
                        run, groups, scan, current.loans(), current.overdueLoans(), snapshot, snapshot / scan);
            }
            long s = System.nanoTime();
            DelinquencySnapshots.Summary past = tx.execute(status -> snapshots.take(now.minus(Duration.ofDays(40))));
            System.out.printf("snapshot 40 days ago (historical path): %,d loans (%,d overdue) %.2f s%n", past.loans(),
                    past.overdueLoans(), (System.nanoTime() - s) / 1e9);
        }
    }
}
