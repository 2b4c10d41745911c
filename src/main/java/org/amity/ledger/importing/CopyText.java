package org.amity.ledger.importing;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    private final Writer out;
    private boolean firstInRow = true;

    CopyText(Connection connection, String table, String columns) {
        try {
            PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "COPY " + table + " (" + columns + ") FROM STDIN", 1 << 16);
            this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        }
    }

    CopyText add(Object value) {
        try {
            if (!firstInRow) {
                out.write('\t');
            }
            firstInRow = false;
            if (value == null) {
                out.write("\\N");
            } else if (value instanceof java.math.BigDecimal d) {
                out.write(d.toPlainString());
            } else {
                escape(value.toString());
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void endRow() {
        try {
            out.write('\n');
            firstInRow = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void escape(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    /** Ends the COPY; the rows are in the table (inside the caller's transaction) once this returns. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("COPY failed: " + e.getMessage(), e);
        }
    }
}
