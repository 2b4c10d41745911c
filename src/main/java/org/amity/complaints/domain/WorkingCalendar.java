package org.amity.complaints.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Whether a date is a working (business) day in a jurisdiction's calendar, 调休 working weekends included. */
@FunctionalInterface
public interface WorkingCalendar {

    boolean isWorkingDay(String calendar, LocalDate date);

    /** Monday to Friday, no holidays: for tests and jurisdictions without a calendar. */
    WorkingCalendar WEEKDAYS = (calendar, date) -> date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
}
