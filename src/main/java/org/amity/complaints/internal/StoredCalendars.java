package org.amity.complaints.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.amity.complaints.domain.WorkingCalendar;
import org.amity.contact.PolicyStore;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The working-day calendars the contact module stores (public holidays and 调休 working weekends, one YAML document
 * per jurisdiction and year, see {@link PolicyStore#holidayYaml}), read through its public API and cached until a
 * year is (re)loaded. SLA clocks and visit slots count days on them.
 */
@Component
public class StoredCalendars implements WorkingCalendar {

    private record Days(String key, Map<String, Set<LocalDate>> holidays, Map<String, Set<LocalDate>> working) {
    }

    private final PolicyStore store;
    private final AtomicReference<Days> cache = new AtomicReference<>();

    StoredCalendars(PolicyStore store) {
        this.store = store;
    }

    @Override
    public boolean isWorkingDay(String calendar, LocalDate date) {
        Days days = days();
        if (days.holidays().getOrDefault(calendar, Set.of()).contains(date)) {
            return false;
        }
        if (days.working().getOrDefault(calendar, Set.of()).contains(date)) {
            return true;
        }
        return WEEKDAYS.isWorkingDay(calendar, date);
    }

    private Days days() {
        List<PolicyStore.HolidayYear> years = store.holidayYears();
        String key = years.stream().map(y -> y.jurisdiction() + y.year() + y.loadedAt()).reduce("", String::concat);
        Days cached = cache.get();
        if (cached != null && cached.key().equals(key)) {
            return cached;
        }
        Map<String, Set<LocalDate>> holidays = new HashMap<>();
        Map<String, Set<LocalDate>> working = new HashMap<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (PolicyStore.HolidayYear year : years) {
            store.holidayYaml(year.jurisdiction(), year.year()).ifPresent(text -> {
                Map<?, ?> doc = yaml.load(text);
                collect(doc.get("holidays"), holidays.computeIfAbsent(year.jurisdiction(), j -> new HashSet<>()));
                collect(doc.get("workingDays"), working.computeIfAbsent(year.jurisdiction(), j -> new HashSet<>()));
            });
        }
        Days built = new Days(key, holidays, working);
        cache.set(built);
        return built;
    }

    private static void collect(Object list, Set<LocalDate> into) {
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> m && m.get("date") != null) {
                    into.add(LocalDate.parse(String.valueOf(m.get("date"))));
                }
            }
        }
    }
}
