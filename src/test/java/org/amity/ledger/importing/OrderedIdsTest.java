package org.amity.ledger.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderedIdsTest {

    @Test
    void idsOfOneImportSortLikePostgresSortsUuidsAndAreVersion7() {
        OrderedIds ids = new OrderedIds(1_790_000_000_000L);
        UUID previous = ids.next();
        for (int i = 0; i < 10_000; i++) {
            UUID next = ids.next();
            // PostgreSQL compares uuids as unsigned bytes, i.e. as the hex text
            assertThat(next.toString()).isGreaterThan(previous.toString());
            assertThat(next.version()).isEqualTo(7);
            assertThat(next.variant()).isEqualTo(2);
            previous = next;
        }
    }
}
