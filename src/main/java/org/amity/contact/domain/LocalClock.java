package org.amity.contact.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
        return date.atStartOfDay(zone).toInstant();
    }

    /** A wall-clock time on a date; a time skipped by a spring-forward gap moves forward by the gap. */
    static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
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
