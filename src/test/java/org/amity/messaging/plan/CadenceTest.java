package org.amity.messaging.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amity.contact.ContactChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/** The cadence as policy data: the bundled house cadence, and every malformed entry named by its path. */
class CadenceTest {

    private static final String VALID = """
            version: "t"
            source: "test"
            reminders: {daysBefore: [3, 0], channels: [SMS, PUSH]}
            collection:
              - {level: 1, name: "first notice", daysPastDue: 4, channels: [SMS, PUSH, EMAIL]}
              - {level: 2, name: "call", daysPastDue: 10, channels: [VOICE, SMS]}
            """;

    @Test
    void theBundledCadenceRemindsAtMostThreeDaysAheadAndStartsCollectionAfterTheGrace() throws Exception {
        // DESIGN.md house defaults: "a reminder at most 3 days before a due date", "a 3-day grace before collection contact"
        Cadence bundled = Cadence.parse(new ClassPathResource(CadenceStore.BUNDLED).getContentAsString(StandardCharsets.UTF_8));
        assertThat(bundled.reminderDaysBefore()).allMatch(d -> d >= 0 && d <= 3);
        assertThat(bundled.levels().get(0).daysPastDue()).isGreaterThan(3);
        assertThat(bundled.levels()).allMatch(l -> !l.channels().contains(ContactChannel.VISIT));
        assertThat(bundled.levelAt(10)).get().extracting(Cadence.Level::channels).isEqualTo(List.of(ContactChannel.VOICE));
        assertThat(bundled.levelAt(5)).isEmpty();
    }

    @Test
    void triesALevelsChannelsLeastIntrusiveFirstWhateverOrderTheyAreListedIn() {
        Cadence c = Cadence.parse(VALID);
        assertThat(Cadence.leastIntrusiveFirst(c.levelAt(4).orElseThrow().channels()))
                .containsExactly(ContactChannel.PUSH, ContactChannel.SMS, ContactChannel.EMAIL);
        assertThat(Cadence.leastIntrusiveFirst(c.levelAt(10).orElseThrow().channels()))
                .containsExactly(ContactChannel.SMS, ContactChannel.VOICE);
        assertThat(Cadence.leastIntrusiveFirst(List.of(ContactChannel.VOICE, ContactChannel.LETTER, ContactChannel.EMAIL)))
                .containsExactly(ContactChannel.EMAIL, ContactChannel.LETTER, ContactChannel.VOICE);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "daysBefore: [3, 0]|daysBefore: [3, 3]|reminders.daysBefore[1]",
            "daysBefore: [3, 0]|daysBefore: [31]|reminders.daysBefore[0]",
            "daysBefore: [3, 0]|daysBefore: [-1]|reminders.daysBefore[0]",
            "channels: [SMS, PUSH]}|channels: [VISIT]}|reminders.channels[0]",
            "channels: [SMS, PUSH]}|channels: [FAX]}|reminders.channels[0]",
            "channels: [SMS, PUSH]}|channels: []}|reminders.channels",
            "daysPastDue: 10|daysPastDue: 4|collection[1].daysPastDue",
            "daysPastDue: 4,|daysPastDue: 0,|collection[0].daysPastDue",
            "level: 2|level: 1|collection[1].level",
            "level: 2|level: 0|collection",
            "name: \"call\", |name: \"\", |collection[1].name",
            "version: \"t\"|version: |version",
    })
    void namesTheBadEntry(String from, String to, String path) {
        assertThatThrownBy(() -> Cadence.parse(VALID.replace(from, to)))
                .isInstanceOfSatisfying(Cadence.InvalidCadence.class, e -> assertThat(e.path()).isEqualTo(path));
    }

    @Test
    void refusesSomethingThatIsNotACadence() {
        assertThatThrownBy(() -> Cadence.parse("- just a list")).isInstanceOf(Cadence.InvalidCadence.class);
        assertThatThrownBy(() -> Cadence.parse("version: [unclosed")).isInstanceOf(Cadence.InvalidCadence.class);
    }
}
