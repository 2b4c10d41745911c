package org.amity.negotiation;

import java.util.Set;
import org.amity.identity.Role;
import org.amity.identity.UserAccounts;
import org.amity.support.OverdueBorrower;

/** An overdue borrower booked through the API, with a portal login (their customer number, password "demo"). */
final class Borrowers {

    private Borrowers() {
    }

    static OverdueBorrower withLogin(int port, UserAccounts accounts) {
        OverdueBorrower b = OverdueBorrower.book(port);
        accounts.create(b.customerNumber(), "demo", Set.of(Role.CUSTOMER), b.name(), java.util.UUID.fromString(b.customerId()), false);
        return b;
    }

    static String hardship(String loanId, String income, String expenses) {
        return """
                {"loanId":"%s","hardship":{"reason":"INCOME_LOSS","monthlyIncome":"%s","monthlyEssentialExpenses":"%s","dependants":2}}"""
                .formatted(loanId, income, expenses);
    }
}
