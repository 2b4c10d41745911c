package org.amity.ledger.importing;

import java.util.ArrayList;
import java.util.List;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerService.NewContactPoint;
import org.amity.ledger.CustomerService.NewCustomer;
import org.amity.ledger.CustomerService.ValidCustomer;
import org.amity.ledger.CustomerView.Address;
import org.amity.ledger.CustomerView.ContactOwner;
import org.amity.ledger.CustomerView.ContactType;
import org.amity.ledger.ImportKind;
import org.amity.platform.ApiProblem;

/** Reads a customers row into the API's request and validates it with the API's own rules. */
final class CustomerRows {

    record Row(long line, ValidCustomer customer) {
    }

    private CustomerRows() {
    }

    /** @return the valid customer, or null after adding the row's errors */
    static Row parse(CsvRow row, ImportErrors errors) {
        List<NewContactPoint> points = new ArrayList<>();
        List<String> pointColumns = new ArrayList<>();
        NewCustomer request;
        long errorsBefore = errors.count();
        try {
            boolean phoneVerified = bool(row, "phone_verified", errors);
            ContactOwner phoneOwner = owner(row, errors);
            boolean emailVerified = bool(row, "email_verified", errors);
            if (errors.count() > errorsBefore) {
                return null;
            }
            if (row.text("phone") != null) {
                points.add(new NewContactPoint(ContactType.PHONE, row.text("phone"), phoneVerified, phoneOwner));
                pointColumns.add("phone");
            }
            if (row.text("email") != null) {
                points.add(new NewContactPoint(ContactType.EMAIL, row.text("email"), emailVerified, ContactOwner.SELF));
                pointColumns.add("email");
            }
            request = new NewCustomer(row.text("external_id"), row.text("name"), row.text("national_id"), row.text("language"),
                    new Address(row.text("country"), row.text("region"), row.text("city"), row.text("address_line"),
                            row.text("time_zone")), points);
        } catch (RowProblem p) {
            errors.add(row.line(), p.column(), p.code(), p.getMessage());
            return null;
        }
        try {
            return new Row(row.line(), CustomerService.validate(request));
        } catch (ApiProblem p) {
            errors.add(row.line(), Columns.of(p.field(), ImportKind.CUSTOMERS, pointColumns), p.code(), p.getMessage());
            return null;
        }
    }

    // Typed cells are read one by one so that every unreadable cell of the row is reported, not just the first.
    private static boolean bool(CsvRow row, String column, ImportErrors errors) {
        try {
            return row.bool(column);
        } catch (RowProblem p) {
            errors.add(row.line(), p.column(), p.code(), p.getMessage());
            return false;
        }
    }

    private static ContactOwner owner(CsvRow row, ImportErrors errors) {
        try {
            ContactOwner owner = row.enumValue("phone_owner", ContactOwner.class);
            return owner == null ? ContactOwner.SELF : owner;
        } catch (RowProblem p) {
            errors.add(row.line(), p.column(), p.code(), p.getMessage());
            return ContactOwner.SELF;
        }
    }
}
