package org.amity.negotiation.domain;

import java.math.BigDecimal;
import java.util.List;
import org.amity.ledger.domain.ScheduledInstalment;

/**
 * One option a quote offers. {@code optionId} is derived from the terms only ({@code INSTALMENT_PLAN-24}), so the
 * same facts give the same ids. {@code monthlyPayment} is the first instalment (the level payment of an
 * equal-instalment schedule, the largest of an equal-principal one); {@code affordable} is judged on the largest
 * instalment of the schedule, which may be a last one a few cents above the level payment.
 *
 * @param currentTotal what the current schedule still asks for, to compare {@code totalPayable} with
 */
public record ArrangementOption(String optionId, OptionType type, int termMonths, BigDecimal monthlyPayment,
                                BigDecimal totalPayable, BigDecimal waivedAmount, boolean affordable,
                                List<ScheduledInstalment> schedule, int holidayMonths, BigDecimal annualRate,
                                BigDecimal currentTotal) {

    public ArrangementOption {
        schedule = List.copyOf(schedule);
    }

    /** totalPayable − currentTotal: negative when the option costs less than the current schedule. */
    public BigDecimal differenceFromCurrent() {
        return totalPayable.subtract(currentTotal);
    }
}
