package org.amity.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 12 CFR 1006.6(b)(1)(i): without information to the contrary, a time must be convenient at every location. */
class CandidateZonesTest {

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            America/Los_Angeles | +12125550199 | America/Los_Angeles,America/New_York
            America/New_York    | +12125550199 | America/New_York
            Asia/Shanghai       | +8613800000001 | Asia/Shanghai
            Europe/London       | +447400123456  | Europe/London,Europe/Guernsey,Europe/Isle_of_Man,Europe/Jersey
            Asia/Urumqi         | +8613800000001 | Asia/Urumqi,Asia/Shanghai
            """)
    void combinesTheAddressZoneWithThePhoneNumbersZones(String address, String phone, String expected) throws Exception {
        ZoneId[] zones = java.util.Arrays.stream(expected.split(",")).map(ZoneId::of).toArray(ZoneId[]::new);
        assertThat(CandidateZones.of(address, phone)).containsExactlyInAnyOrder(zones);
        assertThat(CandidateZones.ofNumber(address, PhoneNumberUtil.getInstance().parse(phone, null)))
                .as("a number parsed once by the caller gives the same zones").containsExactlyInAnyOrder(zones);
        assertThat(CandidateZones.ofZones(address, CandidateZones.ofNumber(null, PhoneNumberUtil.getInstance().parse(phone, null))))
                .as("the number's zones found earlier, with the address zone added later").containsExactly(
                        CandidateZones.of(address, phone).toArray(ZoneId[]::new));
    }

    @ParameterizedTest
    @CsvSource({"America/Chicago"})
    void withoutAPhoneTheAddressZoneAlone(String address) {
        assertThat(CandidateZones.of(address, (String) null)).containsExactly(ZoneId.of(address));
        assertThat(CandidateZones.ofNumber(address, null)).containsExactly(ZoneId.of(address));
    }
}
