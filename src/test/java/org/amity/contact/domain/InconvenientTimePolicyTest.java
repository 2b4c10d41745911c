package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 12 CFR 1006.6(b)(1); CONC 7.9.4R: a time the customer said is inconvenient is honoured on every channel.
class InconvenientTimePolicyTest {

    private final InconvenientTimePolicy policy = new InconvenientTimePolicy();

    private static final DecisionFacts.InconvenientTime WORKING_HOURS = new DecisionFacts.InconvenientTime(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));
    private static final DecisionFacts.InconvenientTime NIGHT_SHIFT_SLEEP = new DecisionFacts.InconvenientTime(
            EnumSet.allOf(DayOfWeek.class), LocalTime.of(22, 0), LocalTime.of(7, 0));

    @ParameterizedTest(name = "{0} ({1}) by {2}: inconvenient {3}")
    @CsvSource(textBlock = """
            2026-03-10T08:59, Tuesday,  VOICE, false
            2026-03-10T09:00, Tuesday,  VOICE, true
            2026-03-10T17:59, Tuesday,  SMS,   true
            2026-03-10T18:00, Tuesday,  VOICE, false
            2026-03-14T10:00, Saturday, VOICE, false
            2026-03-13T12:00, Friday,   EMAIL, true
            2026-03-13T12:00, Friday,   VISIT, true
            """)
    void workingHoursOnWeekdaysInTheCustomersLocalTime(String localTime, String day, ContactChannel channel, boolean blocked) {
        DecisionFacts facts = facts().inconvenient(WORKING_HOURS).build();
        assertThat(policy.evaluate(request(ContactPurpose.SERVICE, channel, ny(localTime)), facts, US)).hasSize(blocked ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}: inconvenient {1}")
    @CsvSource(textBlock = """
            2026-03-10T21:59, false
            2026-03-10T22:00, true
            2026-03-11T06:59, true
            2026-03-11T07:00, false
            """)
    void aPeriodMayRunOverMidnight(String localTime, boolean blocked) {
        DecisionFacts facts = facts().inconvenient(NIGHT_SHIFT_SLEEP).build();
        assertThat(policy.evaluate(request(ContactPurpose.SERVICE, ContactChannel.LETTER, ny(localTime)), facts, US)).hasSize(blocked ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} New York with a Los Angeles number: inconvenient {1}")
    @CsvSource(textBlock = """
            2026-03-10T18:30, true
            2026-03-10T21:00, false
            """)
    void aPeriodInAnyCandidateZoneCounts(String localTime, boolean blocked) {
        DecisionFacts facts = facts().zones(NEW_YORK, LOS_ANGELES).inconvenient(WORKING_HOURS).build();
        assertThat(policy.evaluate(request(ContactPurpose.SERVICE, ContactChannel.VOICE, ny(localTime)), facts, US)).hasSize(blocked ? 1 : 0);
    }
}
