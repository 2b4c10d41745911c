package org.amity.contact.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.amity.contact.ContactPurpose;
import org.amity.contact.HoldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Regulatory parameters live in policy data (DESIGN.md); presets are chosen by address country, house rules sit on top.
class ContactPolicyYamlTest {

    private static final String HOUSE = """
            id: house
            version: "1"
            kind: house
            caps:
              - code: DAILY_CAP
                scope: PERSON
                channels: [VOICE]
                max: 2
                localDays: 1
                source: house
            """;

    @ParameterizedTest(name = "address country {0}, product preset [{1}] → {2}")
    @CsvSource(textBlock = """
            CN, ,       CN
            US, ,       US_REG_F
            GB, ,       UK_FCA
            FR, ,       UK_FCA
            US, CN,     CN
            """)
    void thePresetFollowsTheAddressCountryUnlessTheProductOverridesIt(String country, String product, String preset) {
        assertThat(Fixtures.LIBRARY.policyFor(country, product).id()).isEqualTo(preset);
    }

    @Test
    void theUsPresetWithHouseRulesCarriesRegFAndTheHouseCaps() {
        ContactPolicy us = Fixtures.US;
        assertThat(us.version()).isEqualTo("US_REG_F@2026.1+house@2026.1");
        assertThat(us.contactHours().from()).isEqualTo(LocalTime.of(8, 0));
        assertThat(us.contactHours().to()).isEqualTo(LocalTime.of(21, 0));
        assertThat(us.contactHours().source()).contains("12 CFR 1006.6(b)(1)(i)");
        assertThat(us.caps()).extracting(ContactPolicy.FrequencyCap::code)
                .containsExactly(ReasonCode.FREQUENCY_CAP, ReasonCode.DAILY_CAP, ReasonCode.MARKETING_CAP);
        assertThat(us.caps().get(0).source()).contains("12 CFR 1006.14(b)(2)(i)(A)");
        assertThat(us.cooldowns()).singleElement().extracting(ContactPolicy.Cooldown::localDays).isEqualTo(7);
        assertThat(us.account().graceDays()).isEqualTo(3);
        assertThat(us.holidays()).isNull();
        assertThat(us.holds().get(HoldType.COMPLAINT_OPEN).blocks()).containsExactly(ContactPurpose.COLLECTION);
        assertThat(us.holds().get(HoldType.CEASE_REQUESTED).blocks()).doesNotContain(ContactPurpose.SERVICE).hasSize(6);
    }

    @Test
    void everyRuleOfEveryPresetNamesItsSource() {
        for (String id : PolicyLibrary.BUNDLED_PRESETS) {
            ContactPolicy p = Fixtures.LIBRARY.preset(id);
            assertThat(p.account().source()).isNotBlank();
            assertThat(p.destination().source()).isNotBlank();
            assertThat(p.consent().source()).isNotBlank();
            assertThat(p.inconvenientTimes().source()).isNotBlank();
            assertThat(p.contactHours().source()).isNotBlank();
            assertThat(p.holds()).hasSize(HoldType.values().length);
            p.holds().values().forEach(h -> assertThat(h.source()).isNotBlank());
            p.caps().forEach(c -> assertThat(c.source()).isNotBlank());
        }
        assertThat(Fixtures.CN.holidays().purposes()).containsExactly(ContactPurpose.COLLECTION);
    }

