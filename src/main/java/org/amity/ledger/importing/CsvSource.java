package org.amity.ledger.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.amity.ledger.ImportKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the data records of an import file (RFC 4180, header row required) one at a time, with the physical
 * line each record starts on, so a record with a quoted line break still reports where it begins.
 */
final class CsvSource {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false) // blank lines are skipped below, so that line numbers stay exact
            .setTrim(false)
            .get();

    private CsvSource() {
    }

    /**
     * Calls {@code each} for every data record. A bad header, a malformed record (say, an unclosed quote) or
     * undecodable bytes stop the reading with an error, since nothing after them can be trusted.
     *
     * @return the number of data records read
     */
    static long read(Reader reader, ImportKind kind, ImportErrors errors, Consumer<CsvRow> each) {
        long rows = 0;
        long lineAfterPrevious = 1;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                errors.add(1, null, "EMPTY_FILE", "The file is empty; the first line must be the header " + kind.columns());
                return 0;
            }
            Map<String, Integer> index = header(records.next(), kind, errors);
            if (index == null) {
                return 0;
            }
            lineAfterPrevious = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    errors.add(lineAfterPrevious + 1, null, "MALFORMED_CSV", "The file cannot be read from here on: "
                            + rootMessage(e));
                    return rows;
                }
                long line = lineAfterPrevious + 1;
                lineAfterPrevious = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                rows++;
                if (record.size() != index.size()) {
                    errors.add(line, null, "WRONG_FIELD_COUNT", "The record has " + record.size() + " fields but the header has "
                            + index.size());
                    continue;
                }
                each.accept(new CsvRow(record, index, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Maps column name to position; every documented column must be present, and no other. */
    private static Map<String, Integer> header(CSVRecord header, ImportKind kind, ImportErrors errors) {
        Map<String, Integer> index = new HashMap<>();
        List<String> expected = kind.columns();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT); // Excel writes a BOM
            if (!expected.contains(name)) {
                errors.add(1, name, "UNKNOWN_COLUMN", "'" + name + "' is not a column of a " + kind + " file; the header is "
                        + expected);
            } else if (index.putIfAbsent(name, i) != null) {
                errors.add(1, name, "DUPLICATE_COLUMN", "Column '" + name + "' appears twice in the header");
            }
        }
        for (String column : expected) {
            if (!index.containsKey(column)) {
                errors.add(1, column, "MISSING_COLUMN", "The header lacks column '" + column + "'; it is " + expected);
            }
        }
        return errors.any() ? null : index;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof java.nio.charset.CharacterCodingException ? "it is not valid UTF-8" : String.valueOf(t.getMessage());
    }
}
