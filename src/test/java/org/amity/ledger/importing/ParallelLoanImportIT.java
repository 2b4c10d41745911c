package org.amity.ledger.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.amity.ledger.ImportKind;
import org.amity.ledger.ImportResult;
import org.amity.ledger.LedgerImports;
import org.amity.support.AmityIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A loans import writes on two connections (the main transaction and one prepared writer) and must still be all or
 * nothing, find repeats whichever part of the file they are in, and leave no prepared transaction behind; one a crash
 * left behind is resolved by its import's decision.
 */
@AmityIntegrationTest
class ParallelLoanImportIT {

    /** More than two chunks of {@code LoanImporter}, so both writers write several parts. */
    static final int LOANS = 12_000;

    @Autowired
    LedgerImports imports;

    @Autowired
    PreparedImports prepared;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    String prefix;

    @BeforeEach
    void customers() {
        prefix = "PAR" + UUID.randomUUID().toString().substring(0, 8) + "-";
        StringBuilder csv = new StringBuilder(String.join(",", ImportKind.CUSTOMERS.columns())).append('\n');
        for (int i = 0; i < 40; i++) {
            csv.append(String.format("%sC%d,Borrower %d,110101199003071234,zh-CN,CN,Beijing,Beijing,1 Chang'an Ave,"
                    + "Asia/Shanghai,+86139%08d,true,SELF,c%d@example.cn,false%n", prefix, i, i, Math.floorMod((prefix + i).hashCode(), 100_000_000), i));
        }
        ImportResult result = imports.importNow(ImportKind.CUSTOMERS, new StringReader(csv.toString()));
        assertThat(result.errors()).isEmpty();
    }

    /** {@code LOANS} loans of the test's customers, one line replaced where {@code replace} says. */
    String loans(int replacedLine, String replacement) {
        StringBuilder csv = new StringBuilder(String.join(",", ImportKind.LOANS.columns())).append('\n');
        for (int i = 0; i < LOANS; i++) {
            int line = i + 2;
            csv.append(line == replacedLine ? replacement : String.format("%sL%d,%sC%d,CONSUMER,CNY,%d.00,0.0600,%d,%s,2026-01-10,2026-02-10,3",
                    prefix, i, prefix, i % 40, 1_000 + i, i % 2 == 0 ? 6 : 12, i % 3 == 0 ? "EQUAL_PRINCIPAL" : "EQUAL_INSTALLMENT"))
                    .append('\n');
        }
        return csv.toString();
    }

    long count(String sql) {
        return jdbc.sql(sql).param(prefix + "%").query(Long.class).single();
    }

    long preparedLeft() {
        return jdbc.sql("SELECT count(*) FROM pg_prepared_xacts").query(Long.class).single();
    }

    @Test
    void bothWritersWriteAndTheImportCommitsWhole() {
        ImportResult result = imports.importNow(ImportKind.LOANS, new StringReader(loans(0, null)));

        assertThat(result.errors()).isEmpty();
        assertThat(result.importedRows()).isEqualTo(LOANS);
        assertThat(count("SELECT count(*) FROM loan WHERE external_id LIKE ?")).isEqualTo(LOANS);
        assertThat(count("SELECT count(*) FROM instalment i JOIN loan l ON l.id = i.loan_id WHERE l.external_id LIKE ?"))
                .isEqualTo(LOANS / 2 * 6 + LOANS / 2 * 12);
        // each writer draws ids from its own range: two ranges mean both wrote
        assertThat(count("SELECT count(DISTINCT left(id::text, 18)) FROM loan WHERE external_id LIKE ?")).isEqualTo(2);
        assertThat(preparedLeft()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_import_commit").query(Long.class).single()).isZero();
    }

    @Test
    void anErrorOnTheLastLineRollsBackWhatEveryWriterWrote() {
        int last = LOANS + 1;
        ImportResult result = imports.importNow(ImportKind.LOANS, new StringReader(loans(last,
                prefix + "LX,NO-SUCH-CUSTOMER,CONSUMER,CNY,1000.00,0.06,6,EQUAL_PRINCIPAL,2026-01-10,2026-02-10,3")));

        assertThat(result.errorCount()).isEqualTo(1);
        assertThat(result.errors().get(0).line()).isEqualTo(last);
        assertThat(result.errors().get(0).code()).isEqualTo("UNKNOWN_CUSTOMER");
        assertThat(count("SELECT count(*) FROM loan WHERE external_id LIKE ?")).isZero();
        assertThat(preparedLeft()).isZero();
    }

    @Test
    void aRepeatIsFoundWhicheverChunkAndWriterItIsIn() {
        int repeatLine = 11_000;
        ImportResult result = imports.importNow(ImportKind.LOANS, new StringReader(loans(repeatLine,
                prefix + "L3,%sC1,CONSUMER,CNY,1000.00,0.06,6,EQUAL_PRINCIPAL,2026-01-10,2026-02-10,3".formatted(prefix))));

        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).line()).isEqualTo(repeatLine);
        assertThat(result.errors().get(0).code()).isEqualTo("DUPLICATE_EXTERNAL_ID");
        assertThat(count("SELECT count(*) FROM loan WHERE external_id LIKE ?")).isZero();
        assertThat(preparedLeft()).isZero();
    }

    @Test
    void preparedWritersACrashLeftAreCommittedOrRolledBackByTheirImportsDecision() throws Exception {
        jdbc.sql("CREATE TABLE IF NOT EXISTS prepared_probe (id UUID PRIMARY KEY)").update();
        UUID decided = UUID.randomUUID();
        UUID undecided = UUID.randomUUID();
        UUID deciding = UUID.randomUUID();
        UUID committedRow = prepare(decided);
        UUID rolledBackRow = prepare(undecided);
        UUID waitingRow = prepare(deciding);
        jdbc.sql("INSERT INTO ledger_import_commit (import_id, committed_at) VALUES (?, now())").param(decided).update();

        try (Connection mainTransaction = dataSource.getConnection()) {
            // the third import's main transaction has not decided yet: it holds the import's lock
            mainTransaction.setAutoCommit(false);
            try (var s = mainTransaction.prepareStatement("SELECT pg_advisory_xact_lock(" + PreparedWriters.LOCK + ")")) {
                s.setString(1, deciding.toString());
                s.executeQuery().close();
            }

            assertThat(prepared.resolve()).isEqualTo(2);
            assertThat(probe(committedRow)).isTrue();
            assertThat(probe(rolledBackRow)).isFalse();
            assertThat(jdbc.sql("SELECT gid FROM pg_prepared_xacts").query(String.class).list())
                    .containsExactly(PreparedWriters.GID_PREFIX + deciding + "-1");
            assertThat(jdbc.sql("SELECT count(*) FROM ledger_import_commit WHERE import_id = ?").param(decided)
                    .query(Long.class).single()).isZero();

            mainTransaction.rollback();
        }
        assertThat(prepared.resolve()).isEqualTo(1);
        assertThat(probe(waitingRow)).isFalse();
        assertThat(preparedLeft()).isZero();
    }

    /** A prepared writer of import {@code importId} that inserted one probe row; returns the row's id. */
    UUID prepare(UUID importId) throws Exception {
        UUID row = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO prepared_probe VALUES ('" + row + "')");
            s.execute("PREPARE TRANSACTION '" + PreparedWriters.GID_PREFIX + importId + "-1'");
            c.setAutoCommit(true);
        }
        return row;
    }

    boolean probe(UUID row) {
        return jdbc.sql("SELECT count(*) FROM prepared_probe WHERE id = ?").param(row).query(Long.class).single() == 1;
    }
}
