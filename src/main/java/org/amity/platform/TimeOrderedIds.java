package org.amity.platform;

import java.time.Clock;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the Unix time in milliseconds, the other 74 random (from
 * {@link UUID#randomUUID()}). For rows written on a hot path: a new id lands at the right end of its primary-key index
 * instead of on a random page of it.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(Clock.systemUTC().millis());
    }

    static UUID at(long unixMillis) {
        UUID random = UUID.randomUUID();
        long msb = (unixMillis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(msb, random.getLeastSignificantBits()); // variant bits as randomUUID set them (10)
    }
}
