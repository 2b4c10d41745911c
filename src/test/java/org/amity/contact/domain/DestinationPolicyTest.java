package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 12 CFR 1006.6(d); CONC 7.9.6R; 消费金融公司管理办法 (2024): never disclose a debt to anyone but the customer;
// contact only the customer's own verified contact points.
class DestinationPolicyTest {

    private final DestinationPolicy policy = new DestinationPolicy();

    private static final DecisionFacts FACTS = facts().points(
            new DecisionFacts.ContactPoint(DecisionFacts.PointType.PHONE, "+1 212-555-0100", true, DecisionFacts.Owner.SELF),
            new DecisionFacts.ContactPoint(DecisionFacts.PointType.PHONE, "+12125550199", false, DecisionFacts.Owner.SELF),
            new DecisionFacts.ContactPoint(DecisionFacts.PointType.PHONE, "+12125550142", true, DecisionFacts.Owner.OTHER),
            new DecisionFacts.ContactPoint(DecisionFacts.PointType.EMAIL, "Mei@Example.com", true, DecisionFacts.Owner.SELF))
            .build();

    @ParameterizedTest(name = "{0} to [{1}]: {2}")
    @CsvSource(textBlock = """
            VOICE,  +12125550100,      ''
            SMS,    +1 (212) 555-0100, ''
            VOICE,  +12125550199,      UNVERIFIED_DESTINATION
            VOICE,  +12125550142,      THIRD_PARTY_DESTINATION
            VOICE,  +12125550000,      THIRD_PARTY_DESTINATION
            VOICE,  mei@example.com,   THIRD_PARTY_DESTINATION
            VOICE,  ,                  THIRD_PARTY_DESTINATION
            EMAIL,  mei@example.com,   ''
            EMAIL,  boss@example.com,  THIRD_PARTY_DESTINATION
            EMAIL,  +12125550100,      THIRD_PARTY_DESTINATION
            PUSH,   ,                  ''
            LETTER, ,                  ''
            """)
    void onlyTheCustomersOwnVerifiedContactPoints(ContactChannel channel, String destination, String expected) {
        ContactRequest request = new ContactRequest(CUSTOMER, LOAN, ContactPurpose.COLLECTION, channel, destination,
                ny("2026-03-10T10:00"));
        assertThat(Fixtures.codes(policy.evaluate(request, FACTS, US)))
                .containsExactlyElementsOf(AccountStatePolicyTest.codes(expected));
    }
}
