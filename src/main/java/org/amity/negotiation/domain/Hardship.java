package org.amity.negotiation.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the customer tells us about their finances. Disposable (affordable) income = income − essential expenses.
 * Amounts are monthly, non-negative, with at most two decimals.
 */
public record Hardship(String reason, BigDecimal monthlyIncome, BigDecimal monthlyEssentialExpenses, int dependants) {

    public Hardship {
        Objects.requireNonNull(reason, "reason");
        monthlyIncome = nonNegativeCents(monthlyIncome, "monthlyIncome");
        monthlyEssentialExpenses = nonNegativeCents(monthlyEssentialExpenses, "monthlyEssentialExpenses");
        if (dependants < 0 || dependants > 30) {
            throw new IllegalArgumentException("dependants is between 0 and 30");
        }
    }

    public BigDecimal disposableIncome() {
        return monthlyIncome.subtract(monthlyEssentialExpenses);
    }

    static BigDecimal nonNegativeCents(BigDecimal amount, String field) {
        if (amount == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(field + " cannot be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(field + " has more than two decimals");
        }
        return amount.setScale(2);
    }
}
