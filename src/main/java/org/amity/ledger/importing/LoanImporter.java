package org.amity.ledger.importing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.amity.ledger.ImportKind;
import org.amity.ledger.LoanService.ValidLoan;
import org.amity.ledger.domain.ScheduledInstalment;

/**
 * Streams a loans file into {@code loan} and {@code instalment}: per chunk, one query finds the customers the
 * chunk refers to and one finds duplicate ids, then the loans and their generated schedules go in with binary COPY.
 *
 * <p>With more than one writer (each its own connection and transaction, {@link PreparedWriters}) every chunk is
 * split between them by the loan's external id, and the parts are written at once, one database backend each: the
 * server's per-row work (index entries, the stored {@code remaining}, WAL) is the import's critical path, and one
 * backend uses one core. A loan's external id always goes to the same writer, so a repeat within the file is found by
 * that writer's duplicate check, which sees its own earlier chunks, as with one writer.
 */
final class LoanImporter {

    // three chunks are alive at once (being read, handed over, being written): 5,000 loans keep that near 100 MB
    private static final int CHUNK = 5_000;

    private final ImportContext ctx;
    private final List<ImportContext> writers;
    private long imported;

    /** @param writers the first is the import's own (main) transaction */
    LoanImporter(List<ImportContext> writers) {
        this.ctx = writers.get(0);
        this.writers = writers;
    }

    ImportContext.Counts run(Reader csv) {
        if (writers.size() == 1) {
            long processed = ChunkedRows.read(ctx, csv, ImportKind.LOANS, CHUNK, LoanRows::parse, chunk -> imported += write(ctx, chunk));
            return new ImportContext.Counts(processed, imported, 0);
        }
        ExecutorService others = Executors.newFixedThreadPool(writers.size() - 1, r -> {
            Thread t = new Thread(r, "ledger-import-write");
            t.setDaemon(true);
            return t;
        });
        try {
            long processed = ChunkedRows.read(ctx, csv, ImportKind.LOANS, CHUNK, LoanRows::parse, chunk -> imported += writeSplit(chunk, others));
            return new ImportContext.Counts(processed, imported, 0);
        } finally {
            others.shutdownNow();
        }
    }

    /** Writes the chunk's parts at once, the first on this thread; returns when all are written. */
    private long writeSplit(List<LoanRows.Row> chunk, ExecutorService others) {
        List<List<LoanRows.Row>> parts = new ArrayList<>(writers.size());
        for (int w = 0; w < writers.size(); w++) {
            parts.add(new ArrayList<>(chunk.size() / writers.size() + 16));
        }
        for (LoanRows.Row row : chunk) {
            parts.get(Math.floorMod(row.loan().externalId().hashCode(), writers.size())).add(row);
        }
        List<Future<Long>> written = new ArrayList<>(writers.size() - 1);
        for (int w = 1; w < writers.size(); w++) {
            ImportContext writer = writers.get(w);
            List<LoanRows.Row> part = parts.get(w);
            written.add(others.submit(() -> write(writer, part)));
        }
        // every part is waited for, even after a failure: no writer may still be using its connection when the
        // import rolls back
        RuntimeException failure = null;
        long n = 0;
        try {
            n = write(ctx, parts.get(0));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<Long> f : written) {
            try {
                n += awaitUninterruptibly(f);
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("A writer of the import failed", e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return n;
    }

    private static <T> T awaitUninterruptibly(Future<T> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes the rows on the writer's connection; returns how many were written. */
    private static long write(ImportContext ctx, List<LoanRows.Row> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Map<String, UUID> customers = new HashMap<>();
        ctx.jdbc.sql("SELECT external_id, id FROM customer WHERE external_id = ANY(?)")
                .param(ctx.textArray(chunk.stream().map(LoanRows.Row::customerExternalId).distinct().toList()))
                .query(rs -> {
                    customers.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        List<LoanRows.Row> known = chunk.stream().filter(r -> {
            if (customers.containsKey(r.customerExternalId())) {
                return true;
            }
            ctx.errors.add(r.line(), "customer_external_id", "UNKNOWN_CUSTOMER",
                    "No customer with external id '" + r.customerExternalId() + "'; import the customers first");
            return false;
        }).toList();
        List<LoanRows.Row> rows = DuplicateCheck.keepUnique(ctx, "loan", known, r -> r.loan().externalId(), LoanRows.Row::line);
        List<UUID> ids = new ArrayList<>(rows.size());
        try (CopyBinary copy = new CopyBinary(ctx.connection, "loan", "id, customer_id, external_id, product, currency, principal, "
                + "annual_rate, term_months, method, disbursed_on, first_due_date, grace_days, created_at")) {
            for (LoanRows.Row row : rows) {
                ValidLoan l = row.loan();
                UUID id = ctx.ids.next();
                ids.add(id);
                copy.uuid(id).uuid(customers.get(row.customerExternalId())).text(l.externalId()).text(l.product()).text(l.currency())
                        .numeric(l.principal()).numeric(l.annualRate()).int4(l.termMonths()).text(l.method().name())
                        .date(l.disbursedOn()).date(l.firstDueDate()).int4(l.graceDays()).timestamptz(ctx.now).endRow();
            }
        }
        try (CopyBinary copy = new CopyBinary(ctx.connection, "instalment",
                "loan_id, number, customer_id, due_date, principal, interest, fees")) {
            for (int k = 0; k < rows.size(); k++) {
                UUID customer = customers.get(rows.get(k).customerExternalId());
                for (ScheduledInstalment i : rows.get(k).loan().schedule()) {
                    copy.uuid(ids.get(k)).int4(i.number()).uuid(customer).date(i.dueDate()).numeric(i.principal())
                            .numeric(i.interest()).numeric(i.fees()).endRow();
                }
            }
        }
        return rows.size();
    }
}
