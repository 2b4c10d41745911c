package org.amity.ledger.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One data record with typed accessors. A value that cannot be read as its type raises a {@link RowProblem}
 * naming the column; blank cells read as null so that the domain validation reports missing values with the
 * same codes the API uses.
 */
final class CsvRow {

    private final CSVRecord record;
    private final Map<String, Integer> index;
    private final long line;

    CsvRow(CSVRecord record, Map<String, Integer> index, long line) {
        this.record = record;
        this.index = index;
        this.line = line;
    }

    long line() {
        return line;
    }

    String text(String column) {
        Integer i = index.get(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        String v = record.get(i);
        return v == null || v.isBlank() ? null : v;
    }

    BigDecimal decimal(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            throw new RowProblem(column, "INVALID_VALUE", "'" + v + "' is not a decimal number (write 1234.50)");
        }
    }

    Integer integer(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new RowProblem(column, "INVALID_VALUE", "'" + v + "' is not a whole number");
        }
    }

    LocalDate date(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new RowProblem(column, "INVALID_VALUE", "'" + v + "' is not an ISO date (e.g. 2026-12-01)");
        }
    }

    Instant instant(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowProblem(column, "INVALID_VALUE",
                    "'" + v + "' is not an ISO-8601 instant with offset (e.g. 2026-12-01T09:00:00+08:00)");
        }
    }

    boolean bool(String column) {
        String v = text(column);
        if (v == null) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RowProblem(column, "INVALID_VALUE", "'" + v + "' is not true or false");
        };
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type, List<E> allowed) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        for (E e : allowed) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        throw new RowProblem(column, "INVALID_ENUM_VALUE", "'" + v + "' is not one of " + allowed);
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        return enumValue(column, type, Arrays.asList(type.getEnumConstants()));
    }
}
