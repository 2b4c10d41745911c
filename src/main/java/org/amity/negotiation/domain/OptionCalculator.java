package org.amity.negotiation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.amity.ledger.domain.Money;
import org.amity.ledger.domain.RepaymentMethod;
import org.amity.ledger.domain.ScheduleCalculator;
import org.amity.ledger.domain.ScheduledInstalment;

/**
 * Computes every option a policy offers for a loan position and a hardship, with the ledger's schedule convention
 * ({@link ScheduleCalculator}, {@code docs/schedule-convention.md}); exact to the cent. Pure: the same inputs give
 * the same quote, whoever the customer is. The maths of each option type is described in {@code docs/negotiation.md}.
 */
public final class OptionCalculator {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private OptionCalculator() {
    }

    /**
     * @param firstDueDate the first due date of a new schedule (the service uses one month after the business date)
     */
    public static Quote quote(ArrangementPolicy policy, LoanPosition position, Hardship hardship, LocalDate firstDueDate) {
        BigDecimal limit = affordableLimit(policy, hardship);
        List<ArrangementOption> options = new ArrayList<>();
        List<NotOffered> notOffered = new ArrayList<>();
        Set<OptionType> offered = policy.offeredAt(position.daysPastDue());
        boolean limitReached = position.arrangementsIn12Months() >= policy.maxArrangementsIn12Months();
        for (OptionType type : OptionType.values()) {
            if (limitReached) {
                notOffered.add(new NotOffered(type, "ARRANGEMENT_LIMIT_REACHED", "At most " + policy.maxArrangementsIn12Months()
                        + " arrangements in 12 months (" + policy.source("maxArrangementsIn12Months") + "); a supervisor reviews this request"));
                continue;
            }
            if (!offered.contains(type)) {
                notOffered.add(new NotOffered(type, "NOT_OFFERED_AT_DAYS_PAST_DUE", type + " is not offered at "
                        + position.daysPastDue() + " days past due (" + policy.source("offers") + ")"));
                continue;
            }
            if (position.balance().signum() <= 0) {
                notOffered.add(new NotOffered(type, "NOTHING_OWED", "The loan has nothing left to pay"));
                continue;
            }
            Result r = switch (type) {
                case INSTALMENT_PLAN -> instalmentPlan(policy, position, limit, firstDueDate);
                case TERM_EXTENSION -> termExtension(policy, position, limit, firstDueDate);
                case RATE_REDUCTION -> rateReduction(policy, position, limit, firstDueDate);
                case PAYMENT_HOLIDAY -> paymentHoliday(policy, position, limit, firstDueDate);
                case FEE_WAIVER -> feeWaiver(policy, position, limit, firstDueDate);
                case SETTLEMENT -> settlement(policy, position, limit, firstDueDate);
            };
            if (r.notOffered() != null) {
                notOffered.add(r.notOffered());
            } else {
                options.add(r.option());
            }
        }
        List<String> reasons = new ArrayList<>();
        Complexity complexity = assess(policy, position, options, limitReached, reasons);
        return new Quote(options, notOffered, complexity, reasons, limit, policy.version());
    }

    /** The largest instalment the customer may be asked for: the policy's share of disposable income, never below 0. */
    public static BigDecimal affordableLimit(ArrangementPolicy policy, Hardship hardship) {
        BigDecimal disposable = hardship.disposableIncome();
        if (disposable.signum() <= 0) {
            return Money.ZERO;
        }
        return disposable.multiply(policy.maxInstalmentShareOfDisposable()).setScale(2, RoundingMode.DOWN);
    }

    private record Result(ArrangementOption option, NotOffered notOffered) {
        static Result of(ArrangementOption option) {
            return new Result(option, null);
        }

        static Result no(OptionType type, String code, String reason) {
            return new Result(null, new NotOffered(type, code, reason));
        }
    }

    private static RepaymentMethod method(ArrangementPolicy policy, LoanPosition position) {
        return switch (policy.method()) {
            case EQUAL_INSTALLMENT -> RepaymentMethod.EQUAL_INSTALLMENT;
            case EQUAL_PRINCIPAL -> RepaymentMethod.EQUAL_PRINCIPAL;
            case SAME_AS_LOAN -> position.method() == RepaymentMethod.EQUAL_PRINCIPAL
                    ? RepaymentMethod.EQUAL_PRINCIPAL : RepaymentMethod.EQUAL_INSTALLMENT;
        };
    }

    private static int remainingTerm(ArrangementPolicy policy, LoanPosition position) {
        return Math.min(Math.max(1, position.remainingTerm()), policy.maxTermMonths());
    }

