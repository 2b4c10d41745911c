package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.amity.contact.HoldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// The decision: every failing reason; nextAllowedAt = the earliest instant within 14 days at which every time- and
// frequency-based rule passes (12 CFR 1006.6(b)(1)(i) hours, 1006.14(b)(2)(i)(A) cap, (B) cooldown, house caps).
class DecisionEngineTest {

    private final DecisionEngine engine = new DecisionEngine();

    private Decision decide(ContactPurpose purpose, ContactChannel channel, Instant at, DecisionFacts facts, ContactPolicy policy) {
        return engine.decide(request(purpose, channel, at), facts, policy);
    }

    @Test
    void allowsACollectionCallToAnOverdueCustomerAtTenInTheMorning() {
        Decision decision = decide(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny("2026-03-10T10:00"), facts().build(), US);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.nextAllowedAt()).isNull();
        assertThat(decision.policyVersion()).isEqualTo("US_REG_F@2026.1+house@2026.1");
    }

    @Test
    void returnsEveryFailingReasonNotJustTheFirst() {
        DecisionFacts facts = facts().loan(new DecisionFacts.LoanState(LOAN, 2, 0, true, null))
                .hold(HoldType.COMPLAINT_OPEN, null, ny("2026-03-01T00:00"), null).build();
        ContactRequest request = new ContactRequest(CUSTOMER, LOAN, ContactPurpose.COLLECTION, ContactChannel.VOICE,
                "+12125550000", ny("2026-03-10T22:00"));
        Decision decision = engine.decide(request, facts, US);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly(ReasonCode.WITHIN_GRACE,
                ReasonCode.PAYMENT_CLAIM_PENDING, ReasonCode.THIRD_PARTY_DESTINATION, ReasonCode.CONTACT_HOLD,
                ReasonCode.QUIET_HOURS);
        assertThat(decision.reasons()).allSatisfy(r -> {
            assertThat(r.source()).isNotBlank();
            assertThat(r.messages()).containsOnlyKeys("zh-CN", "en");
        });
        // a rule that time alone does not change blocks: no point in suggesting a time
        assertThat(decision.nextAllowedAt()).isNull();
    }

    @ParameterizedTest(name = "{0} New York ({1}) → next allowed {2} UTC")
    @CsvSource(textBlock = """
            2026-03-09T21:30, Monday evening,                  2026-03-10T12:00:00Z
            2026-03-10T06:15, early morning,                   2026-03-10T12:00:00Z
            2026-03-07T21:30, the evening before spring-forward, 2026-03-08T12:00:00Z
            2026-10-31T21:30, the evening before fall-back,    2026-11-01T13:00:00Z
            """)
    void afterNinePmTheNextAllowedTimeIsEightAmLocal(String localTime, String what, Instant expected) {
        Decision decision = decide(ContactPurpose.SERVICE, ContactChannel.VOICE, ny(localTime), facts().build(), US);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly(ReasonCode.QUIET_HOURS);
        assertThat(decision.nextAllowedAt()).isEqualTo(expected);
    }

    @Test
    void afterSevenCallsTheNextAllowedTimeIsWhenTheOldestLeavesTheSevenDayWindow() {
        Fixtures.Facts facts = facts();
        for (String day : new String[] {"04T09:00", "04T16:00", "05T10:00", "06T10:00", "07T10:00", "08T10:00", "09T10:00"}) {
            facts.attempt(call(ny("2026-03-" + day), ContactOutcome.NO_ANSWER));
        }
        Decision decision = decide(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny("2026-03-09T15:00"), facts.build(), US);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly(ReasonCode.FREQUENCY_CAP);
        // on 10 March the window (4–10 March) still holds 7 calls; both 4 March calls leave it as 11 March begins,
        // and the contact hours open at 08:00
        assertThat(decision.nextAllowedAt()).isEqualTo(ny("2026-03-11T08:00"));
    }

    @Test
    void duringTheCooldownTheNextAllowedCallIsDayEightAtEightAm() {
        DecisionFacts facts = facts().attempt(call(ny("2026-03-09T10:00"), ContactOutcome.RIGHT_PARTY_CONVERSATION)).build();
        Decision decision = decide(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny("2026-03-10T10:00"), facts, US);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly(ReasonCode.CONVERSATION_COOLDOWN);
        assertThat(decision.nextAllowedAt()).isEqualTo(ny("2026-03-16T08:00"));
        // a text is not a call: the cooldown does not hold it
        assertThat(decision.alternatives()).containsExactly(ContactChannel.SMS, ContactChannel.EMAIL,
                ContactChannel.PUSH, ContactChannel.LETTER);
    }

    @Test
    void voiceBlockedByTheDailyCapLeavesTextAndEmail() {
        DecisionFacts facts = facts()
                .attempt(new DecisionFacts.Attempt(ny("2026-03-10T09:00"), ContactChannel.VOICE, ContactPurpose.SERVICE, null, ContactOutcome.NO_ANSWER))
                .attempt(new DecisionFacts.Attempt(ny("2026-03-10T11:00"), ContactChannel.VOICE, ContactPurpose.SERVICE, null, ContactOutcome.VOICEMAIL))
                .optOut(ContactChannel.EMAIL, null).build();
        Decision decision = decide(ContactPurpose.COLLECTION, ContactChannel.VOICE, ny("2026-03-10T15:00"), facts, US);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly(ReasonCode.DAILY_CAP);
        assertThat(decision.alternatives()).containsExactly(ContactChannel.SMS, ContactChannel.PUSH, ContactChannel.LETTER);
        assertThat(decision.nextAllowedAt()).isEqualTo(ny("2026-03-11T08:00"));
    }

    @Test
    void theLastDayOfAChineseHolidayEndsAtLocalMidnightAndTheHoursThenOpen() {
        DecisionFacts facts = facts().zones(SHANGHAI).build();
        Decision decision = decide(ContactPurpose.COLLECTION, ContactChannel.VOICE, local("2026-10-07T10:00", SHANGHAI), facts, CN);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly(ReasonCode.HOLIDAY);
        assertThat(decision.nextAllowedAt()).isEqualTo(local("2026-10-08T08:00", SHANGHAI));
        assertThat(decision.alternatives()).isEmpty();
    }

    @Test
    void twoCandidateZonesMeetWhereBothWindowsAreOpen() {
        DecisionFacts facts = facts().zones(NEW_YORK, LOS_ANGELES).build();
        Decision decision = decide(ContactPurpose.SERVICE, ContactChannel.VOICE, ny("2026-03-10T09:00"), facts, US);
        assertThat(decision.nextAllowedAt()).isEqualTo(local("2026-03-10T08:00", LOS_ANGELES));
    }

    @Test
    void anInconvenientPeriodMovesTheNextTimeToItsEnd() {
        DecisionFacts facts = facts().inconvenient(new DecisionFacts.InconvenientTime(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0))).build();
        Decision decision = decide(ContactPurpose.SERVICE, ContactChannel.VOICE, ny("2026-03-13T10:00"), facts, US);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly(ReasonCode.INCONVENIENT_TIME);
        assertThat(decision.nextAllowedAt()).isEqualTo(ny("2026-03-13T18:00"));
    }

    @Test
    void noAllowedTimeWithinFourteenDaysGivesNoNextTime() {
        DecisionFacts facts = facts().inconvenient(new DecisionFacts.InconvenientTime(
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(7, 0), LocalTime.of(22, 0))).build();
        Decision decision = decide(ContactPurpose.SERVICE, ContactChannel.VOICE, ny("2026-03-13T10:00"), facts, US);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.nextAllowedAt()).isNull();
    }

    @Test
    void messagesFollowTheCustomersLanguage() {
        DecisionFacts facts = facts().language("zh-CN").build();
        Decision decision = decide(ContactPurpose.SERVICE, ContactChannel.VOICE, ny("2026-03-10T22:00"), facts, US);
        assertThat(decision.reasons()).singleElement().satisfies(r -> {
            assertThat(r.message()).isEqualTo("当前不在客户当地允许联系的时间段内。");
            assertThat(r.message("en")).isEqualTo("Outside the permitted contact hours at the customer's location.");
        });
    }
}
