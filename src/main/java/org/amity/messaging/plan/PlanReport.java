package org.amity.messaging.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;

/**
 * What a run of the plan did, counted by purpose, channel, result and (for blocked contacts) the reason. The totals count
 * contacts; a blocked contact appears in the lines once under each reason the engine gave, on the first channel the
 * plan tried for it.
 */
public record PlanReport(long queued, long dialer, long blocked, long alreadyPlanned, List<Line> lines) {

    public enum Result {
        /** a message was queued in the outbox */
        QUEUED,
        /** a call was put on the dialer list */
        DIALER,
        /** the engine refused every channel the level allows */
        BLOCKED,
        /** an earlier run of the same date already planned this contact: nothing was done again */
        ALREADY_PLANNED
    }

    public record Line(ContactPurpose purpose, ContactChannel channel, Result result, String reason, long count) {
    }

    public PlanReport {
        lines = List.copyOf(lines);
    }

    public static final PlanReport EMPTY = new PlanReport(0, 0, 0, 0, List.of());

    /** Counts as they are gathered during a run (not thread-safe; one run is one thread). */
    static final class Tally {
        private final Map<String, long[]> counts = new TreeMap<>();
        private final Map<String, Line> keys = new TreeMap<>();
        private final long[] totals = new long[Result.values().length];

        /** One candidate's result; a blocked one with each of its reasons. */
        void count(ContactPurpose purpose, ContactChannel channel, Result result, List<String> reasons) {
            totals[result.ordinal()]++;
            if (result == Result.BLOCKED && !reasons.isEmpty()) {
                reasons.forEach(r -> add(purpose, channel, result, r));
            } else {
                add(purpose, channel, result, null);
            }
        }

        private void add(ContactPurpose purpose, ContactChannel channel, Result result, String reason) {
            String key = purpose + "|" + channel + "|" + result + "|" + (reason == null ? "" : reason);
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            keys.putIfAbsent(key, new Line(purpose, channel, result, reason, 0));
        }

        PlanReport report() {
            List<Line> lines = new ArrayList<>();
            counts.forEach((key, n) -> {
                Line l = keys.get(key);
                lines.add(new Line(l.purpose(), l.channel(), l.result(), l.reason(), n[0]));
            });
            lines.sort(Comparator.comparing(Line::purpose).thenComparing(Line::result).thenComparing(Line::channel)
                    .thenComparing(Comparator.comparingLong(Line::count).reversed()));
            return new PlanReport(totals[Result.QUEUED.ordinal()], totals[Result.DIALER.ordinal()],
                    totals[Result.BLOCKED.ordinal()], totals[Result.ALREADY_PLANNED.ordinal()], lines);
        }
    }
}
