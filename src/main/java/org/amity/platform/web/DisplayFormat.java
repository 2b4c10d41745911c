package org.amity.platform.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.amity.platform.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * How the console and portal print instants and money, as {@code ${@fmt.at(…)}} in templates. Instants are
 * shown in the bank's zone (the zone business dates are counted in) unless a zone is given, so that a
 * due date and "now" on the same page are always comparable.
 */
@Component("fmt")
public class DisplayFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BusinessClock clock;

    DisplayFormat(BusinessClock clock) {
        this.clock = clock;
    }

    public String at(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(clock.bankZone()));
    }

    public String at(Instant instant, String zone) {
        return instant == null ? "" : MINUTES.format(instant.atZone(ZoneId.of(zone)));
    }

    /** Grouped, always two decimals, the same in both languages: {@code 12,345.60}. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        // DecimalFormat is not thread-safe, so one per call
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    /** {@code 0.0435} → {@code 4.35%}. */
    public String percent(BigDecimal fraction) {
        return fraction == null ? "" : fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    public String bankZone() {
        return clock.bankZone().getId();
    }
}
