package org.amity.contact.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A value read from a YAML document together with its path ({@code caps[1].max}), so that every validation error
 * says where the bad entry is. Only safe YAML (maps, lists, scalars) is accepted: a policy file is data.
 */
final class YamlNode {

    private final String path;
    private final Object value;

    private YamlNode(String path, Object value) {
        this.path = path;
        this.value = value;
    }

    static YamlNode parse(String text, String name) {
        try {
            LoaderOptions options = new LoaderOptions();
            Object root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                    new DumperOptions(), options, new DatesAsText()).load(text);
            return new YamlNode(name, root);
        } catch (RuntimeException e) {
            throw new PolicyFormatException(name, "is not valid YAML: " + e.getMessage());
        }
    }

    static String resource(String location) {
        try (InputStream in = YamlNode.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + location);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Leaves 2026-01-01 as text for {@link #date()} to parse strictly: SnakeYAML's own timestamps are lenient and
     * would read 2026-13-01 as 2027-01-01.
     */
    private static final class DatesAsText extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.STR, TIMESTAMP, "0123456789");
            super.addImplicitResolvers();
        }
    }

    String path() {
        return path;
    }

    PolicyFormatException error(String message) {
        return new PolicyFormatException(path, message);
    }

    boolean isMissing() {
        return value == null;
    }

    /** The entries of a map, rejecting keys not in {@code allowed} (a typo must not silently drop a rule). */
    Map<String, YamlNode> map(Set<String> allowed) {
        Map<String, YamlNode> entries = map();
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                throw entries.get(key).error("unknown key (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
        return entries;
    }

    Map<String, YamlNode> map() {
        if (!(value instanceof Map<?, ?> raw)) {
            throw error("must be a map");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        raw.forEach((k, v) -> entries.put(String.valueOf(k), new YamlNode(join(String.valueOf(k)), v)));
        return entries;
    }

    YamlNode get(String key) {
        if (value == null) {
            return new YamlNode(join(key), null);
        }
        Object v = value instanceof Map<?, ?> m ? m.get(key) : null;
        if (!(value instanceof Map<?, ?>)) {
            throw error("must be a map");
        }
        return new YamlNode(join(key), v);
    }

    List<YamlNode> list() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> raw)) {
            throw error("must be a list");
        }
        List<YamlNode> items = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            items.add(new YamlNode(path + "[" + i + "]", raw.get(i)));
        }
        return items;
    }

    <T> List<T> list(Function<YamlNode, T> item) {
        return list().stream().map(item).toList();
    }

    String text() {
        if (value == null) {
            throw error("is required");
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw error("must be a single value");
        }
        String s = String.valueOf(value).trim();
        if (s.isEmpty()) {
            throw error("must not be empty");
        }
        return s;
    }

    String text(String orElse) {
        return value == null ? orElse : text();
    }

    int integer(int min) {
        if (!(value instanceof Integer i)) {
            throw error(value == null ? "is required" : "must be a whole number");
        }
        if (i < min) {
            throw error("must be at least " + min);
        }
        return i;
    }

    int integer(int min, int orElse) {
        return value == null ? orElse : integer(min);
    }

    boolean bool(boolean orElse) {
        if (value == null) {
            return orElse;
        }
        if (!(value instanceof Boolean b)) {
            throw error("must be true or false");
        }
        return b;
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        String s = text();
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw error("unknown value '" + s + "' (expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    LocalTime time() {
        try {
            return LocalTime.parse(text());
        } catch (DateTimeParseException e) {
            throw error("must be a time like \"08:00\"");
        }
    }

    LocalDate date() {
        try {
            return LocalDate.parse(text());
        } catch (DateTimeParseException e) {
            throw error("must be a date like 2026-01-01");
        }
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
