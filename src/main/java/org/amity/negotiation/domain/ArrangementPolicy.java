package org.amity.negotiation.domain;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One product's arrangement policy, exactly as the versioned policy document states it (see
 * {@code docs/negotiation.md}); every number here is data with a source, never a constant in code.
 *
 * @param planTerms                    the terms (months) an instalment plan may take, shortest first
 * @param maxTermMonths                longest arrangement term, e.g. 60 for CN credit-card personalised instalments
 *                                     (商业银行信用卡业务监督管理办法 第七十条)
 * @param maxArrangementsIn12Months    at most this many arrangements on a customer's loans in any 12 months
 * @param maxInstalmentShareOfDisposable an instalment above this share of disposable income is not affordable
 *                                     (CONC 7.3.10R: no unreasonably large or fast payments)
 * @param minFirstPayment              smallest first payment an arrangement may ask for
 * @param maxWaiver                    largest amount waived in one arrangement (fees, penalties, settlement discount)
 * @param sources                      rule name → citation
 */
public record ArrangementPolicy(String product, String version, RepaymentMethodChoice method, List<Integer> planTerms,
                                int maxTermMonths, int maxArrangementsIn12Months,
                                BigDecimal maxInstalmentShareOfDisposable, BigDecimal minFirstPayment,
                                BigDecimal maxWaiver, BigDecimal feeWaiverShare, int termExtensionMonths,
                                BigDecimal reducedRateFactor, int holidayMonths, boolean holidayInterestCapitalised,
                                BigDecimal settlementDiscountShare, Set<OptionType> approvalRequiredFor,
                                BigDecimal approvalAboveWaiver, int simpleMaxDaysPastDue, BigDecimal complexAboveBalance,
                                List<Offer> offers, int graceDays, Map<String, String> sources) {

    /** Which schedule method re-amortised options use. */
    public enum RepaymentMethodChoice { SAME_AS_LOAN, EQUAL_INSTALLMENT, EQUAL_PRINCIPAL }

    /** The option types offered to loans whose days past due fall in [from, to] (to null: open-ended). */
    public record Offer(int fromDaysPastDue, Integer toDaysPastDue, Set<OptionType> types) {
        boolean covers(int daysPastDue) {
            return daysPastDue >= fromDaysPastDue && (toDaysPastDue == null || daysPastDue <= toDaysPastDue);
        }
    }

    public ArrangementPolicy {
        planTerms = List.copyOf(planTerms);
        offers = List.copyOf(offers);
        approvalRequiredFor = approvalRequiredFor.isEmpty() ? EnumSet.noneOf(OptionType.class) : EnumSet.copyOf(approvalRequiredFor);
        sources = Map.copyOf(sources);
    }

    /** The option types this policy offers at {@code daysPastDue} (empty when no band covers it). */
    public Set<OptionType> offeredAt(int daysPastDue) {
        return offers.stream().filter(o -> o.covers(daysPastDue)).findFirst().map(Offer::types)
                .orElse(Set.of());
    }

    /** The citation for a rule, or the empty string. */
    public String source(String rule) {
        return sources.getOrDefault(rule, "");
    }
}