    @Test
    void houseRulesOnlyTighten() {
        ContactPolicy preset = ContactPolicyYaml.parse(
                YamlNode.resource("contact/presets/UK_FCA.yaml"), "UK_FCA");
        ContactPolicy house = ContactPolicyYaml.parse("""
                id: strict
                version: "2"
                kind: house
                accountState: {graceDays: 1, reminderDays: 5, source: strict}
                contactHours: {from: "09:00", to: "22:00", channels: [LETTER], source: strict}
                holidays: {purposes: [MARKETING], source: strict}
                holds:
                  COMPLAINT_OPEN: {blocks: [MARKETING], source: strict}
                """, "strict");
        ContactPolicy merged = preset.withHouseRules(house);
        assertThat(merged.account().graceDays()).isEqualTo(1);
        assertThat(merged.account().reminderDays()).isEqualTo(3);
        assertThat(merged.contactHours().from()).isEqualTo(LocalTime.of(9, 0));
        assertThat(merged.contactHours().to()).isEqualTo(LocalTime.of(21, 0));
        assertThat(merged.contactHours().channels()).contains(org.amity.contact.ContactChannel.LETTER);
        assertThat(merged.holidays().purposes()).containsExactly(ContactPurpose.MARKETING);
        assertThat(merged.holds().get(HoldType.COMPLAINT_OPEN).blocks())
                .containsExactlyInAnyOrder(ContactPurpose.COLLECTION, ContactPurpose.MARKETING);
        assertThat(merged.version()).isEqualTo("UK_FCA@2026.1+strict@2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a cap without max              | caps: [{code: DAILY_CAP, scope: PERSON, localDays: 1, source: x}]                    | house.caps[0].max: is required
            a cap with max 0               | caps: [{code: DAILY_CAP, scope: PERSON, max: 0, localDays: 1, source: x}]            | house.caps[0].max: must be at least 1
            a misspelt channel             | caps: [{code: DAILY_CAP, scope: PERSON, max: 2, localDays: 1, channels: [VOICE, SMSS], source: x}] | house.caps[0].channels[1]: unknown value 'SMSS'
            two windows                    | caps: [{code: DAILY_CAP, scope: PERSON, max: 2, localDays: 1, rolling: P1D, source: x}] | house.caps[0]: needs exactly one window
            a bad duration                 | caps: [{code: DAILY_CAP, scope: PERSON, max: 2, rolling: 1 day, source: x}]          | house.caps[0].rolling: must be an ISO-8601 duration
            a cap with a non-cap code      | caps: [{code: QUIET_HOURS, scope: PERSON, max: 2, localDays: 1, source: x}]          | house.caps[0].code: a cap's code is one of
            a cap without source           | caps: [{code: DAILY_CAP, scope: PERSON, max: 2, localDays: 1}]                       | house.caps[0].source: is required
            an unknown key                 | caps: [{code: DAILY_CAP, scope: PERSON, max: 2, localDays: 1, source: x, maxx: 3}]   | house.caps[0].maxx: unknown key
            a time that is no time         | 'contactHours: {from: "8 am", to: "21:00", source: x}'                              | house.contactHours.from: must be a time
            hours ending before they start | 'contactHours: {from: "21:00", to: "08:00", source: x}'                             | house.contactHours.to: must be after from
            an unknown hold type           | 'holds: {HOLIDAY: {blocks: [COLLECTION], source: x}}'                              | house.holds.HOLIDAY: unknown hold type
            a hold with both lists         | 'holds: {DISPUTE: {blocks: [COLLECTION], blocksAllExcept: [SERVICE], source: x}}'  | house.holds.DISPUTE: needs exactly one of
            a cooldown after nothing       | cooldowns: [{code: CONVERSATION_COOLDOWN, after: [], scope: DEBT, localDays: 7, source: x}] | house.cooldowns[0].after: must name at least one outcome
            """)
    void aBadEntryIsReportedWithItsPath(String what, String section, String error) {
        String yaml = "id: house\nversion: \"1\"\nkind: house\n" + section + "\n";
        assertThatThrownBy(() -> ContactPolicyYaml.parse(yaml, "house"))
                .isInstanceOf(PolicyFormatException.class).hasMessageStartingWith(error);
    }

    @Test
    void aPresetMustHaveEverySection() {
        assertThatThrownBy(() -> ContactPolicyYaml.parse("id: X\nversion: \"1\"\nkind: preset\njurisdiction: X\n", "X"))
                .isInstanceOf(PolicyFormatException.class).hasMessage("X.accountState: is required in a preset");
        assertThat(ContactPolicyYaml.parse(HOUSE, "house").caps()).hasSize(1);
    }

    @Test
    void aHolidayFileCannotListADayAsBothHolidayAndWorkingDay() {
        assertThatThrownBy(() -> HolidayCalendar.parse("""
                jurisdiction: CN
                year: 2026
                holidays: [{date: "2026-10-10", name: a}]
                workingDays: [{date: "2026-10-10", name: b}]
                """, "CN-test")).isInstanceOf(PolicyFormatException.class).hasMessageContaining("2026-10-10");
        assertThatThrownBy(() -> HolidayCalendar.parse("jurisdiction: CN\nyear: 2026\nholidays: [{date: 2026-13-01, name: a}]\n", "CN-test"))
                .isInstanceOf(PolicyFormatException.class).hasMessageStartingWith("CN-test.holidays[0].date:");
    }
}
