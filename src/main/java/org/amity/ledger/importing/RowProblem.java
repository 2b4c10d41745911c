package org.amity.ledger.importing;

/** A value in one column of one row cannot be read; reported like the API's INVALID_VALUE problems. */
final class RowProblem extends RuntimeException {

    private final String column;
    private final String code;

    RowProblem(String column, String code, String message) {
        super(message, null, false, false); // no stack trace: a bad file can raise a million of these
        this.column = column;
        this.code = code;
    }

    String column() {
        return column;
    }

    String code() {
        return code;
    }
}
