package org.amity.contact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 12 CFR 1006.6(b)(1)(i) "local time at the consumer's location": local dates and times must match java.time's
// rules exactly, including on daylight-saving days and in zones that change at midnight.
class LocalClockTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(textBlock = """
            America/New_York,    2026-03-08, 00:00
            America/New_York,    2026-03-08, 02:30
            America/New_York,    2026-03-08, 08:00
            America/New_York,    2026-11-01, 01:30
            America/New_York,    2026-11-01, 08:00
            America/New_York,    2026-11-02, 00:00
            America/Santiago,    2026-09-06, 00:00
            America/Santiago,    2026-04-05, 00:00
            America/Havana,      2026-03-08, 00:00
            Asia/Beirut,         2026-03-29, 00:00
            Asia/Shanghai,       2026-10-01, 08:00
            Europe/London,       2026-03-29, 01:30
            Europe/London,       2026-10-25, 01:30
            Australia/Lord_Howe, 2026-10-04, 02:15
            """)
    void agreesWithJavaTimeAroundEveryKindOfOffsetChange(ZoneId zone, LocalDate date, LocalTime time) {
        for (int d = -2; d <= 2; d++) {
            LocalDate day = date.plusDays(d);
            assertThat(LocalClock.instant(day, time, zone)).isEqualTo(ZonedDateTime.of(day, time, zone).toInstant());
            assertThat(LocalClock.startOfDay(day, zone)).isEqualTo(day.atStartOfDay(zone).toInstant());
        }
    }
}
