package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.amity.contact.HoldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Hard stops: 12 CFR 1006.6(c)(1) cease communication; 1006.6(b)(2) attorney; 1006.38(d)(2) dispute;
// SI 2020/1311 reg. 7 breathing space; house rules for open complaints and kept arrangements (collection only).
class ContactHoldPolicyTest {

    private final ContactHoldPolicy policy = new ContactHoldPolicy();
    private static final Instant NOW = ny("2026-03-10T10:00");

    @ParameterizedTest(name = "{0} hold, {1} contact: blocked {2}")
    @CsvSource(textBlock = """
            CEASE_REQUESTED,              COLLECTION,         true
            CEASE_REQUESTED,              MARKETING,          true
            CEASE_REQUESTED,              SERVICE,            false
            ATTORNEY_REPRESENTED,         REPAYMENT_REMINDER, true
            ATTORNEY_REPRESENTED,         SERVICE,            false
            DECEASED,                     NEGOTIATION,        true
            DECEASED,                     SERVICE,            false
            DISPUTE,                      COLLECTION,         true
            DISPUTE,                      REPAYMENT_REMINDER, true
            DISPUTE,                      SERVICE,            false
            BREATHING_SPACE,              COLLECTION,         true
            BREATHING_SPACE,              NEGOTIATION,        true
            BREATHING_SPACE,              COMPLAINT_FOLLOW_UP, false
            COMPLAINT_OPEN,               COLLECTION,         true
            COMPLAINT_OPEN,               REPAYMENT_REMINDER, false
            COMPLAINT_OPEN,               COMPLAINT_FOLLOW_UP, false
            ARRANGEMENT_IN_GOOD_STANDING, COLLECTION,         true
            ARRANGEMENT_IN_GOOD_STANDING, REPAYMENT_REMINDER, false
            """)
    void eachHoldTypeBlocksThePurposesThePolicyLists(HoldType type, ContactPurpose purpose, boolean blocked) {
        DecisionFacts facts = facts().hold(type, null, ny("2026-03-01T00:00"), null).build();
        Reason[] expected = blocked ? new Reason[] {Reason.of(ReasonCode.CONTACT_HOLD, type, US.holds().get(type).source(), facts)} : new Reason[0];
        assertThat(policy.evaluate(request(purpose, ContactChannel.VOICE, NOW), facts, US)).containsExactly(expected);
    }

    @ParameterizedTest(name = "a hold from {0} until {1}: blocks on 10 March {2}")
    @CsvSource(textBlock = """
            2026-03-01T00:00, ,                 true
            2026-03-01T00:00, 2026-03-10T10:01, true
            2026-03-01T00:00, 2026-03-10T10:00, false
            2026-03-01T00:00, 2026-03-05T00:00, false
            2026-03-10T10:00, ,                 true
            2026-03-11T00:00, ,                 false
            """)
    void aHoldBlocksOnlyWhileItIsActive(String from, String until, boolean blocked) {
        DecisionFacts facts = facts().hold(HoldType.BREATHING_SPACE, null, ny(from), until == null ? null : ny(until)).build();
        assertThat(policy.evaluate(request(ContactPurpose.COLLECTION, ContactChannel.VOICE, NOW), facts, UK)).hasSize(blocked ? 1 : 0);
    }

    @Test
    void aHoldOnOneLoanDoesNotBlockContactAboutAnother() {
        DecisionFacts facts = facts().hold(HoldType.DISPUTE, OTHER_LOAN, ny("2026-03-01T00:00"), null).build();
        assertThat(policy.evaluate(request(ContactPurpose.COLLECTION, ContactChannel.VOICE, NOW), facts, US)).isEmpty();
        ContactRequest aboutDisputed = new ContactRequest(CUSTOMER, OTHER_LOAN, ContactPurpose.COLLECTION,
                ContactChannel.VOICE, PHONE, NOW);
        assertThat(policy.evaluate(aboutDisputed, facts, US)).extracting(Reason::holdType).containsExactly(HoldType.DISPUTE);
    }

    @Test
    void everyHoldTypeGivesItsOwnReasonInBothLanguages() {
        DecisionFacts facts = facts().language("zh-CN")
                .hold(HoldType.COMPLAINT_OPEN, null, ny("2026-03-01T00:00"), null)
                .hold(HoldType.ATTORNEY_REPRESENTED, null, ny("2026-03-02T00:00"), null)
                .hold(HoldType.COMPLAINT_OPEN, LOAN, ny("2026-03-03T00:00"), null).build();
        assertThat(policy.evaluate(request(ContactPurpose.COLLECTION, ContactChannel.VOICE, NOW), facts, US))
                .extracting(Reason::holdType, Reason::message, r -> r.message("en"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(HoldType.COMPLAINT_OPEN, "联系已暂停：投诉处理中。", "Contact is on hold: a complaint is open."),
                        org.assertj.core.groups.Tuple.tuple(HoldType.ATTORNEY_REPRESENTED, "联系已暂停：客户已委托律师。",
                                "Contact is on hold: the customer is represented by an attorney."));
    }
}
