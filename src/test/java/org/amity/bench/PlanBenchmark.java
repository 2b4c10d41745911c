package org.amity.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.amity.AmityApplication;
import org.amity.ledger.ImportKind;
import org.amity.ledger.LedgerImports;
import org.amity.messaging.plan.ContactPlan;
import org.amity.platform.BusinessClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Load driver (not a test): imports N loans (default 1,000,000) like {@link ImportBenchmark}, shapes the portfolio
 * (85 % of loans have paid everything due before today; the other 15 % stopped paying 0–90 days ago), moves the
 * business clock to 11:00 in Shanghai (inside contact hours), then times the daily contact plan for today twice: the
 * first run (snapshot, selection, every candidate through the contact engine, messages queued, calls listed) and a
 * re-run of the same date (everything already planned). Run with {@code -Xmx1g}; the command is in
 * {@code docs/benchmarks.md}.
 */
public final class PlanBenchmark {

    public static void main(String[] args) throws Exception {
        int loans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("amity-plan-bench-");
        Path customerFile = dir.resolve("customers.csv");
        Path loanFile = dir.resolve("loans.csv");
        ImportBenchmark.writeCustomers(customerFile, (loans + 3) / 4);
        ImportBenchmark.writeLoans(loanFile, loans, 4);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AmityApplication.class)
                .properties("amity.embedded-postgres.ephemeral=true", "amity.demo.enabled=false", "server.port=0",
                        "logging.level.root=WARN", "logging.level.org.amity.messaging.plan=INFO")
                .run()) {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("benchmark", null, java.util.List.of()));
            LedgerImports imports = app.getBean(LedgerImports.class);
            ImportBenchmark.time(imports, ImportKind.CUSTOMERS, customerFile);
            ImportBenchmark.time(imports, ImportKind.LOANS, loanFile);
            BusinessClock clock = app.getBean(BusinessClock.class);
            LocalDate today = LocalDate.ofInstant(clock.instant(), clock.bankZone());
            clock.moveTo(ZonedDateTime.of(today, LocalTime.of(11, 0), clock.bankZone()).toInstant());
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t = System.nanoTime();
            long paid = jdbc.sql("""
                    UPDATE instalment SET paid_principal = principal, paid_interest = interest, paid_fees = fees
                     WHERE due_date < ?::date - CASE WHEN abs(hashtext(loan_id::text)) % 100 < 85 THEN 0
                                                     ELSE abs(hashtext(loan_id::text || 'd')) % 91 END""")
                    .param(today).update();
            jdbc.sql("VACUUM ANALYZE instalment").update();
            jdbc.sql("VACUUM ANALYZE loan").update();
            System.out.printf("marked %,d instalments paid and vacuumed in %.1f s%n", paid, (System.nanoTime() - t) / 1e9);
            // some customers the engine must refuse: 10 % with an open complaint (no collection contact), 10 % opted out
            // of reminder pushes (the next channel is tried)
            long held = jdbc.sql("""
                    INSERT INTO contact_hold (id, customer_id, type, valid_from, placed_by, placed_at)
                    SELECT gen_random_uuid(), id, 'COMPLAINT_OPEN', now() - interval '1 day', 'benchmark', now()
                      FROM customer WHERE abs(hashtext(id::text)) % 10 = 0""").update();
            long optedOut = jdbc.sql("""
                    INSERT INTO contact_opt_out (customer_id, channel, purpose, created_at)
                    SELECT id, 'PUSH', 'REPAYMENT_REMINDER', now() FROM customer WHERE abs(hashtext(id::text || 'o')) % 10 = 0""").update();
            System.out.printf("%,d customers with an open complaint, %,d opted out of reminder pushes%n", held, optedOut);

            ContactPlan plan = app.getBean(ContactPlan.class);
            sampler.start();
            for (String label : new String[] {"first run", "re-run of the same date"}) {
                peak.set(0);
                long s = System.nanoTime();
                ContactPlan.RunView run = plan.runNow(today);
                double seconds = (System.nanoTime() - s) / 1e9;
                System.out.printf("%s: %s in %.1f s over %,d loans: %,d candidates, %,d messages queued, %,d calls listed, %,d blocked,"
                                + " %,d already planned; peak heap %,d MB of %,d MB%n", label, run.status(), seconds, loans,
                        run.candidates(), run.report() == null ? 0 : run.report().queued(), run.report() == null ? 0 : run.report().dialer(),
                        run.report() == null ? 0 : run.report().blocked(), run.report() == null ? 0 : run.report().alreadyPlanned(),
                        peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
                if (run.report() != null) {
                    run.report().lines().forEach(l -> System.out.printf("    %-18s %-6s %-15s %-24s %,d%n", l.purpose(), l.channel(), l.result(),
                            l.reason() == null ? "" : l.reason(), l.count()));
                }
                if (run.error() != null) {
                    System.out.println("error: " + run.error());
                }
            }
        } finally {
            Files.deleteIfExists(customerFile);
            Files.deleteIfExists(loanFile);
            Files.deleteIfExists(dir);
        }
        System.exit(0);
    }
}
