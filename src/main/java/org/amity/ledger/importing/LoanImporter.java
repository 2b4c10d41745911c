package org.amity.ledger.importing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.ledger.ImportKind;
import org.amity.ledger.LoanService.ValidLoan;
import org.amity.ledger.domain.ScheduledInstalment;

/**
 * Streams a loans file into {@code loan} and {@code instalment}: per chunk, one query finds the customers the
 * chunk refers to and one finds duplicate ids, then the loans and their generated schedules go in with binary COPY.
 */
final class LoanImporter {

    // three chunks are alive at once (being read, handed over, being written): 5,000 loans keep that near 100 MB
    private static final int CHUNK = 5_000;

    private final ImportContext ctx;
    private long imported;

    LoanImporter(ImportContext ctx) {
        this.ctx = ctx;
    }

    ImportContext.Counts run(Reader csv) {
        long processed = ChunkedRows.read(ctx, csv, ImportKind.LOANS, CHUNK, LoanRows::parse, this::write);
        return new ImportContext.Counts(processed, imported, 0);
    }

    private void write(List<LoanRows.Row> chunk) {
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
        imported += rows.size();
    }
}
