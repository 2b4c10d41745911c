package org.amity.messaging.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.amity.contact.ContactChannel;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The reminder offsets and the collection ladder of the daily contact plan, as policy data (YAML). Like the policy
 * levels of Odoo OCA {@code account_credit_control}, a level fires when a loan reaches its days past due and names
 * the channels it may use; the plan never visits (VISIT is not a plan channel).
 */
public record Cadence(String version, String source, List<Integer> reminderDaysBefore, List<ContactChannel> reminderChannels,
                      List<Level> levels) {

    /** Every channel the plan may use, least intrusive first: the order it tries a level's channels in. */
    public static final List<ContactChannel> INTRUSIVENESS = List.of(ContactChannel.PUSH, ContactChannel.SMS, ContactChannel.EMAIL,
            ContactChannel.LETTER, ContactChannel.VOICE);
    static final int MAX_REMINDER_DAYS = 30;

    public record Level(int level, String name, int daysPastDue, List<ContactChannel> channels) {
    }

    public Cadence {
        reminderDaysBefore = List.copyOf(reminderDaysBefore);
        reminderChannels = List.copyOf(reminderChannels);
        levels = List.copyOf(levels);
    }

    public Optional<Level> levelAt(int daysPastDue) {
        return levels.stream().filter(l -> l.daysPastDue() == daysPastDue).findFirst();
    }

    public Set<Integer> ladderDays() {
        Set<Integer> days = new TreeSet<>();
        levels.forEach(l -> days.add(l.daysPastDue()));
        return days;
    }

    /** The channels in the order the plan tries them: least intrusive first (the preferred one is moved first later). */
    public static List<ContactChannel> leastIntrusiveFirst(List<ContactChannel> channels) {
        return INTRUSIVENESS.stream().filter(channels::contains).toList();
    }

    /** Thrown with the path of the bad entry ({@code collection[2].channels}). */
    public static final class InvalidCadence extends RuntimeException {
        private final String path;

        InvalidCadence(String path, String message) {
            super(path + ": " + message);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    public static Cadence parse(String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidCadence("(document)", "not readable YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new InvalidCadence("(document)", "a mapping with version, source, reminders and collection is expected");
        }
        String version = text(map, "version", "version");
        String source = text(map, "source", "source");
        Map<?, ?> reminders = mapping(map.get("reminders"), "reminders");
        List<Integer> days = new ArrayList<>();
        List<?> rawDays = list(reminders.get("daysBefore"), "reminders.daysBefore");
        for (int i = 0; i < rawDays.size(); i++) {
            int d = integer(rawDays.get(i), "reminders.daysBefore[" + i + "]");
            if (d < 0 || d > MAX_REMINDER_DAYS) {
                throw new InvalidCadence("reminders.daysBefore[" + i + "]", "must be between 0 and " + MAX_REMINDER_DAYS);
            }
            if (days.contains(d)) {
                throw new InvalidCadence("reminders.daysBefore[" + i + "]", d + " is listed twice");
            }
            days.add(d);
        }
        List<ContactChannel> reminderChannels = channels(reminders.get("channels"), "reminders.channels");
        List<Level> levels = new ArrayList<>();
        List<?> rawLevels = list(map.get("collection"), "collection");
        Set<Integer> seenDays = new LinkedHashSet<>();
        Set<Integer> seenLevels = new LinkedHashSet<>();
        for (int i = 0; i < rawLevels.size(); i++) {
            String path = "collection[" + i + "]";
            Map<?, ?> l = mapping(rawLevels.get(i), path);
            int level = integer(l.get("level"), path + ".level");
            int dpd = integer(l.get("daysPastDue"), path + ".daysPastDue");
            if (dpd < 1) {
                throw new InvalidCadence(path + ".daysPastDue", "must be at least 1");
            }
            if (!seenDays.add(dpd)) {
                throw new InvalidCadence(path + ".daysPastDue", "another level already fires at " + dpd + " days past due");
            }
            if (!seenLevels.add(level)) {
                throw new InvalidCadence(path + ".level", "level " + level + " is listed twice");
            }
            levels.add(new Level(level, text(l, "name", path + ".name"), dpd, channels(l.get("channels"), path + ".channels")));
        }
        levels.sort(java.util.Comparator.comparingInt(Level::daysPastDue));
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).level() < levels.get(i - 1).level()) {
                throw new InvalidCadence("collection", "levels must rise with days past due (level "
                        + levels.get(i).level() + " fires after level " + levels.get(i - 1).level() + ")");
            }
        }
        return new Cadence(version, source, days, reminderChannels, levels);
    }

    private static List<ContactChannel> channels(Object raw, String path) {
        List<?> values = list(raw, path);
        if (values.isEmpty()) {
            throw new InvalidCadence(path, "at least one channel is needed");
        }
        Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
        for (int i = 0; i < values.size(); i++) {
            String name = String.valueOf(values.get(i)).trim().toUpperCase(Locale.ROOT);
            ContactChannel channel;
            try {
                channel = ContactChannel.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidCadence(path + "[" + i + "]", "'" + values.get(i) + "' is not one of " + INTRUSIVENESS);
            }
            if (!INTRUSIVENESS.contains(channel)) {
                throw new InvalidCadence(path + "[" + i + "]", "the plan never uses " + channel + " (a visit is arranged with the customer, not planned)");
            }
            channels.add(channel);
        }
        return List.copyOf(channels.stream().toList());
    }

    private static String text(Map<?, ?> map, String key, String path) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new InvalidCadence(path, "is required");
        }
        return String.valueOf(v).trim();
    }

    private static Map<?, ?> mapping(Object v, String path) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new InvalidCadence(path, "a mapping is expected");
    }

    private static List<?> list(Object v, String path) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new InvalidCadence(path, "a list is expected");
    }

    private static int integer(Object v, String path) {
        if (v instanceof Integer i) {
            return i;
        }
        throw new InvalidCadence(path, "a whole number is expected, not '" + v + "'");
    }
}
