package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// House rule (CN preset): no collection contact on public holidays, by 国务院办公厅关于2026年部分节假日安排的通知;
// adjusted working days (调休) are working days.
class HolidayPolicyTest {

    private final HolidayPolicy policy = new HolidayPolicy();

    @ParameterizedTest(name = "{0} at 10:00 in Shanghai, {1}: blocked {3}")
    @CsvSource(textBlock = """
            2026-10-01, National Day,                          COLLECTION, true
            2026-10-07, last day of National Day,              COLLECTION, true
            2026-10-08, first working day after,               COLLECTION, false
            2026-10-10, Saturday that is a working day (调休), COLLECTION, false
            2026-02-14, Saturday that is a working day (调休), COLLECTION, false
            2026-02-21, Saturday inside Spring Festival,       COLLECTION, true
            2026-10-11, an ordinary Sunday,                    COLLECTION, false
            2026-10-01, National Day,                          SERVICE,    false
            2026-10-01, National Day,                          REPAYMENT_REMINDER, false
            """)
    void blocksCollectionOnChinesePublicHolidaysOnly(LocalDate date, String what, ContactPurpose purpose, boolean blocked) {
        DecisionFacts facts = facts().zones(SHANGHAI).build();
        ContactRequest request = request(purpose, ContactChannel.VOICE, local(date + "T10:00", SHANGHAI));
        assertThat(policy.evaluate(request, facts, CN)).extracting(Reason::code)
                .containsExactly(blocked ? new ReasonCode[] {ReasonCode.HOLIDAY} : new ReasonCode[0]);
    }

    @ParameterizedTest(name = "{0}: the {1} preset blocks collection: {2}")
    @CsvSource(textBlock = """
            2026-07-03, US_REG_F, false
            2026-12-28, UK_FCA,   false
            """)
    void onlyTheChinesePresetHasTheHolidayRule(LocalDate date, String preset, boolean blocked) {
        ContactRequest request = request(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny(date + "T10:00"));
        assertThat(policy.evaluate(request, facts().build(), LIBRARY.preset(preset))).hasSize(blocked ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} {1}: holiday {2}, working day {3}")
    @CsvSource(textBlock = """
            CN, 2026-01-01, true,  false
            CN, 2026-01-04, false, true
            CN, 2026-02-14, false, true
            CN, 2026-02-17, true,  false
            CN, 2026-02-28, false, true
            CN, 2026-05-09, false, true
            CN, 2026-09-20, false, true
            CN, 2026-10-10, false, true
            CN, 2026-10-11, false, false
            CN, 2026-10-12, false, true
            CN, 2027-02-06, true,  false
            US, 2026-07-03, true,  false
            US, 2026-11-26, true,  false
            US, 2027-12-31, true,  false
            US, 2026-03-09, false, true
            GB, 2026-04-03, true,  false
            GB, 2026-04-06, true,  false
            GB, 2026-12-28, true,  false
            GB, 2027-03-29, true,  false
            GB, 2026-12-29, false, true
            FR, 2026-07-14, false, true
            """)
    void theCalendarsKnowHolidaysAndAdjustedWorkingDays(String jurisdiction, LocalDate date, boolean holiday, boolean workingDay) {
        assertThat(HOLIDAYS.isHoliday(jurisdiction, date)).isEqualTo(holiday);
        assertThat(HOLIDAYS.isWorkingDay(jurisdiction, date)).isEqualTo(workingDay);
    }
}