    /** The shortest term in the policy's ladder whose largest instalment is affordable; else the longest, marked unaffordable. */
    private static Result instalmentPlan(ArrangementPolicy policy, LoanPosition position, BigDecimal limit, LocalDate first) {
        RepaymentMethod method = method(policy, position);
        List<ScheduledInstalment> chosen = null;
        int deferred = 0; // a term already known to be the candidate, its schedule not generated yet
        for (int term : policy.planTerms()) {
            if (method == RepaymentMethod.EQUAL_INSTALLMENT) {
                // every equal-instalment schedule has an instalment of at least its level payment, so a level payment
                // above the limit (and not below the smallest first payment) decides this term without its schedule
                BigDecimal level = ScheduleCalculator.levelPayment(position.balance(),
                        position.annualRate().divide(TWELVE, java.math.MathContext.DECIMAL128), term);
                if (level.compareTo(limit) > 0 && level.compareTo(policy.minFirstPayment()) >= 0) {
                    chosen = null;
                    deferred = term;
                    continue;
                }
            }
            List<ScheduledInstalment> s = ScheduleCalculator.generate(position.balance(), position.annualRate(), term, method, first);
            if ((chosen != null || deferred != 0) && largest(s).compareTo(policy.minFirstPayment()) < 0) {
                break; // a longer term would ask for less than the smallest first payment the policy accepts
            }
            chosen = s;
            deferred = 0;
            if (largest(s).compareTo(limit) <= 0) {
                break;
            }
        }
        if (chosen == null) {
            chosen = ScheduleCalculator.generate(position.balance(), position.annualRate(), deferred, method, first);
        }
        return Result.of(option(OptionType.INSTALMENT_PLAN, chosen, Money.ZERO, 0, position.annualRate(), limit, position));
    }

    private static Result termExtension(ArrangementPolicy policy, LoanPosition position, BigDecimal limit, LocalDate first) {
        int remaining = Math.max(1, position.remainingTerm());
        int term = Math.min(remaining + policy.termExtensionMonths(), policy.maxTermMonths());
        if (term <= remaining) {
            return Result.no(OptionType.TERM_EXTENSION, "MAX_TERM_REACHED", "The remaining term already reaches the longest term, "
                    + policy.maxTermMonths() + " months (" + policy.source("maxTermMonths") + ")");
        }
        List<ScheduledInstalment> s = ScheduleCalculator.generate(position.balance(), position.annualRate(), term,
                method(policy, position), first);
        return Result.of(option(OptionType.TERM_EXTENSION, s, Money.ZERO, 0, position.annualRate(), limit, position));
    }

