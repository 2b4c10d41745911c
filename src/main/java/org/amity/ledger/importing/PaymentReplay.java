package org.amity.ledger.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.ledger.LedgerProperties;
import org.amity.ledger.domain.Component;
import org.amity.ledger.domain.InstalmentBalance;
import org.amity.ledger.domain.PaymentAllocator;

/**
 * Re-allocates every live payment of a chunk of loans, oldest received first, exactly as
 * {@code PaymentService.reallocate} does for one loan (same {@link PaymentAllocator}, same order of payments,
 * same component order per product), but with a handful of statements per chunk instead of several per
 * payment. Replaying the whole loan gives the same result as posting the new payments one by one, whatever
 * their dates: that is what {@code PaymentService} converges to as well.
 */
final class PaymentReplay {

    private final LedgerProperties properties;

    PaymentReplay(LedgerProperties properties) {
        this.properties = properties;
    }

    private record Stored(InstalmentBalance balance, BigDecimal[] paid) {
    }

    private record Live(UUID id, UUID customerId, BigDecimal amount, java.sql.Timestamp receivedAt) {
    }

    void reallocate(ImportContext ctx, List<UUID> loans) {
        Map<UUID, String> products = new HashMap<>();
        ctx.jdbc.sql("SELECT id, product FROM loan WHERE id = ANY(?)").param(ctx.uuidArray(loans))
                .query(rs -> {
                    products.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        Map<UUID, List<Stored>> schedules = new LinkedHashMap<>();
        ctx.jdbc.sql("SELECT * FROM instalment WHERE loan_id = ANY(?) ORDER BY loan_id, due_date, number")
                .param(ctx.uuidArray(loans))
                .query(rs -> {
                    InstalmentBalance b = new InstalmentBalance(rs.getInt("number"), rs.getObject("due_date", LocalDate.class),
                            rs.getBigDecimal("principal"), rs.getBigDecimal("interest"), rs.getBigDecimal("fees"),
                            rs.getBigDecimal("penalties"));
                    BigDecimal[] paid = {rs.getBigDecimal("paid_principal"), rs.getBigDecimal("paid_interest"),
                            rs.getBigDecimal("paid_fees"), rs.getBigDecimal("paid_penalties")};
                    schedules.computeIfAbsent(rs.getObject("loan_id", UUID.class), k -> new ArrayList<>()).add(new Stored(b, paid));
                });
        // PaymentService replays by (received_at, recorded_at, id); the imported payments share recorded_at, so
        // among themselves they keep their order in the file, as if posted one by one.
        Map<UUID, List<Live>> payments = new HashMap<>();
        ctx.jdbc.sql("""
                SELECT p.id, p.loan_id, p.customer_id, p.amount, p.received_at FROM payment p
                  LEFT JOIN import_payment_resolved r ON r.id = p.id
                 WHERE p.loan_id = ANY(?) AND p.reversed_at IS NULL
                 ORDER BY p.loan_id, p.received_at, p.recorded_at, r.line NULLS FIRST, p.id""")
                .param(ctx.uuidArray(loans))
                .query(rs -> {
                    payments.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>()).add(new Live(
                            rs.getObject(1, UUID.class), rs.getObject(3, UUID.class), rs.getBigDecimal(4), rs.getTimestamp(5)));
                });
        ctx.jdbc.sql("DELETE FROM payment_allocation WHERE loan_id = ANY(?)").param(ctx.uuidArray(loans)).update();
        ctx.jdbc.sql("UPDATE payment SET unallocated = 0 WHERE loan_id = ANY(?) AND unallocated <> 0").param(ctx.uuidArray(loans)).update();

        List<Object[]> unallocated = new ArrayList<>();
        List<Object[]> paidChanges = new ArrayList<>();
        try (CopyText copy = new CopyText(ctx.connection, "payment_allocation",
                "payment_id, loan_id, customer_id, instalment_number, component, amount, received_at")) {
            for (UUID loan : loans) {
                List<Stored> schedule = schedules.getOrDefault(loan, List.of());
                List<InstalmentBalance> balances = schedule.stream().map(Stored::balance).toList();
                List<Component> order = properties.allocationOrderFor(products.get(loan));
                for (Live p : payments.getOrDefault(loan, List.of())) {
                    PaymentAllocator.Result result = PaymentAllocator.allocate(balances, p.amount(), order);
                    for (PaymentAllocator.Allocation a : result.allocations()) {
                        copy.add(p.id()).add(loan).add(p.customerId()).add(a.instalmentNumber()).add(a.component().name())
                                .add(a.amount()).add(p.receivedAt().toInstant()).endRow();
                    }
                    if (result.unallocated().signum() != 0) {
                        unallocated.add(new Object[]{p.id(), result.unallocated()});
                    }
                }
                for (Stored s : schedule) {
                    BigDecimal[] now = {s.balance().paid(Component.PRINCIPAL), s.balance().paid(Component.INTEREST),
                            s.balance().paid(Component.FEE), s.balance().paid(Component.PENALTY)};
                    if (!sameAmounts(now, s.paid())) {
                        paidChanges.add(new Object[]{loan, s.balance().number(), now[0], now[1], now[2], now[3]});
                    }
                }
            }
        }
        writePaid(ctx, paidChanges);
        writeUnallocated(ctx, unallocated);
    }

    private static void writePaid(ImportContext ctx, List<Object[]> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ctx.jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS import_paid (loan_id UUID, number INT, principal NUMERIC(19, 2),
                    interest NUMERIC(19, 2), fees NUMERIC(19, 2), penalties NUMERIC(19, 2)) ON COMMIT DROP""").update();
        copyRows(ctx, "import_paid", "loan_id, number, principal, interest, fees, penalties", changes);
        ctx.jdbc.sql("""
                UPDATE instalment i SET paid_principal = t.principal, paid_interest = t.interest, paid_fees = t.fees,
                                        paid_penalties = t.penalties
                  FROM import_paid t WHERE i.loan_id = t.loan_id AND i.number = t.number""").update();
        ctx.jdbc.sql("TRUNCATE import_paid").update();
    }

    private static void writeUnallocated(ImportContext ctx, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ctx.jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS import_unallocated (payment_id UUID, amount NUMERIC(19, 2)) ON COMMIT DROP")
                .update();
        copyRows(ctx, "import_unallocated", "payment_id, amount", rows);
        ctx.jdbc.sql("UPDATE payment p SET unallocated = t.amount FROM import_unallocated t WHERE p.id = t.payment_id").update();
        ctx.jdbc.sql("TRUNCATE import_unallocated").update();
    }

    private static void copyRows(ImportContext ctx, String table, String columns, List<Object[]> rows) {
        try (CopyText copy = new CopyText(ctx.connection, table, columns)) {
            for (Object[] row : rows) {
                for (Object v : row) {
                    copy.add(v);
                }
                copy.endRow();
            }
        }
    }

    private static boolean sameAmounts(BigDecimal[] a, BigDecimal[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].compareTo(b[i]) != 0) {
                return false;
            }
        }
        return true;
    }
}
