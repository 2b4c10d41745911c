package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecondAndLaterMillisecondsSortAfter() {
        long millis = 1_796_000_000_123L;
        UUID id = TimeOrderedIds.at(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
        // PostgreSQL compares uuids as unsigned bytes, that is as their text
        assertThat(TimeOrderedIds.at(millis + 1).toString()).isGreaterThan(id.toString());
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(42));
        }
        assertThat(ids).hasSize(10_000);
    }
}
