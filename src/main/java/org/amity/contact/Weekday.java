package org.amity.contact;

import java.time.DayOfWeek;

/** Days as customers and integrators write them: {@code ["MON","TUE"]}. */
public enum Weekday {
    MON, TUE, WED, THU, FRI, SAT, SUN;

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }

    public static Weekday of(DayOfWeek day) {
        return values()[day.getValue() - 1];
    }
}
