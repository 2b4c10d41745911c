package org.amity.ledger.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.amity.support.AmityIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Binary COPY writes exactly the values PostgreSQL would have parsed from their text form. */
@AmityIntegrationTest
class CopyBinaryIT {

    private static final String[] NUMERICS = {"0", "0.00", "0.01", "-0.01", "1", "-1.50", "10000", "9999.99", "10000.0001",
            "0.0600", "0.00000001", "0.12345678", "123456789012345678.90", "-98765432109876543210.12",
            "12000.00", "1032.80", "100000000", "0.5", "7E+3"};

    @Autowired
    DataSource dataSource;

    @Test
    void everyValueReadsBackAsTheValueThatWasWritten() throws Exception {
        List<Object[]> written = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE copy_probe (id UUID, n INT, d DATE, amount NUMERIC, rate NUMERIC(12, 8), label TEXT, at TIMESTAMPTZ)");
            }
            LocalDate[] dates = {LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(2100, 2, 28)};
            String[] labels = {"王芳", "tab\there", "line\nbreak", "back\\slash", "", "L-000000001"};
            Instant[] instants = {Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
                    Instant.parse("2026-11-23T08:15:30.123456Z"), Instant.parse("2026-11-23T08:15:30.1234567Z")};
            try (CopyBinary copy = new CopyBinary(c, "copy_probe", "id, n, d, amount, rate, label, at")) {
                for (int i = 0; i < NUMERICS.length; i++) {
                    UUID id = UUID.randomUUID();
                    BigDecimal amount = new BigDecimal(NUMERICS[i]);
                    BigDecimal rate = i % 3 == 0 ? new BigDecimal("0.04350000") : null;
                    Object[] row = {id, i - 5, dates[i % dates.length], amount, rate, i % 4 == 3 ? null : labels[i % labels.length],
                            instants[i % instants.length]};
                    written.add(row);
                    copy.uuid(id).int4(i - 5).date((LocalDate) row[2]).numeric(amount).numeric(rate).text((String) row[5])
                            .timestamptz((Instant) row[6]).endRow();
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, n, d, amount::text, rate::text, label, at FROM copy_probe")) {
                int i = 0;
                while (rs.next()) {
                    Object[] row = written.get(i++);
                    assertThat(rs.getObject(1, UUID.class)).isEqualTo(row[0]);
                    assertThat(rs.getInt(2)).isEqualTo(row[1]);
                    assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(row[2]);
                    // the text PostgreSQL prints is the text it would have parsed: value and scale survive
                    assertThat(rs.getString(4)).isEqualTo(((BigDecimal) row[3]).setScale(Math.max(0, ((BigDecimal) row[3]).scale())).toPlainString());
                    assertThat(rs.getString(5)).isEqualTo(row[4] == null ? null : ((BigDecimal) row[4]).toPlainString());
                    assertThat(rs.getString(6)).isEqualTo(row[5]);
                    assertThat(rs.getObject(7, java.time.OffsetDateTime.class).toInstant())
                            .isEqualTo(((Instant) row[6]).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
                }
                assertThat(i).isEqualTo(NUMERICS.length);
            }
            c.rollback();
        }
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsRefusedBeforeItIsSent() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE copy_short (id UUID, n INT)");
            }
            try (CopyBinary copy = new CopyBinary(c, "copy_short", "id, n")) {
                assertThatThrownBy(() -> copy.uuid(UUID.randomUUID()).endRow()).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("2 columns got 1");
            }
            // the half-written row was abandoned with the COPY: the transaction rolls back and the connection still works
            c.rollback();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}
