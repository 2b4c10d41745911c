package org.amity.ledger.importing;

import java.io.Reader;
import java.util.List;
import java.util.Locale;
import org.amity.ledger.CustomerService.ValidCustomer;
import org.amity.ledger.CustomerView.ContactPoint;
import org.amity.ledger.ImportKind;

/** Streams a customers file into {@code customer} and {@code contact_point}, a chunk at a time, with COPY. */
final class CustomerImporter {

    private static final int CHUNK = 5_000;

    private final ImportContext ctx;
    private long imported;

    CustomerImporter(ImportContext ctx) {
        this.ctx = ctx;
    }

    ImportContext.Counts run(Reader csv) {
        long processed = ChunkedRows.read(ctx, csv, ImportKind.CUSTOMERS, CHUNK, CustomerRows::parse, this::write);
        return new ImportContext.Counts(processed, imported, 0);
    }

    private void write(List<CustomerRows.Row> chunk) {
        List<CustomerRows.Row> rows = DuplicateCheck.keepUnique(ctx, "customer", chunk, r -> r.customer().externalId(),
                CustomerRows.Row::line);
        try (CopyText copy = new CopyText(ctx.connection, "customer", "id, external_id, name, national_id, national_id_last4, "
                + "language, country, region, city, address_line, time_zone, created_at")) {
            for (CustomerRows.Row row : rows) {
                ValidCustomer c = row.customer();
                copy.add(c.id()).add(c.externalId()).add(c.name()).add(c.nationalId()).add(last4(c.nationalId()))
                        .add(c.language()).add(c.address().country()).add(c.address().region()).add(c.address().city())
                        .add(c.address().line()).add(c.address().timeZone()).add(ctx.now).endRow();
            }
        }
        try (CopyText copy = new CopyText(ctx.connection, "contact_point", "id, customer_id, type, value, verified, owner, created_at")) {
            for (CustomerRows.Row row : rows) {
                for (ContactPoint p : row.customer().contactPoints()) {
                    copy.add(p.id()).add(row.customer().id()).add(p.type().name()).add(p.value()).add(p.verified())
                            .add(p.owner().name()).add(ctx.now).endRow();
                }
            }
        }
        imported += rows.size();
    }

    /** As CustomerService stores it, for search by the last four characters. */
    private static String last4(String nationalId) {
        return nationalId.substring(Math.max(0, nationalId.length() - 4)).toUpperCase(Locale.ROOT);
    }
}
