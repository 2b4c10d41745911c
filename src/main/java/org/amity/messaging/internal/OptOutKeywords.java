package org.amity.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amity.contact.ContactPurpose;
import org.yaml.snakeyaml.Yaml;

/**
 * The SMS opt-out keywords and the purposes an opt-out leaves open, read from {@code messaging/keywords.yaml} (data,
 * not code). A text is a keyword when, trimmed and with trailing punctuation dropped, it equals one ignoring case
 * and character width ({@code ＳＴＯＰ}, {@code stop}, {@code " TD "} and {@code 退订。} all match).
 */
public record OptOutKeywords(Set<String> keywords, Set<ContactPurpose> keepPurposes) {

    @SuppressWarnings("unchecked")
    public static OptOutKeywords load(InputStream yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        Set<String> k = new LinkedHashSet<>();
        ((List<Object>) root.get("optOut")).forEach(o -> k.add(normalise(String.valueOf(o))));
        Set<ContactPurpose> keep = EnumSet.noneOf(ContactPurpose.class);
        ((List<Object>) root.getOrDefault("keepPurposes", List.of())).forEach(o -> keep.add(ContactPurpose.valueOf(String.valueOf(o))));
        return new OptOutKeywords(Set.copyOf(k), Set.copyOf(keep));
    }

    public static OptOutKeywords bundled() {
        try (InputStream in = OptOutKeywords.class.getResourceAsStream("/messaging/keywords.yaml")) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> match(String text) {
        String t = normalise(text == null ? "" : text).replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+$", "");
        return keywords.contains(t) ? Optional.of(t) : Optional.empty();
    }

    static String normalise(String s) {
        return TemplateText.normalise(s).trim().toUpperCase(Locale.ROOT);
    }
}
