package org.amity.ledger.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.amity.ledger.ImportKind;
import org.amity.ledger.LoanService;
import org.amity.ledger.LoanService.NewLoan;
import org.amity.ledger.LoanService.ValidLoan;
import org.amity.ledger.domain.RepaymentMethod;
import org.amity.platform.ApiProblem;

/** Reads a loans row into the API's request, validates it and generates its schedule with the API's own code. */
final class LoanRows {

    /** Validation needs some customer id; the real one is looked up per chunk, after validation. */
    private static final UUID CUSTOMER_NOT_YET_KNOWN = new UUID(0, 0);
    private static final List<RepaymentMethod> GENERATED = List.of(RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.EQUAL_PRINCIPAL);

    record Row(long line, String customerExternalId, ValidLoan loan) {
    }

    private LoanRows() {
    }

    /** @return the valid loan with its schedule, or null after adding the row's errors */
    static Row parse(CsvRow row, ImportErrors errors) {
        long errorsBefore = errors.count();
        String customer = row.text("customer_external_id");
        if (customer == null) {
            errors.add(row.line(), "customer_external_id", "FIELD_REQUIRED", "customer_external_id is required");
        }
        BigDecimal principal = cell(row, errors, r -> r.decimal("principal"));
        BigDecimal rate = cell(row, errors, r -> r.decimal("annual_rate"));
        Integer term = cell(row, errors, r -> r.integer("term_months"));
        RepaymentMethod method = cell(row, errors, r -> r.enumValue("method", RepaymentMethod.class, GENERATED));
        LocalDate disbursed = cell(row, errors, r -> r.date("disbursed_on"));
        LocalDate firstDue = cell(row, errors, r -> r.date("first_due_date"));
        Integer grace = cell(row, errors, r -> r.integer("grace_days"));
        if (errors.count() > errorsBefore) {
            return null;
        }
        NewLoan request = new NewLoan(row.text("external_id"), CUSTOMER_NOT_YET_KNOWN, row.text("product"), row.text("currency"),
                principal, rate, term, method, disbursed, firstDue, grace, null);
        try {
            return new Row(row.line(), customer.trim(), LoanService.validate(request));
        } catch (ApiProblem p) {
            errors.add(row.line(), Columns.of(p.field(), ImportKind.LOANS, List.of()), p.code(), p.getMessage());
            return null;
        }
    }

    /** Reads one typed cell, reporting (not throwing) a problem so that every bad cell of the row is listed. */
    static <T> T cell(CsvRow row, ImportErrors errors, Function<CsvRow, T> read) {
        try {
            return read.apply(row);
        } catch (RowProblem p) {
            errors.add(row.line(), p.column(), p.code(), p.getMessage());
            return null;
        }
    }
}
