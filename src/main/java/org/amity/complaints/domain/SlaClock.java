package org.amity.complaints.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.amity.complaints.domain.ComplaintPolicy.Jurisdiction;
import org.amity.complaints.domain.ComplaintPolicy.Rule;
import org.amity.complaints.domain.ComplaintPolicy.Unit;

/**
 * Legal deadlines of a complaint on its jurisdiction's working-day calendar. The day of receipt is not counted
 * (民法典 第二百零一条: 按照年、月、日计算期间的, 开始的当日不计入; DISP 1.5.1R "the third business day following the day on
 * which it is received"); a deadline ends at 23:59:59 of its last day in the jurisdiction's zone.
 */
public final class SlaClock {

    public record Deadlines(Instant acknowledgeBy, Instant summaryBy, Instant resolveBy) {
    }

    public enum Standing { ON_TRACK, WARNING_75, WARNING_90, BREACHED, MET, MISSED }

    private final WorkingCalendar calendar;

    public SlaClock(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public Deadlines deadlines(Jurisdiction j, Instant receivedAt) {
        return new Deadlines(deadline(j, j.acknowledge(), receivedAt),
                j.summary() == null ? null : deadline(j, j.summary(), receivedAt), deadline(j, j.resolve(), receivedAt));
    }

    /** The resolve-by after an approved extension: the extension's days counted on from the current deadline. */
    public Instant extended(Jurisdiction j, Instant resolveBy) {
        if (j.extension() == null) {
            throw new IllegalStateException("No extension is provided for in " + j.id());
        }
        return deadline(j, j.extension(), resolveBy);
    }

    public Instant deadline(Jurisdiction j, Rule rule, Instant from) {
        LocalDate day = from.atZone(j.zone()).toLocalDate();
        if (rule.unit() == Unit.CALENDAR_DAYS) {
            day = day.plusDays(rule.days());
        } else {
            int counted = 0;
            while (counted < rule.days()) {
                day = day.plusDays(1);
                if (calendar.isWorkingDay(j.calendar(), day)) {
                    counted++;
                }
            }
        }
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(j.zone()).toInstant();
    }

    /** Share of the time from receipt to the deadline that has passed (may exceed 1). */
    public static double elapsed(Instant receivedAt, Instant deadline, Instant now) {
        long total = Duration.between(receivedAt, deadline).toSeconds();
        if (total <= 0) {
            return now.isBefore(deadline) ? 0 : 1.0;
        }
        return (double) Duration.between(receivedAt, now).toSeconds() / total;
    }

    /** Warnings at the policy's thresholds (e.g. 75% and 90%), a breach after the deadline; closed cases met or missed. */
    public static Standing standing(Instant receivedAt, Instant deadline, Instant now, Instant resolvedAt, List<Double> warnings) {
        if (resolvedAt != null) {
            return resolvedAt.isAfter(deadline) ? Standing.MISSED : Standing.MET;
        }
        if (now.isAfter(deadline)) {
            return Standing.BREACHED;
        }
        double share = elapsed(receivedAt, deadline, now);
        if (warnings.size() > 1 && share >= warnings.get(1)) {
            return Standing.WARNING_90;
        }
        if (!warnings.isEmpty() && share >= warnings.get(0)) {
            return Standing.WARNING_75;
        }
        return Standing.ON_TRACK;
    }
}
