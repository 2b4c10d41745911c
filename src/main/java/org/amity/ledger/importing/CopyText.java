package org.amity.ledger.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes rows to PostgreSQL with {@code COPY … FROM STDIN} in text format: the fastest way in, and rows stream
 * to the server while they are produced instead of being collected first.
 */
final class CopyText implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final PGCopyOutputStream out;
    // rows are built as text and handed over in large blocks: per-character writes to a Writer cost more
    // than everything else an import does
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstInRow = true;

    CopyText(Connection connection, String table, String columns) {
        try {
            this.out = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "COPY " + table + " (" + columns + ") FROM STDIN", FLUSH_AT);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        }
    }

    CopyText add(Object value) {
        if (!firstInRow) {
            buffer.append('\t');
        }
        firstInRow = false;
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof java.math.BigDecimal d) {
            buffer.append(d.toPlainString());
        } else if (value instanceof Integer || value instanceof Long) {
            buffer.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    void endRow() {
        buffer.append('\n');
        firstInRow = true;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() {
        try {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
            buffer.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Ends the COPY; the rows are in the table (inside the caller's transaction) once this returns. */
    @Override
    public void close() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("COPY failed: " + e.getMessage(), e);
        }
    }
}
