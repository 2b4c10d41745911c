package org.amity.ledger.importing;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered ids in the layout of UUID version 7 (RFC 9562): a millisecond timestamp, random bits and a
 * counter. An import writes millions of rows keyed by these ids; because each id sorts after the previous one,
 * the primary-key and instalment indexes grow at their right edge instead of being updated at random pages,
 * which keeps a large import from thrashing the buffer cache.
 */
final class OrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long msb;
    private final long lsbBase;
    private long counter;

    OrderedIds(long epochMillis) {
        this.msb = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt(1 << 12));
        this.lsbBase = 0x8000000000000000L | ((RANDOM.nextLong() & 0x3FFFFFFFL) << 32);
    }

    UUID next() {
        return new UUID(msb, lsbBase | (counter++ & 0xFFFFFFFFL));
    }
}
