package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 12 CFR 1006.14(b)(2)(i)(A): more than seven calls in seven consecutive days about a debt is harassment;
// 1006.14(b)(3): calls that do not connect are not counted. House: 2 voice calls per local day; 4 marketing in 30 days.
class ContactFrequencyPolicyTest {

    private final ContactFrequencyPolicy policy = new ContactFrequencyPolicy();

    /** One collection call a day at 10:00 from 3 to 9 March with the given outcomes (N = NOT_CONNECTED, A = NO_ANSWER, P = pending). */
    private static Fixtures.Facts weekOfCalls(String outcomes) {
        Fixtures.Facts facts = facts();
        for (int i = 0; i < outcomes.length(); i++) {
            ContactOutcome outcome = switch (outcomes.charAt(i)) {
                case 'N' -> ContactOutcome.NOT_CONNECTED;
                case 'A' -> ContactOutcome.NO_ANSWER;
                case 'V' -> ContactOutcome.VOICEMAIL;
                default -> null;
            };
            facts.attempt(call(ny("2026-03-0" + (3 + i) + "T10:00"), outcome));
        }
        return facts;
    }

    @ParameterizedTest(name = "calls 3–9 March [{0}], an eighth on 9 March 15:00: {1}")
    @CsvSource(textBlock = """
            AAAAAA,  ''
            AAAAAAA, FREQUENCY_CAP
            VVVPAAA, FREQUENCY_CAP
            AAANAAA, ''
            NNNNNNN, ''
            PPPPPPP, FREQUENCY_CAP
            """)
    void blocksTheEighthCountedCallInSevenConsecutiveDays(String outcomes, String expected) {
        ContactRequest request = request(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny("2026-03-09T15:00"));
        assertThat(Fixtures.codes(policy.evaluate(request, weekOfCalls(outcomes).build(), US)))
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(ReasonCode.valueOf(expected)));
    }

    @ParameterizedTest(name = "seven calls 3–9 March, another at {0}: blocked {1}")
    @CsvSource(textBlock = """
            2026-03-09T23:59, true
            2026-03-10T08:00, false
            """)
    void theOldestCallLeavesTheWindowAtTheStartOfDayEight(String localTime, boolean blocked) {
        ContactRequest request = request(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny(localTime));
        assertThat(policy.evaluate(request, weekOfCalls("AAAAAAA").build(), US)).hasSize(blocked ? 1 : 0);
    }

    @ParameterizedTest(name = "seven calls about the loan; a {0} {1} about loan {2}: {3}")
    @CsvSource(textBlock = """
            VOICE, COLLECTION, same,  FREQUENCY_CAP
            VOICE, COLLECTION, other, ''
            SMS,   COLLECTION, same,  ''
            VOICE, SERVICE,    same,  ''
            """)
    void theRegFCapIsPerDebtAndForCallsOnly(ContactChannel channel, ContactPurpose purpose, String loan, String expected) {
        ContactRequest request = new ContactRequest(CUSTOMER, loan.equals("same") ? LOAN : OTHER_LOAN, purpose, channel,
                PHONE, ny("2026-03-09T15:00"));
        assertThat(Fixtures.codes(policy.evaluate(request, weekOfCalls("AAAAAAA").build(), US)))
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(ReasonCode.valueOf(expected)));
    }

    @ParameterizedTest(name = "calls today at [{0}], a {1} call at 15:00: {2}")
    @CsvSource(textBlock = """
            09:00,             SERVICE,    ''
            09:00 10:00,       SERVICE,    DAILY_CAP
            09:00 10:00,       COLLECTION, DAILY_CAP
            00:30 10:00,       SERVICE,    DAILY_CAP
            """)
    void theHouseAllowsTwoVoiceCallsPerLocalDayAcrossPurposes(String times, ContactPurpose purpose, String expected) {
        Fixtures.Facts facts = facts();
        for (String time : times.split(" ")) {
            facts.attempt(new DecisionFacts.Attempt(ny("2026-03-10T" + time), ContactChannel.VOICE,
                    ContactPurpose.APPLICATION_PROGRESS, null, ContactOutcome.NO_ANSWER));
        }
        // yesterday's calls never count against today
        facts.attempt(new DecisionFacts.Attempt(ny("2026-03-09T23:59"), ContactChannel.VOICE, ContactPurpose.SERVICE, null,
                ContactOutcome.VOICEMAIL));
        ContactRequest request = request(purpose, ContactChannel.VOICE, ny("2026-03-10T15:00"));
        assertThat(Fixtures.codes(policy.evaluate(request, facts.build(), US)))
                .containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(ReasonCode.valueOf(expected)));
    }

    @ParameterizedTest(name = "{0} marketing messages in the last 30 days ({1} failed): capped {2}")
    @CsvSource(textBlock = """
            3, 0, false
            4, 0, true
            4, 1, false
            """)
    void theHouseAllowsFourMarketingMessagesInThirtyDays(int sent, int failed, boolean capped) {
        Fixtures.Facts facts = facts();
        for (int i = 0; i < sent; i++) {
            facts.attempt(new DecisionFacts.Attempt(ny("2026-03-0" + (1 + i) + "T12:00"), ContactChannel.EMAIL,
                    ContactPurpose.MARKETING, null, i < failed ? ContactOutcome.FAILED : ContactOutcome.DELIVERED));
        }
        facts.attempt(new DecisionFacts.Attempt(ny("2026-01-20T12:00"), ContactChannel.SMS, ContactPurpose.MARKETING, null,
                ContactOutcome.DELIVERED));
        ContactRequest request = request(ContactPurpose.MARKETING, ContactChannel.SMS, ny("2026-03-20T12:00"));
        assertThat(Fixtures.codes(policy.evaluate(request, facts.build(), US)))
                .containsExactlyElementsOf(capped ? List.of(ReasonCode.MARKETING_CAP) : List.of());
    }

    @Test
    void eachCountedCallLeavesItsWindowAtTheStartOfTheEighthLocalDay() {
        List<Instant> out = new ArrayList<>();
        policy.changeInstants(request(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny("2026-03-09T15:00")),
                weekOfCalls("AANAAAA").build(), US, ny("2026-03-23T15:00"), out);
        // the US preset caps (7 in 7 days) and the house daily cap both list the exit of every counted call
        assertThat(out).contains(ny("2026-03-10T00:00"), ny("2026-03-04T00:00"))
                .doesNotContain(ny("2026-03-12T00:00"), ny("2026-03-06T00:00"));
    }

    /** A bank may cap with a rolling duration instead of local dates: here 1 SMS in any 24 hours. */
    private static final ContactPolicy ONE_TEXT_A_DAY = ContactPolicyYaml.parse(YamlNode.resource("contact/presets/US_REG_F.yaml"), "US_REG_F")
            .withHouseRules(ContactPolicyYaml.parse("""
                    id: texts
                    version: "1"
                    kind: house
                    caps:
                      - {code: DAILY_CAP, scope: PERSON, channels: [SMS], max: 1, rolling: PT24H, source: "house: 1 text in 24 hours"}
                    """, "texts"));

    @ParameterizedTest(name = "a text at 10 March 14:00, another at {0}: blocked {1}")
    @CsvSource(textBlock = """
            2026-03-11T13:59, true
            2026-03-11T14:00, false
            """)
    void aRollingWindowLetsAnAttemptGoExactlyItsDurationLater(String localTime, boolean blocked) {
        DecisionFacts facts = facts().attempt(new DecisionFacts.Attempt(ny("2026-03-10T14:00"), ContactChannel.SMS,
                ContactPurpose.SERVICE, null, ContactOutcome.DELIVERED)).build();
        assertThat(policy.evaluate(request(ContactPurpose.SERVICE, ContactChannel.SMS, ny(localTime)), facts, ONE_TEXT_A_DAY))
                .hasSize(blocked ? 1 : 0);
        if (blocked) {
            assertThat(new DecisionEngine().decide(request(ContactPurpose.SERVICE, ContactChannel.SMS, ny(localTime)), facts,
                    ONE_TEXT_A_DAY).nextAllowedAt()).isEqualTo(ny("2026-03-11T14:00"));
        }
    }
}
