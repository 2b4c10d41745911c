package org.amity.ledger.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** An instalment's amounts due and paid so far, by component; mutable only through {@link PaymentAllocator}. */
public final class InstalmentBalance {

    private final int number;
    private final LocalDate dueDate;
    private final Map<Component, BigDecimal> due = new EnumMap<>(Component.class);
    private final Map<Component, BigDecimal> paid = new EnumMap<>(Component.class);

    public InstalmentBalance(int number, LocalDate dueDate, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                             BigDecimal penalties) {
        this.number = number;
        this.dueDate = dueDate;
        due.put(Component.PRINCIPAL, principal);
        due.put(Component.INTEREST, interest);
        due.put(Component.FEE, fees);
        due.put(Component.PENALTY, penalties);
        for (Component c : Component.values()) {
            paid.put(c, Money.ZERO);
        }
    }

    public int number() {
        return number;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public BigDecimal due(Component c) {
        return due.get(c);
    }

    public BigDecimal paid(Component c) {
        return paid.get(c);
    }

    public BigDecimal outstanding(Component c) {
        return due.get(c).subtract(paid.get(c));
    }

    public BigDecimal totalDue() {
        return due.values().stream().reduce(Money.ZERO, BigDecimal::add);
    }

    public BigDecimal totalPaid() {
        return paid.values().stream().reduce(Money.ZERO, BigDecimal::add);
    }

    public BigDecimal remaining() {
        return totalDue().subtract(totalPaid());
    }

    void pay(Component c, BigDecimal amount) {
        paid.put(c, paid.get(c).add(amount));
    }

    /** Records an amount already paid (when loading from storage). */
    public InstalmentBalance withPaid(Component c, BigDecimal amount) {
        paid.put(c, amount);
        return this;
    }
}
