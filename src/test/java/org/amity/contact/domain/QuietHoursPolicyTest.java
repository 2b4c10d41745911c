package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 12 CFR 1006.6(b)(1)(i): before 8 a.m. and after 9 p.m. local time at the consumer's location is inconvenient;
// where the location is uncertain, only times convenient in every candidate zone.
class QuietHoursPolicyTest {

    private final QuietHoursPolicy policy = new QuietHoursPolicy();

    @ParameterizedTest(name = "{0} UTC ({1} in New York) allowed: {2}")
    @CsvSource(textBlock = """
            2026-03-07T12:59:59Z, Sat 07:59:59 EST,                  false
            2026-03-07T13:00:00Z, Sat 08:00 EST,                     true
            2026-03-08T11:59:00Z, spring-forward Sun 07:59 EDT,      false
            2026-03-08T12:00:00Z, spring-forward Sun 08:00 EDT,      true
            2026-03-08T13:00:00Z, spring-forward Sun 09:00 EDT,      true
            2026-03-09T00:59:00Z, spring-forward Sun 20:59 EDT,      true
            2026-03-09T01:00:00Z, spring-forward Sun 21:00 EDT,      false
            2026-10-31T12:00:00Z, Sat 08:00 EDT,                     true
            2026-11-01T12:00:00Z, fall-back Sun 07:00 EST,           false
            2026-11-01T12:59:00Z, fall-back Sun 07:59 EST,           false
            2026-11-01T13:00:00Z, fall-back Sun 08:00 EST,           true
            2026-11-02T01:59:00Z, fall-back Sun 20:59 EST,           true
            2026-11-02T02:00:00Z, fall-back Sun 21:00 EST,           false
            """)
    void followsTheWallClockInNewYorkAcrossDaylightSavingChanges(Instant at, String local, boolean allowed) {
        assertThat(policy.evaluate(request(ContactPurpose.SERVICE, ContactChannel.VOICE, at), facts().build(), US))
                .extracting(Reason::code).containsExactly(allowed ? new ReasonCode[0] : new ReasonCode[] {ReasonCode.QUIET_HOURS});
    }

    @ParameterizedTest(name = "{0} UTC ({1}) allowed: {2}")
    @CsvSource(textBlock = """
            2026-03-10T14:59:00Z, NY 10:59 / LA 07:59, false
            2026-03-10T15:00:00Z, NY 11:00 / LA 08:00, true
            2026-03-11T00:59:00Z, NY 20:59 / LA 17:59, true
            2026-03-11T01:00:00Z, NY 21:00 / LA 18:00, false
            """)
    void aPhoneZoneOtherThanTheAddressZoneNarrowsTheWindowToTheIntersection(Instant at, String local, boolean allowed) {
        DecisionFacts facts = facts().zones(NEW_YORK, LOS_ANGELES).build();
        assertThat(policy.evaluate(request(ContactPurpose.SERVICE, ContactChannel.VOICE, at), facts, US)).hasSize(allowed ? 0 : 1);
    }

    @ParameterizedTest(name = "{0} UTC ({1}) allowed: {2}")
    @CsvSource(textBlock = """
            2026-06-10T11:59:00Z, Shanghai 19:59 / NY 07:59, false
            2026-06-10T12:00:00Z, Shanghai 20:00 / NY 08:00, true
            2026-06-10T12:59:00Z, Shanghai 20:59 / NY 08:59, true
            2026-06-10T13:00:00Z, Shanghai 21:00 / NY 09:00, false
            """)
    void aShanghaiAddressWithAnAmericanNumberLeavesOneHour(Instant at, String local, boolean allowed) {
        DecisionFacts facts = facts().zones(SHANGHAI, NEW_YORK).build();
        assertThat(policy.evaluate(request(ContactPurpose.SERVICE, ContactChannel.SMS, at), facts, CN)).hasSize(allowed ? 0 : 1);
    }

    @ParameterizedTest(name = "{0} at 23:00 New York allowed: {1}")
    @CsvSource(textBlock = """
            VOICE,  false
            SMS,    false
            EMAIL,  false
            VISIT,  false
            LETTER, true
            """)
    void appliesToEveryChannelButLetters(ContactChannel channel, boolean allowed) {
        Instant late = ny("2026-03-10T23:00");
        assertThat(policy.evaluate(request(ContactPurpose.SERVICE, channel, late), facts().build(), US)).hasSize(allowed ? 0 : 1);
    }
}
