package org.amity.complaints.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.amity.complaints.domain.SlaClock.Standing;
import org.amity.contact.domain.HolidayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** Legal complaint deadlines counted on the bundled working-day calendars (complaints/policy.yaml). */
class SlaClockTest {

    static final ComplaintPolicy POLICY = policy();
    static final HolidayCalendar HOLIDAYS = HolidayCalendar.bundled();
    static final SlaClock CLOCK = new SlaClock(HOLIDAYS::isWorkingDay);

    static ComplaintPolicy policy() {
        try {
            return ComplaintPolicy.parse(new ClassPathResource("complaints/policy.yaml").getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant local(String dateTime, String zone) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    // 银行保险机构消费投诉处理管理办法 (2020): decide and notify within 15 days of receipt — counted in working days on the
    // State Council's 2026 calendar, where the weekend days moved for long holidays are working days (调休上班).
    @ParameterizedTest(name = "CN: received {0} → resolve by {1}")
    @CsvSource({
            // 9-20 (Sunday) is a 调休 working day and counts; 中秋 9-25..27 and 国庆 10-1..7 do not; Saturday 10-10 counts
            "2026-09-18T10:00, 2026-10-15T23:59:59",
            // Saturday 2-14 and Saturday 2-28 are 调休 working days; 春节 2-15..2-23 is not counted
            "2026-02-13T16:30, 2026-03-12T23:59:59",
            // an ordinary fortnight: three weeks of weekdays
            "2026-11-02T09:00, 2026-11-23T23:59:59",
            // received on a Sunday: the counting starts on Monday
            "2026-11-01T20:00, 2026-11-20T23:59:59"
    })
    void cnResolveByCountsFifteenWorkingDaysWithAdjustedWorkingWeekends(String received, String expected) {
        ComplaintPolicy.Jurisdiction cn = POLICY.jurisdictions().get("CN");
        SlaClock.Deadlines d = CLOCK.deadlines(cn, local(received, "Asia/Shanghai"));
        assertThat(d.resolveBy()).isEqualTo(local(expected, "Asia/Shanghai"));
        assertThat(d.summaryBy()).isNull();
    }

    @Test
    void withoutTheAdjustedWorkingDaysTheSameComplaintWouldBeDueLater() {
        ComplaintPolicy.Jurisdiction cn = POLICY.jurisdictions().get("CN");
        SlaClock weekdaysOnly = new SlaClock((cal, day) -> WorkingCalendar.WEEKDAYS.isWorkingDay(cal, day) && !HOLIDAYS.isHoliday(cal, day));
        Instant received = local("2026-09-18T10:00", "Asia/Shanghai");
        assertThat(weekdaysOnly.deadlines(cn, received).resolveBy()).isAfter(CLOCK.deadlines(cn, received).resolveBy());
    }

    // DISP 1.6.1R prompt acknowledgement (house: next business day); DISP 1.5.1R summary resolution by close of the
    // third business day following receipt; DISP 1.6.2R final response within eight weeks. England bank holidays.
    @ParameterizedTest(name = "UK: received {0} → acknowledge {1}, summary {2}, final {3}")
    @CsvSource({
            // Christmas Day, Boxing Day (Saturday) and its substitute Monday 12-28 are not business days
            "2026-12-24T15:00, 2026-12-29T23:59:59, 2026-12-31T23:59:59, 2027-02-18T23:59:59",
            // Good Friday and Easter Monday
            "2026-04-02T11:00, 2026-04-07T23:59:59, 2026-04-09T23:59:59, 2026-05-28T23:59:59",
            // received on a Friday evening
            "2026-11-20T18:00, 2026-11-23T23:59:59, 2026-11-25T23:59:59, 2027-01-15T23:59:59"
    })
    void ukDeadlinesFollowDispOnEnglishBusinessDays(String received, String ack, String summary, String resolve) {
        ComplaintPolicy.Jurisdiction gb = POLICY.jurisdictions().get("GB");
        SlaClock.Deadlines d = CLOCK.deadlines(gb, local(received, "Europe/London"));
        assertThat(d.acknowledgeBy()).isEqualTo(local(ack, "Europe/London"));
        assertThat(d.summaryBy()).isEqualTo(local(summary, "Europe/London"));
        assertThat(d.resolveBy()).isEqualTo(local(resolve, "Europe/London"));
    }

    @Test
    void aCnExtensionAddsFifteenMoreWorkingDaysToTheDeadline() {
        ComplaintPolicy.Jurisdiction cn = POLICY.jurisdictions().get("CN");
        Instant resolveBy = local("2026-11-23T23:59:59", "Asia/Shanghai");
        assertThat(CLOCK.extended(cn, resolveBy)).isEqualTo(local("2026-12-14T23:59:59", "Asia/Shanghai"));
    }

    @ParameterizedTest(name = "{0} of the time used → {1}")
    @CsvSource({"0.10, ON_TRACK", "0.74, ON_TRACK", "0.75, WARNING_75", "0.89, WARNING_75", "0.90, WARNING_90", "0.99, WARNING_90", "1.01, BREACHED"})
    void warnsAtSeventyFiveAndNinetyPercentAndFlagsABreach(double share, Standing expected) {
        Instant received = Instant.parse("2026-11-01T00:00:00Z");
        Instant deadline = Instant.parse("2026-11-11T00:00:00Z");
        Instant now = received.plusSeconds((long) (share * 10 * 86_400));
        assertThat(SlaClock.standing(received, deadline, now, null, POLICY.warnings())).isEqualTo(expected);
    }

    @Test
    void aClosedCaseIsMetOrMissedNeverBreachedAgain() {
        Instant received = Instant.parse("2026-11-01T00:00:00Z");
        Instant deadline = Instant.parse("2026-11-11T00:00:00Z");
        Instant later = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(SlaClock.standing(received, deadline, later, Instant.parse("2026-11-10T00:00:00Z"), List.of(0.75, 0.9))).isEqualTo(Standing.MET);
        assertThat(SlaClock.standing(received, deadline, later, Instant.parse("2026-11-12T00:00:00Z"), List.of(0.75, 0.9))).isEqualTo(Standing.MISSED);
    }
}
