package org.amity.ledger.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates repayment schedules with the convention documented in {@code docs/schedule-convention.md}:
 * monthly rate r = annualRate / 12 (unrounded); each period's interest = round_half_up(opening balance × r, 2);
 * EQUAL_INSTALLMENT (等额本息) pays round_half_up(P·r·(1+r)^n / ((1+r)^n − 1), 2) with principal = payment −
 * interest; EQUAL_PRINCIPAL (等额本金) repays round_half_up(P / n, 2) of principal each period. In both the
 * last instalment's principal is whatever balance remains, so principal always sums to P exactly. Instalment
 * k (1-based) falls due k−1 months after the first due date, on the same day of month clamped to month end.
 */
public final class ScheduleCalculator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private ScheduleCalculator() {
    }

    public static List<ScheduledInstalment> generate(BigDecimal principal, BigDecimal annualRate, int termMonths,
                                                     RepaymentMethod method, LocalDate firstDueDate) {
        if (principal == null || principal.signum() <= 0) {
            throw new IllegalArgumentException("principal must be positive");
        }
        if (annualRate == null || annualRate.signum() < 0) {
            throw new IllegalArgumentException("annual rate cannot be negative");
        }
        if (termMonths < 1 || termMonths > 600) {
            throw new IllegalArgumentException("term must be 1 to 600 months");
        }
        BigDecimal p = Money.cents(principal);
        return switch (method) {
            case EQUAL_INSTALLMENT -> equalInstallment(p, annualRate, termMonths, firstDueDate);
            case EQUAL_PRINCIPAL -> equalPrincipal(p, annualRate, termMonths, firstDueDate);
            case EXPLICIT -> throw new IllegalArgumentException("an explicit schedule is given, not generated");
        };
    }

    /** The level payment of an equal-instalment loan, rounded half-up to the cent. */
    public static BigDecimal levelPayment(BigDecimal principal, BigDecimal monthlyRate, int n) {
        if (monthlyRate.signum() == 0) {
            return Money.roundHalfUp(principal.divide(BigDecimal.valueOf(n), MC));
        }
        BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(n, MC);
        return Money.roundHalfUp(principal.multiply(monthlyRate, MC).multiply(growth, MC)
                .divide(growth.subtract(BigDecimal.ONE), MC));
    }

    public static LocalDate dueDate(LocalDate firstDueDate, int number) {
        // plusMonths from the first date (not chained) keeps the day of month, clamped to each month's end
        return firstDueDate.plusMonths(number - 1L);
    }

    /**
     * round_half_up(balance × annualRate / 12, 2) in one exact division: a monthly rate such as 0.049 / 12 has no
     * finite decimal form, and multiplying by a 34-digit cut of it turns exact half cents (180.00 → 0.735) into
     * 0.73499… that round down.
     */
    static BigDecimal monthlyInterest(BigDecimal balance, BigDecimal annualRate) {
        return balance.multiply(annualRate).divide(TWELVE, 2, RoundingMode.HALF_UP);
    }

    private static List<ScheduledInstalment> equalInstallment(BigDecimal p, BigDecimal annualRate, int n, LocalDate first) {
        BigDecimal payment = levelPayment(p, annualRate.divide(TWELVE, MC), n);
        List<ScheduledInstalment> schedule = new ArrayList<>(n);
        BigDecimal balance = p;
        for (int k = 1; k <= n; k++) {
            BigDecimal interest = monthlyInterest(balance, annualRate);
            BigDecimal principalPart = k == n ? balance : payment.subtract(interest).min(balance);
            if (principalPart.signum() < 0) {
                principalPart = Money.ZERO;
            }
            schedule.add(new ScheduledInstalment(k, dueDate(first, k), principalPart, interest, Money.ZERO));
            balance = balance.subtract(principalPart);
        }
        return schedule;
    }

    private static List<ScheduledInstalment> equalPrincipal(BigDecimal p, BigDecimal annualRate, int n, LocalDate first) {
        BigDecimal slice = Money.roundHalfUp(p.divide(BigDecimal.valueOf(n), MC));
        List<ScheduledInstalment> schedule = new ArrayList<>(n);
        BigDecimal balance = p;
        for (int k = 1; k <= n; k++) {
            BigDecimal interest = monthlyInterest(balance, annualRate);
            BigDecimal principalPart = k == n ? balance : slice.min(balance);
            schedule.add(new ScheduledInstalment(k, dueDate(first, k), principalPart, interest, Money.ZERO));
            balance = balance.subtract(principalPart);
        }
        return schedule;
    }
}
