package org.amity.ledger;

import java.util.List;

/** What a CSV import file holds; each kind has a fixed header (see {@code docs/import.md}). */
public enum ImportKind {
    CUSTOMERS(List.of("external_id", "name", "national_id", "language", "country", "region", "city", "address_line",
            "time_zone", "phone", "phone_verified", "phone_owner", "email", "email_verified")),
    LOANS(List.of("external_id", "customer_external_id", "product", "currency", "principal", "annual_rate", "term_months",
            "method", "disbursed_on", "first_due_date", "grace_days")),
    PAYMENTS(List.of("loan_external_id", "reference", "amount", "received_at"));

    private final List<String> columns;

    ImportKind(List<String> columns) {
        this.columns = columns;
    }

    /** The header row of a file of this kind, in the documented order. */
    public List<String> columns() {
        return columns;
    }
}
