package org.amity.ledger.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Allocates a payment to the oldest instalment first and, inside an instalment, by the product's component
 * order (default penalties → fees → interest → principal). What is left after the oldest instalments are
 * paid pays the next ones in advance (an overpayment reduces the next instalments); anything beyond the whole
 * schedule stays unallocated as a credit.
 */
public final class PaymentAllocator {

    public record Allocation(int instalmentNumber, Component component, BigDecimal amount) {
    }

    public record Result(List<Allocation> allocations, BigDecimal unallocated) {
    }

    private PaymentAllocator() {
    }

    public static Result allocate(List<InstalmentBalance> instalments, BigDecimal amount, List<Component> order) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment amount is positive");
        }
        // checked before anything is paid, so a bad configuration cannot leave an instalment half-allocated
        if (order.size() != Component.values().length
                || order.stream().filter(Objects::nonNull).distinct().count() != order.size()) {
            throw new IllegalArgumentException("the allocation order names every component once: " + order);
        }
        List<InstalmentBalance> oldestFirst = new ArrayList<>(instalments);
        oldestFirst.sort(Comparator.comparing(InstalmentBalance::dueDate).thenComparingInt(InstalmentBalance::number));
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (InstalmentBalance instalment : oldestFirst) {
            for (Component component : order) {
                if (left.signum() == 0) {
                    return new Result(allocations, Money.ZERO);
                }
                BigDecimal open = instalment.outstanding(component);
                if (open.signum() <= 0) {
                    continue;
                }
                BigDecimal pay = open.min(left);
                instalment.pay(component, pay);
                allocations.add(new Allocation(instalment.number(), component, pay));
                left = left.subtract(pay);
            }
        }
        return new Result(allocations, left);
    }
}
