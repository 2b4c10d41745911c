package org.amity.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.amity.platform.ApiProblem;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void normalisesToE164ByTheDefaultRegionWhenTheNumberHasNoPlus() {
        assertThat(PhoneNumbers.toE164("138 0013 8000", "CN", "value")).isEqualTo("+8613800138000");
        assertThat(PhoneNumbers.toE164("+86 138 0013 8000", "US", "value")).isEqualTo("+8613800138000");
        assertThat(PhoneNumbers.toE164("(202) 555-0143", "US", "value")).isEqualTo("+12025550143");
    }

    @Test
    void theSameTextIsReadByItsOwnRegion() {
        // without a + the same digits are a Washington number in the US and a Guangzhou one in China
        assertThat(PhoneNumbers.toE164("2025550143", "US", "value")).isEqualTo("+12025550143");
        assertThat(PhoneNumbers.toE164("2025550143", "CN", "value")).isEqualTo("+862025550143");
    }

    @Test
    void anInvalidNumberIsRefusedWithTheReason() {
        assertThatThrownBy(() -> PhoneNumbers.parse("+86 12", "CN", "destination")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("'+86 12' is not a valid phone number");
        assertThatThrownBy(() -> PhoneNumbers.parse("call me", "CN", "destination")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("it is not a phone number");
    }
}
