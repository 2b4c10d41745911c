package org.amity.ledger.importing;

import java.util.List;
import java.util.Map;
import org.amity.ledger.ImportKind;

/**
 * Translates the field an API validation names ({@code address.timeZone}, {@code contactPoints[1].value},
 * {@code annualRate}) into the CSV column the user has to fix ({@code time_zone}, {@code email}, {@code annual_rate}).
 */
final class Columns {

    private static final Map<String, String> RENAMED = Map.of(
            "address.line", "address_line",
            "customerId", "customer_external_id",
            "nationalId", "national_id");

    private Columns() {
    }

    /**
     * @param contactColumns the column each contact point came from, in the order they were given to validation
     */
    static String of(String field, ImportKind kind, List<String> contactColumns) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("contactPoints[")) {
            int i = Integer.parseInt(field.substring("contactPoints[".length(), field.indexOf(']')));
            return i < contactColumns.size() ? contactColumns.get(i) : null;
        }
        String renamed = RENAMED.get(field);
        if (renamed != null) {
            return renamed;
        }
        String leaf = field.startsWith("address.") ? field.substring("address.".length()) : field;
        String snake = leaf.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
        return kind.columns().contains(snake) ? snake : null;
    }
}
