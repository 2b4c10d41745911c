package org.amity.ledger.importing;

import java.io.Reader;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.amity.ledger.ImportKind;

/**
 * Imports payments in set-based steps: stream the file into a temporary table, find unknown loans and
 * reference conflicts with one query, insert the new payments with one statement, then re-allocate the loans
 * they touch chunk by chunk ({@link PaymentReplay}). A payment whose reference the loan already has with the
 * same amount is skipped, as {@code PaymentService.post} would skip it; a different amount is an error.
 */
final class PaymentImporter {

    private static final int LOAN_CHUNK = 2_000;
    private static final UUID BEFORE_ALL = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes

    private final ImportContext ctx;
    private final PaymentReplay replay;

    PaymentImporter(ImportContext ctx, PaymentReplay replay) {
        this.ctx = ctx;
        this.replay = replay;
    }

    ImportContext.Counts run(Reader csv) {
        // left over when an earlier import ran inside the same (still open) outer transaction
        ctx.jdbc.sql("DROP TABLE IF EXISTS import_payment, import_payment_resolved, import_loan, import_paid, import_unallocated")
                .update();
        ctx.jdbc.sql("""
                CREATE TEMP TABLE import_payment (line BIGINT NOT NULL, loan_external_id TEXT NOT NULL, reference TEXT NOT NULL,
                                                  amount NUMERIC(19, 2) NOT NULL, received_at TIMESTAMPTZ NOT NULL) ON COMMIT DROP""")
                .update();
        long processed;
        try (CopyText copy = new CopyText(ctx.connection, "import_payment", "line, loan_external_id, reference, amount, received_at")) {
            processed = CsvSource.read(csv, ImportKind.PAYMENTS, ctx.errors, row -> {
                ctx.rowRead();
                PaymentRows.Row p = PaymentRows.parse(row, ctx.errors, ctx.now);
                if (p != null) {
                    copy.add(p.line()).add(p.loanExternalId()).add(p.reference()).add(p.amount()).add(p.receivedAt()).endRow();
                }
            });
        }
        resolve();
        reportConflicts();
        if (ctx.errors.any()) {
            return new ImportContext.Counts(processed, 0, 0);
        }
        long imported = ctx.jdbc.sql("""
                INSERT INTO payment (id, loan_id, customer_id, reference, amount, currency, received_at, recorded_at)
                SELECT id, loan_id, customer_id, reference, amount, currency, received_at, ? FROM import_payment_resolved WHERE fresh""")
                .param(Timestamp.from(ctx.now)).update();
        ctx.jdbc.sql("CREATE TEMP TABLE import_loan ON COMMIT DROP AS SELECT DISTINCT loan_id FROM import_payment_resolved WHERE fresh")
                .update();
        ctx.jdbc.sql("ALTER TABLE import_loan ADD PRIMARY KEY (loan_id)").update();
        UUID after = BEFORE_ALL;
        while (true) {
            List<UUID> loans = ctx.jdbc.sql("SELECT loan_id FROM import_loan WHERE loan_id > ? ORDER BY loan_id LIMIT ?")
                    .params(after, LOAN_CHUNK).query(UUID.class).list();
            if (loans.isEmpty()) {
                break;
            }
            replay.reallocate(ctx, loans);
            after = loans.get(loans.size() - 1);
        }
        matchClaims();
        return new ImportContext.Counts(processed, imported, processed - imported);
    }

    /**
     * Joins each staged payment to its loan and to a payment the loan already has with the same reference;
     * {@code fresh} marks the payments to insert (not posted before, first of its reference in the file).
     */
    private void resolve() {
        ctx.jdbc.sql("""
                CREATE TEMP TABLE import_payment_resolved ON COMMIT DROP AS
                SELECT s.line, s.loan_external_id, s.reference, s.amount, s.received_at,
                       l.id AS loan_id, l.customer_id, l.currency, p.amount AS existing_amount,
                       first_value(s.line) OVER w AS first_line, first_value(s.amount) OVER w AS first_amount,
                       (p.id IS NULL AND first_value(s.line) OVER w = s.line) AS fresh,
                       gen_random_uuid() AS id
                  FROM import_payment s
                  LEFT JOIN loan l ON l.external_id = s.loan_external_id
                  LEFT JOIN payment p ON p.loan_id = l.id AND p.reference = s.reference
                WINDOW w AS (PARTITION BY s.loan_external_id, s.reference ORDER BY s.line)""").update();
        ctx.jdbc.sql("CREATE INDEX ON import_payment_resolved (id)").update();
        ctx.jdbc.sql("ANALYZE import_payment_resolved").update(); // temporary tables are never analysed automatically
    }

    private void reportConflicts() {
        String where = """

                 WHERE loan_id IS NULL OR existing_amount <> amount
                    OR (existing_amount IS NULL AND first_line <> line AND first_amount <> amount)""";
        long count = ctx.jdbc.sql("SELECT count(*) FROM import_payment_resolved" + where).query(Long.class).single();
        if (count == 0) {
            return;
        }
        List<Runnable> report = ctx.jdbc.sql("SELECT * FROM import_payment_resolved" + where + " ORDER BY line LIMIT ?")
                .param(org.amity.ledger.ImportResult.MAX_ERRORS)
                .query((rs, n) -> {
                    long line = rs.getLong("line");
                    String reference = rs.getString("reference");
                    if (rs.getObject("loan_id") == null) {
                        String loan = rs.getString("loan_external_id");
                        return (Runnable) () -> ctx.errors.add(line, "loan_external_id", "UNKNOWN_LOAN",
                                "No loan with external id '" + loan + "'");
                    }
                    String message = rs.getBigDecimal("existing_amount") != null
                            ? "Reference '" + reference + "' was already posted with amount " + rs.getBigDecimal("existing_amount").toPlainString()
                            : "Reference '" + reference + "' is on line " + rs.getLong("first_line") + " with amount "
                              + rs.getBigDecimal("first_amount").toPlainString();
                    return (Runnable) () -> ctx.errors.add(line, "reference", "PAYMENT_REFERENCE_CONFLICT", message);
                }).list();
        report.forEach(Runnable::run);
        ctx.errors.addUnlisted(count - report.size());
    }

    /**
     * As {@code PaymentClaimService.matchPayment} does for each posted payment: an open "I have paid" claim is
     * matched by the first payment (in file order, as if posted one by one) that covers its amount.
     */
    private void matchClaims() {
        ctx.jdbc.sql("""
                UPDATE payment_claim c SET matched_payment_id = m.payment_id, matched_at = :now
                  FROM (SELECT c2.id AS claim_id,
                               (SELECT r.id FROM import_payment_resolved r
                                 WHERE r.fresh AND r.loan_id = c2.loan_id AND (c2.amount IS NULL OR c2.amount <= r.amount)
                                 ORDER BY r.line LIMIT 1) AS payment_id
                          FROM payment_claim c2
                         WHERE c2.matched_payment_id IS NULL AND c2.expires_at > :now
                           AND c2.loan_id IN (SELECT loan_id FROM import_loan)) m
                 WHERE c.id = m.claim_id AND m.payment_id IS NOT NULL""")
                .param("now", Timestamp.from(ctx.now)).update();
    }
}
