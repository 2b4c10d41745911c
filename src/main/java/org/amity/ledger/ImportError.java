package org.amity.ledger;

/**
 * One problem in an import file.
 *
 * @param line   the physical line where the offending record starts (the header is line 1)
 * @param column the CSV column at fault, or null when the whole record or file is
 * @param code   the same stable code the JSON API uses for the same mistake (e.g. {@code INVALID_TIME_ZONE})
 */
public record ImportError(long line, String column, String code, String message) {
}
