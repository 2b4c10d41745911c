package org.amity.contact.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Public holidays and adjusted working days per jurisdiction, from data files
 * ({@code contact/holidays/CN-2026.yaml}, …). China moves weekend days to make long holidays (调休): those Saturdays
 * and Sundays are working days, listed under {@code workingDays}.
 */
public final class HolidayCalendar {

    public static final HolidayCalendar EMPTY = new HolidayCalendar(Map.of(), Map.of());

    /** The calendars shipped with Amity. */
    public static final List<String> BUNDLED = List.of("CN-2026", "CN-2027", "US-2026", "US-2027", "GB-2026", "GB-2027");

    private static final Set<String> KEYS = Set.of("jurisdiction", "year", "source", "note", "holidays", "workingDays");
    private static final Set<String> DAY_KEYS = Set.of("date", "name");

    private final Map<String, Map<LocalDate, String>> holidays;
    private final Map<String, Map<LocalDate, String>> workingDays;

    private HolidayCalendar(Map<String, Map<LocalDate, String>> holidays, Map<String, Map<LocalDate, String>> workingDays) {
        this.holidays = holidays;
        this.workingDays = workingDays;
    }

    public static HolidayCalendar bundled() {
        return load(BUNDLED.stream().map(name -> "contact/holidays/" + name + ".yaml").toList());
    }

    /** Reads the given classpath resources; several years of one jurisdiction add up. */
    public static HolidayCalendar load(List<String> resources) {
        Map<String, Map<LocalDate, String>> holidays = new HashMap<>();
        Map<String, Map<LocalDate, String>> working = new HashMap<>();
        for (String resource : resources) {
            read(YamlNode.parse(YamlNode.resource(resource), resource), holidays, working);
        }
        return new HolidayCalendar(holidays, working);
    }

    /** Reads YAML text (tests, or a calendar a bank keeps in its own database). */
    public static HolidayCalendar parse(String yaml, String name) {
        Map<String, Map<LocalDate, String>> holidays = new HashMap<>();
        Map<String, Map<LocalDate, String>> working = new HashMap<>();
        read(YamlNode.parse(yaml, name), holidays, working);
        return new HolidayCalendar(holidays, working);
    }

    /** Reads several years given as YAML text by name (e.g. the years stored in the database); they add up. */
    public static HolidayCalendar parseAll(Map<String, String> yamlByName) {
        Map<String, Map<LocalDate, String>> holidays = new HashMap<>();
        Map<String, Map<LocalDate, String>> working = new HashMap<>();
        yamlByName.forEach((name, yaml) -> read(YamlNode.parse(yaml, name), holidays, working));
        return new HolidayCalendar(holidays, working);
    }

    /** What one year's document declares, once it has been read without error. */
    public record YearSummary(String jurisdiction, int year, int holidays, int workingDays) {
    }

    /** Validates one year's document as {@link #parse} does and says what it holds. */
    public static YearSummary summarise(String yaml, String name) {
        YamlNode root = YamlNode.parse(yaml, name);
        Map<String, Map<LocalDate, String>> holidays = new HashMap<>();
        Map<String, Map<LocalDate, String>> working = new HashMap<>();
        read(root, holidays, working);
        String jurisdiction = root.get("jurisdiction").text();
        return new YearSummary(jurisdiction, root.get("year").integer(2000), holidays.get(jurisdiction).size(),
                working.get(jurisdiction).size());
    }

    private static void read(YamlNode root, Map<String, Map<LocalDate, String>> holidays,
                             Map<String, Map<LocalDate, String>> working) {
        Map<String, YamlNode> doc = root.map(KEYS);
        String jurisdiction = root.get("jurisdiction").text();
        int year = root.get("year").integer(2000);
        readDays(doc.get("holidays"), year, holidays.computeIfAbsent(jurisdiction, j -> new HashMap<>()));
        readDays(doc.get("workingDays"), year, working.computeIfAbsent(jurisdiction, j -> new HashMap<>()));
        for (LocalDate day : working.get(jurisdiction).keySet()) {
            if (holidays.get(jurisdiction).containsKey(day)) {
                throw root.error(day + " is listed both as a holiday and as a working day");
            }
        }
    }

    private static void readDays(YamlNode list, int year, Map<LocalDate, String> into) {
        if (list == null) {
            return;
        }
        for (YamlNode entry : list.list()) {
            entry.map(DAY_KEYS);
            LocalDate date = entry.get("date").date();
            // a New Year holiday observed on 31 December of the previous year is listed in the new year's file
            if (Math.abs(date.getYear() - year) > 1) {
                throw entry.get("date").error("is not in or next to " + year);
            }
            into.put(date, entry.get("name").text());
        }
    }

    public boolean isHoliday(String jurisdiction, LocalDate date) {
        Map<LocalDate, String> days = holidays.get(jurisdiction);
        return days != null && days.containsKey(date);
    }

    /** The holiday's name, or null when the date is no holiday there. */
    public String holidayName(String jurisdiction, LocalDate date) {
        Map<LocalDate, String> days = holidays.get(jurisdiction);
        return days == null ? null : days.get(date);
    }

    /** Monday to Friday unless a holiday; a weekend day only when it is an adjusted working day (调休). */
    public boolean isWorkingDay(String jurisdiction, LocalDate date) {
        if (isHoliday(jurisdiction, date)) {
            return false;
        }
        Map<LocalDate, String> adjusted = workingDays.get(jurisdiction);
        if (adjusted != null && adjusted.containsKey(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
