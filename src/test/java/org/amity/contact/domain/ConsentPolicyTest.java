package org.amity.contact.domain;

import static org.amity.contact.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 12 CFR 1006.14(h): no communication through a medium the consumer asked not to be used; 1006.6(e) opt-out;
// house rule: marketing only with opt-in for that channel.
class ConsentPolicyTest {

    private final ConsentPolicy policy = new ConsentPolicy();

    @ParameterizedTest(name = "opted out of {0}/{1}; a {2} {3}: {4}")
    @CsvSource(textBlock = """
            SMS,   COLLECTION, SMS,   COLLECTION, CHANNEL_OPTED_OUT
            SMS,   COLLECTION, SMS,   SERVICE,    ''
            SMS,   COLLECTION, VOICE, COLLECTION, ''
            SMS,   ,           SMS,   SERVICE,    CHANNEL_OPTED_OUT
            ,      COLLECTION, EMAIL, COLLECTION, CHANNEL_OPTED_OUT
            """)
    void anOptedOutChannelIsNotUsedAgainForThatPurpose(ContactChannel outChannel, ContactPurpose outPurpose,
                                                       ContactChannel channel, ContactPurpose purpose, String expected) {
        DecisionFacts facts = facts().optOut(outChannel, outPurpose).build();
        assertThat(Fixtures.codes(policy.evaluate(request(purpose, channel, ny("2026-03-10T10:00")), facts, US)))
                .containsExactlyElementsOf(AccountStatePolicyTest.codes(expected));
    }

    @ParameterizedTest(name = "marketing opt-ins [{0}], marketing by {1}: {2}")
    @CsvSource(textBlock = """
            EMAIL,     EMAIL, ''
            EMAIL,     SMS,   NO_MARKETING_CONSENT
            '',        EMAIL, NO_MARKETING_CONSENT
            EMAIL SMS, SMS,   ''
            """)
    void marketingOnlyOnAChannelTheCustomerOptedInTo(String optIns, ContactChannel channel, String expected) {
        Set<ContactChannel> channels = optIns.isBlank() ? Set.of()
                : java.util.Arrays.stream(optIns.split(" ")).map(ContactChannel::valueOf).collect(java.util.stream.Collectors.toSet());
        DecisionFacts facts = facts().preferences(new DecisionFacts.Preferences(Set.of(), channels, List.of())).build();
        assertThat(Fixtures.codes(policy.evaluate(request(ContactPurpose.MARKETING, channel, ny("2026-03-10T10:00")), facts, US)))
                .containsExactlyElementsOf(AccountStatePolicyTest.codes(expected));
    }
}
