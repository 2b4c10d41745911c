package org.amity.ledger.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes rows with {@code COPY … FROM STDIN (FORMAT binary)}: for the bulk of an import (loans and their
 * schedules) the PostgreSQL backend, not Java, is the critical path, and binary values spare it parsing text into
 * uuid, date and numeric (numeric parsing is the costliest of them).
 *
 * <p>Each value is written with the method for its column's type, in the column order given to the constructor:
 * binary COPY does not convert, so a value of the wrong width is rejected by the server (the transaction then
 * rolls back, as for any failed import). The formats are PostgreSQL's send/receive formats, big-endian.
 */
final class CopyBinary implements AutoCloseable {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int FLUSH_AT = 1 << 16;
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final int NUMERIC_NEGATIVE = 0x4000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final long[] POWERS = {1, 10, 100, 1_000};

    private final PGCopyOutputStream out;
    private final int columns;
    private byte[] buffer = new byte[FLUSH_AT + 1024];
    private int length;
    private int inRow;
    // base-10000 digits of the numeric being written, least significant first
    private final short[] digits = new short[64];

    CopyBinary(Connection connection, String table, String columns) {
        this.columns = columns.split(",").length;
        try {
            this.out = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)", FLUSH_AT);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        }
        bytes(SIGNATURE, SIGNATURE.length);
        int32(0); // flags: no OIDs
        int32(0); // no header extension
    }

    CopyBinary uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        field(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
        return this;
    }

    CopyBinary int4(int value) {
        field(4);
        int32(value);
        return this;
    }

    CopyBinary date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        field(4);
        int32(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
        return this;
    }

    /** {@code timestamptz}: microseconds since 2000-01-01T00:00Z (sub-microsecond digits are dropped, as PostgreSQL does). */
    CopyBinary timestamptz(Instant value) {
        if (value == null) {
            return nul();
        }
        field(8);
        int64(ChronoUnit.MICROS.between(PG_EPOCH, value));
        return this;
    }

    CopyBinary text(String value) {
        if (value == null) {
            return nul();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        field(utf8.length);
        bytes(utf8, utf8.length);
        return this;
    }

    /**
     * {@code numeric}: the digit count, the weight of the first base-10000 digit, the sign, the display scale, then
     * the base-10000 digits without leading or trailing zero digits (PostgreSQL's {@code numeric_send} layout).
     */
    CopyBinary numeric(BigDecimal value) {
        if (value == null) {
            return nul();
        }
        int scale = value.scale();
        if (scale < 0) {
            value = value.setScale(0);
            scale = 0;
        }
        // the unscaled value, padded on the right so that the fraction fills whole base-10000 digits
        int pad = (4 - scale % 4) % 4;
        BigInteger unscaled = value.unscaledValue().abs();
        int count = 0;
        if (unscaled.bitLength() < 50) {
            long v = unscaled.longValueExact() * POWERS[pad];
            while (v != 0) {
                digits[count++] = (short) (v % 10_000);
                v /= 10_000;
            }
        } else {
            BigInteger v = unscaled.multiply(BigInteger.valueOf(POWERS[pad]));
            while (v.signum() != 0) {
                BigInteger[] qr = v.divideAndRemainder(TEN_THOUSAND);
                if (count == digits.length) {
                    throw new IllegalArgumentException("numeric too large for COPY: " + value);
                }
                digits[count++] = qr[1].shortValue();
                v = qr[0];
            }
        }
        int fractionDigits = (scale + pad) / 4;
        int low = 0;
        while (low < count && digits[low] == 0) {
            low++;
        }
        int n = count - low;
        int weight = n == 0 ? 0 : count - 1 - fractionDigits;
        field(8 + 2 * n);
        int16(n);
        int16(weight);
        int16(value.signum() < 0 ? NUMERIC_NEGATIVE : 0);
        int16(scale);
        for (int i = count - 1; i >= low; i--) {
            int16(digits[i]);
        }
        return this;
    }

    CopyBinary nul() {
        field(-1);
        return this;
    }

    void endRow() {
        if (inRow != columns) {
            throw new IllegalStateException("A row of " + columns + " columns got " + inRow + " values");
        }
        inRow = 0;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Starts a field of the given byte length (−1: NULL), and a row's field count before its first field. */
    private void field(int byteLength) {
        if (inRow == 0) {
            int16(columns);
        }
        inRow++;
        int32(byteLength);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void int16(int v) {
        ensure(2);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void bytes(byte[] b, int n) {
        ensure(n);
        System.arraycopy(b, 0, buffer, length, n);
        length += n;
    }

    private void flush() {
        try {
            out.write(buffer, 0, length);
            length = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Ends the COPY; the rows are in the table (inside the caller's transaction) once this returns. */
    @Override
    public void close() {
        if (inRow != 0) {
            // a row was left half-written (its values threw): abandon the COPY, the caller's transaction rolls back
            try {
                out.cancelCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY could not be cancelled", e);
            }
            return;
        }
        int16(-1); // file trailer
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("COPY failed: " + e.getMessage(), e);
        }
    }
}
