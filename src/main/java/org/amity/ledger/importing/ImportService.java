package org.amity.ledger.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.amity.identity.CurrentUser;
import org.amity.ledger.ImportError;
import org.amity.ledger.ImportJobView;
import org.amity.ledger.ImportKind;
import org.amity.ledger.ImportResult;
import org.amity.ledger.LedgerImports;
import org.amity.ledger.LedgerProperties;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.amity.platform.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs imports: now, in the caller's thread, or as background jobs on a small bounded pool. */
@Service
class ImportService implements LedgerImports, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final BusinessClock clock;
    private final AuditTrail audit;
    private final ImportJobs jobs;
    private final PaymentReplay replay;
    // Not a bean on purpose: an Executor bean would replace Spring Boot's default application task executor.
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final Map<UUID, CountDownLatch> running = new ConcurrentHashMap<>();
    private final int loanWriters;
    private final PreparedImports prepared;

    ImportService(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, BusinessClock clock,
                  AuditTrail audit, LedgerProperties properties, ImportJobs jobs,
                  @Value("${amity.ledger.import.concurrency:1}") int concurrency,
                  @Value("${amity.ledger.import.queue:20}") int queue,
                  @Value("${amity.ledger.import.loan-writers:2}") int loanWriters, PreparedImports prepared) {
        this.loanWriters = loanWriters;
        this.prepared = prepared;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.audit = audit;
        this.jobs = jobs;
        this.replay = new PaymentReplay(properties);
        // one import at a time by default: each keeps a database backend and a CPU busy for its whole run
        executor.setCorePoolSize(concurrency);
        executor.setMaxPoolSize(concurrency);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix("ledger-import-");
        executor.initialize();
    }

    @Override
    public ImportResult importNow(ImportKind kind, Reader csv) {
        return run(UUID.randomUUID(), kind, null, csv, rows -> {
        });
    }

    @Override
    public ImportJobView start(ImportKind kind, Path csvFile, String fileName) {
        return submit(kind, csvFile, fileName, false);
    }

    @Override
    public ImportJobView start(ImportKind kind, InputStream upload, String fileName) {
        try {
            Path spool = Files.createTempFile("amity-import-", ".csv");
            Files.copy(upload, spool, StandardCopyOption.REPLACE_EXISTING);
            return submit(kind, spool, fileName, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the upload", e);
        }
    }

    @Override
    public Optional<ImportJobView> job(UUID id) {
        return jobs.find(id);
    }

    @Override
    public List<ImportJobView> recentJobs(int limit) {
        return jobs.recent(limit);
    }

    @Override
    public ImportJobView await(UUID id, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            CountDownLatch done = running.get(id);
            if (done != null) {
                done.await(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            // a job of another node (or already done): poll its row
            while (job(id).map(j -> !j.finished()).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return job(id).orElseThrow(() -> ApiProblem.notFound("IMPORT_NOT_FOUND", "No import job " + id));
    }

    private ImportJobView submit(ImportKind kind, Path file, String fileName, boolean deleteWhenDone) {
        UUID id = UUID.randomUUID();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = fileName == null || fileName.isBlank() ? file.getFileName().toString() : fileName;
        jobs.create(id, kind, name, size, CurrentUser.name(), clock.instant());
        CountDownLatch done = new CountDownLatch(1);
        running.put(id, done);
        Runnable work = () -> {
            try {
                runJob(id, kind, file, name);
            } finally {
                running.remove(id);
                done.countDown();
                if (deleteWhenDone) {
                    deleteQuietly(file);
                }
            }
        };
        try {
            // the job is audited as the person who uploaded it
            executor.execute(new DelegatingSecurityContextRunnable(work));
        } catch (TaskRejectedException e) {
            running.remove(id);
            jobs.finish(id, failure(kind, "IMPORT_QUEUE_FULL", "Too many imports are waiting; try again later"), 0, clock.instant());
            if (deleteWhenDone) {
                deleteQuietly(file);
            }
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "IMPORT_QUEUE_FULL", null, "Too many imports are waiting; try again later");
        }
        return jobs.find(id).orElseThrow();
    }

    private void runJob(UUID id, ImportKind kind, Path file, String fileName) {
        CountingInputStream bytes = null;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = new CountingInputStream(in);
            CountingInputStream counted = bytes;
            // a strict decoder: bytes that are not UTF-8 are an error, not silently replaced characters
            Reader reader = new BufferedReader(new InputStreamReader(counted, java.nio.charset.StandardCharsets.UTF_8.newDecoder()), 1 << 16);
            ImportResult result = run(id, kind, fileName, reader, rows -> jobs.progress(id, rows, counted.count()));
            jobs.finish(id, result, counted.count(), clock.instant());
        } catch (Exception e) {
            log.error("Import {} of {} failed", id, fileName, e);
            jobs.finish(id, failure(kind, "IMPORT_FAILED", "The import stopped on an unexpected error and wrote nothing: "
                    + e.getMessage()), bytes == null ? 0 : bytes.count(), clock.instant());
        }
    }

    private ImportResult run(UUID id, ImportKind kind, String fileName, Reader csv, LongConsumer progress) {
        long started = System.nanoTime();
        // a loans import writes on more than one connection where it may: the database's per-row work is its critical
        // path. Not inside a caller's transaction: other connections would not see what that transaction wrote (the
        // customers of the loans, say), and the import is to commit or roll back with it.
        int writers = kind == ImportKind.LOANS && !TransactionSynchronizationManager.isActualTransactionActive()
                ? prepared.writers(loanWriters) : 1;
        ImportResult result;
        try (PreparedWriters extra = writers > 1 ? PreparedWriters.open(dataSource, id, writers - 1) : PreparedWriters.none(id)) {
            result = tx.execute(status -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored, so it can be compared with created_at
                ImportContext ctx = new ImportContext(DataSourceUtils.getConnection(dataSource), jdbc, now, progress);
                ImportContext.Counts counts = switch (kind) {
                    case CUSTOMERS -> new CustomerImporter(ctx).run(csv);
                    case LOANS -> new LoanImporter(extra.writers(ctx)).run(csv);
                    case PAYMENTS -> new PaymentImporter(ctx, replay).run(csv);
                };
                if (ctx.errors.any()) {
                    status.setRollbackOnly(); // all or nothing: a bad file never half-imports (nor do the extra writers)
                    List<ImportError> errors = ctx.errors.kept().stream().sorted(Comparator.comparingLong(ImportError::line)).toList();
                    return new ImportResult(kind, counts.processed(), 0, 0, ctx.errors.count(), errors);
                }
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("kind", kind.name());
                state.put("fileName", fileName);
                state.put("rows", counts.imported());
                state.put("skipped", counts.skipped());
                audit.record("IMPORT_COMPLETED", "ImportJob", id.toString(), null, state);
                extra.prepare(jdbc); // the extra writers' work commits with this transaction, or not at all
                return new ImportResult(kind, counts.processed(), counts.imported(), counts.skipped(), 0, List.of());
            });
        }
        log.info("Import {} ({}): {} rows read, {} imported, {} errors in {} ms", id, kind, result.processedRows(),
                result.importedRows(), result.errorCount(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static ImportResult failure(ImportKind kind, String code, String message) {
        return new ImportResult(kind, 0, 0, 0, 1, List.of(new ImportError(0, null, code, message)));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