    private static Result rateReduction(ArrangementPolicy policy, LoanPosition position, BigDecimal limit, LocalDate first) {
        if (position.annualRate().signum() == 0) {
            return Result.no(OptionType.RATE_REDUCTION, "NO_INTEREST_TO_REDUCE", "The loan charges no interest");
        }
        BigDecimal rate = position.annualRate().multiply(policy.reducedRateFactor()).setScale(8, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        List<ScheduledInstalment> s = ScheduleCalculator.generate(position.balance(), rate, remainingTerm(policy, position),
                method(policy, position), first);
        return Result.of(option(OptionType.RATE_REDUCTION, s, Money.ZERO, 0, rate, limit, position));
    }

    /**
     * No instalment for the holiday months; then the balance is re-amortised over the remaining term. Capitalised:
     * each holiday month adds round_half_up(balance × r) to the balance (compounding monthly, like the schedule's
     * own interest). Not capitalised: the holiday's interest is waived, and reported as the waived amount.
     */
    private static Result paymentHoliday(ArrangementPolicy policy, LoanPosition position, BigDecimal limit, LocalDate first) {
        int months = policy.holidayMonths();
        if (months + 1 > policy.maxTermMonths()) {
            return Result.no(OptionType.PAYMENT_HOLIDAY, "MAX_TERM_REACHED", "A holiday of " + months
                    + " months leaves no term within " + policy.maxTermMonths() + " months");
        }
        BigDecimal balance = position.balance();
        BigDecimal holidayInterest = Money.ZERO;
        for (int k = 0; k < months; k++) {
            BigDecimal interest = balance.multiply(position.annualRate()).divide(TWELVE, 2, RoundingMode.HALF_UP);
            holidayInterest = holidayInterest.add(interest);
            if (policy.holidayInterestCapitalised()) {
                balance = balance.add(interest);
            }
        }
        int term = Math.min(Math.max(1, position.remainingTerm()), policy.maxTermMonths() - months);
        List<ScheduledInstalment> s = ScheduleCalculator.generate(balance, position.annualRate(), term,
                method(policy, position), first.plusMonths(months));
        BigDecimal waived = policy.holidayInterestCapitalised() ? Money.ZERO : holidayInterest;
        return Result.of(option(OptionType.PAYMENT_HOLIDAY, s, waived, months, position.annualRate(), limit, position));
    }

    private static Result feeWaiver(ArrangementPolicy policy, LoanPosition position, BigDecimal limit, LocalDate first) {
        BigDecimal waived = position.arrearsFees().multiply(policy.feeWaiverShare()).setScale(2, RoundingMode.DOWN)
                .min(policy.maxWaiver());
        if (waived.signum() <= 0) {
            return Result.no(OptionType.FEE_WAIVER, "NOTHING_TO_WAIVE", "No unpaid fees or penalties to waive");
        }
        BigDecimal rest = position.balance().subtract(waived);
        if (rest.signum() <= 0) {
            return Result.no(OptionType.FEE_WAIVER, "NOTHING_TO_WAIVE", "Only fees are owed; a settlement covers this");
        }
        List<ScheduledInstalment> s = ScheduleCalculator.generate(rest, position.annualRate(), remainingTerm(policy, position),
                method(policy, position), first);
        return Result.of(option(OptionType.FEE_WAIVER, s, waived, 0, position.annualRate(), limit, position));
    }

    /** One payment of the balance less a discount of the policy's share, capped at the largest waiver. */
    private static Result settlement(ArrangementPolicy policy, LoanPosition position, BigDecimal limit, LocalDate first) {
        BigDecimal discount = position.balance().multiply(policy.settlementDiscountShare()).setScale(2, RoundingMode.DOWN)
                .min(policy.maxWaiver());
        BigDecimal lump = position.balance().subtract(discount);
        List<ScheduledInstalment> s = List.of(new ScheduledInstalment(1, first, lump, Money.ZERO, Money.ZERO));
        return Result.of(option(OptionType.SETTLEMENT, s, discount, 0, position.annualRate(), limit, position));
    }

    private static ArrangementOption option(OptionType type, List<ScheduledInstalment> schedule, BigDecimal waived,
                                            int holidayMonths, BigDecimal rate, BigDecimal limit, LoanPosition position) {
        BigDecimal total = schedule.stream().map(ScheduledInstalment::total).reduce(Money.ZERO, BigDecimal::add);
        // the regular payment is the first instalment's; affordability is judged on the largest one (the last
        // instalment of an equal-instalment schedule may be a few cents above the level payment)
        BigDecimal monthly = schedule.get(0).total();
        int term = schedule.size();
        String id = type + "-" + term + (holidayMonths > 0 ? "-H" + holidayMonths : "");
        return new ArrangementOption(id, type, term, monthly, total, waived, largest(schedule).compareTo(limit) <= 0, schedule,
                holidayMonths, rate, position.currentTotal());
    }

    private static BigDecimal largest(List<ScheduledInstalment> schedule) {
        // the level payment, not a smaller last instalment that absorbs the rounding
        return schedule.stream().map(ScheduledInstalment::total).max(BigDecimal::compareTo).orElse(Money.ZERO);
    }

    /**
     * COMPLEX: the arrangement limit is reached, nothing offered is affordable, or the balance is above the policy's
     * threshold; SIMPLE: early arrears (up to the policy's days) and an affordable short deferral (payment holiday);
     * otherwise STANDARD.
     */
    private static Complexity assess(ArrangementPolicy policy, LoanPosition position, List<ArrangementOption> options,
                                     boolean limitReached, List<String> reasons) {
        if (limitReached) {
            reasons.add("ARRANGEMENT_LIMIT_REACHED");
        }
        if (options.stream().noneMatch(ArrangementOption::affordable)) {
            reasons.add("NO_AFFORDABLE_OPTION");
        }
        if (position.balance().compareTo(policy.complexAboveBalance()) > 0) {
            reasons.add("BALANCE_ABOVE_LIMIT");
        }
        if (!reasons.isEmpty()) {
            return Complexity.COMPLEX;
        }
        boolean shortDeferral = options.stream().anyMatch(o -> o.type() == OptionType.PAYMENT_HOLIDAY && o.affordable());
        if (position.daysPastDue() <= policy.simpleMaxDaysPastDue() && shortDeferral) {
            reasons.add("SHORT_DEFERRAL_IN_EARLY_ARREARS");
            return Complexity.SIMPLE;
        }
        reasons.add("WITHIN_POLICY_LIMITS");
        return Complexity.STANDARD;
    }

    /** Whether the policy requires a supervisor's approval before this option is offered for acceptance. */
    public static boolean requiresApproval(ArrangementPolicy policy, OptionType type, BigDecimal waived, Complexity complexity) {
        return complexity == Complexity.COMPLEX || policy.approvalRequiredFor().contains(type)
                || waived.compareTo(policy.approvalAboveWaiver()) > 0;
    }
}
