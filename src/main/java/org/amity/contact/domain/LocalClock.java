package org.amity.contact.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.List;

/** Local dates and times at the customer's location, correct across daylight-saving changes. */
final class LocalClock {

    private LocalClock() {
    }

    static LocalDateTime local(Instant at, ZoneId zone) {
        return LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), zone.getRules().getOffset(at));
    }

    static LocalDate date(Instant at, ZoneId zone) {
        return local(at, zone).toLocalDate();
    }

    /** The first instant of a local date (not always 00:00 where a DST change happens at midnight). */
    static Instant startOfDay(LocalDate date, ZoneId zone) {
        Instant fast = unambiguous(date.toEpochDay() * SECONDS_PER_DAY, zone);
        return fast != null ? fast : date.atStartOfDay(zone).toInstant();
    }

    /** A wall-clock time on a date; a time skipped by a spring-forward gap moves forward by the gap. */
    static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
        Instant fast = unambiguous(date.toEpochDay() * SECONDS_PER_DAY + time.toSecondOfDay(), zone);
        return fast != null ? fast : ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static final long SECONDS_PER_DAY = 86_400;

    /**
     * The instant of a local time (given as seconds since 1970-01-01T00:00 local) when no offset change happens
     * within a day of it, using only instant-to-offset look-ups; null near a change, where the caller falls back
     * to java.time's gap and overlap handling. The local-to-instant path of ZoneRules was half the cost of a
     * decision (docs/benchmarks.md).
     */
    private static Instant unambiguous(long localSeconds, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        int guess = rules.getOffset(Instant.ofEpochSecond(localSeconds)).getTotalSeconds();
        long candidate = localSeconds - guess;
        int offset = rules.getOffset(Instant.ofEpochSecond(candidate)).getTotalSeconds();
        if (offset != guess) {
            candidate = localSeconds - offset;
            if (rules.getOffset(Instant.ofEpochSecond(candidate)).getTotalSeconds() != offset) {
                return null;
            }
        }
        if (rules.getOffset(Instant.ofEpochSecond(candidate - SECONDS_PER_DAY)).getTotalSeconds() != offset
                || rules.getOffset(Instant.ofEpochSecond(candidate + SECONDS_PER_DAY)).getTotalSeconds() != offset) {
            return null;
        }
        return Instant.ofEpochSecond(candidate);
    }

    /** Adds {@code time} on every local date from {@code from} to {@code until}, in every zone. */
    static void addDaily(LocalTime time, Instant from, Instant until, List<ZoneId> zones, List<Instant> out) {
        for (ZoneId zone : zones) {
            LocalDate last = date(until, zone);
            for (LocalDate d = date(from, zone); !d.isAfter(last); d = d.plusDays(1)) {
                out.add(instant(d, time, zone));
            }
        }
    }
}
