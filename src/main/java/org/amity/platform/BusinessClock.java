package org.amity.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every module reads. It ticks with the system clock, shifted by an offset that an
 * administrator can set in test and demo environments (like Apache Fineract's business date), so that
 * "overdue as of now" can be rehearsed for any day.
 */
public final class BusinessClock extends Clock {

    private final Clock system;
    private final ZoneId bankZone;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public BusinessClock(Clock system, ZoneId bankZone) {
        this.system = system;
        this.bankZone = bankZone;
    }

    @Override
    public ZoneId getZone() {
        return bankZone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(this, Duration.ZERO).withZone(zone);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    /** Moves business time so that it reads {@code target} now and keeps ticking from there. */
    public void moveTo(Instant target) {
        offset.set(Duration.between(system.instant(), target));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    public boolean isAdjusted() {
        return !offset.get().isZero();
    }

    public ZoneId bankZone() {
        return bankZone;
    }
}
