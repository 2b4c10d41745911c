package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 12 CFR 1006.14(b)(2)(i)(B): no call within a period of seven consecutive days after a telephone conversation
// about the debt; "the date of the telephone conversation is the first day of the seven-consecutive-day period".
class ConversationCooldownPolicyTest {

    private final ConversationCooldownPolicy policy = new ConversationCooldownPolicy();

    // Monday 9 March, 23:30 in New York is already Tuesday in UTC: days must be counted in local dates
    private static final Instant CONVERSATION = ny("2026-03-09T23:30");

    @ParameterizedTest(name = "a call at {0} New York (day {1}) blocked: {2}")
    @CsvSource(textBlock = """
            2026-03-09T23:45, 1, true
            2026-03-10T09:00, 2, true
            2026-03-15T20:59, 7, true
            2026-03-15T23:59, 7, true
            2026-03-16T00:00, 8, false
            2026-03-16T08:00, 8, false
            """)
    void theConversationDayIsDayOneInTheCustomersLocalDates(String localTime, int day, boolean blocked) {
        DecisionFacts facts = facts().attempt(call(CONVERSATION, ContactOutcome.RIGHT_PARTY_CONVERSATION)).build();
        ContactRequest request = request(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny(localTime));
        assertThat(policy.evaluate(request, facts, US)).extracting(Reason::code)
                .containsExactly(blocked ? new ReasonCode[] {ReasonCode.CONVERSATION_COOLDOWN} : new ReasonCode[0]);
    }

    @ParameterizedTest(name = "after a {0} call, a {1} {2} about loan {3} two days later blocked: {4}")
    @CsvSource(textBlock = """
            RIGHT_PARTY_CONVERSATION, VOICE, COLLECTION, same,  true
            RIGHT_PARTY_CONVERSATION, SMS,   COLLECTION, same,  false
            RIGHT_PARTY_CONVERSATION, VOICE, SERVICE,    same,  false
            RIGHT_PARTY_CONVERSATION, VOICE, COLLECTION, other, false
            NOT_CONNECTED,            VOICE, COLLECTION, same,  false
            NO_ANSWER,                VOICE, COLLECTION, same,  false
            WRONG_PARTY,              VOICE, COLLECTION, same,  false
            """)
    void onlyAConversationAboutTheSameDebtStartsTheCooldownForCalls(ContactOutcome outcome, ContactChannel channel,
                                                                 ContactPurpose purpose, String loan, boolean blocked) {
        DecisionFacts facts = facts().attempt(call(ny("2026-03-09T10:00"), outcome)).build();
        ContactRequest request = new ContactRequest(CUSTOMER, loan.equals("same") ? LOAN : OTHER_LOAN, purpose, channel,
                PHONE, ny("2026-03-11T10:00"));
        assertThat(policy.evaluate(request, facts, US)).hasSize(blocked ? 1 : 0);
    }

    @Test
    void theCooldownEndsAtTheStartOfDayEightInEveryCandidateZone() {
        DecisionFacts facts = facts().zones(NEW_YORK, LOS_ANGELES)
                .attempt(call(CONVERSATION, ContactOutcome.RIGHT_PARTY_CONVERSATION)).build();
        java.util.List<Instant> out = new java.util.ArrayList<>();
        policy.changeInstants(request(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny("2026-03-10T10:00")), facts, US,
                ny("2026-03-24T10:00"), out);
        // 23:30 in New York is 20:30 the same day in Los Angeles: day 8 is 16 March in both
        assertThat(out).containsExactly(ny("2026-03-16T00:00"), local("2026-03-16T00:00", LOS_ANGELES));
    }
}
