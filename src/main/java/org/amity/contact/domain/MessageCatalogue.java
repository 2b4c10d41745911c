package org.amity.contact.domain;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amity.contact.HoldType;

/**
 * Reason texts in zh-CN and en, read once from {@code contact/messages.yaml}. Every combination of code and hold
 * type is rendered up front, so building a reason on the hot path is a map lookup.
 */
final class MessageCatalogue {

    static final List<String> LANGUAGES = List.of("zh-CN", "en");
    static final String FALLBACK = "en";

    private static final MessageCatalogue BUNDLED = load(YamlNode.resource("contact/messages.yaml"), "contact/messages.yaml");

    private final Map<ReasonCode, Map<String, String>> plain;
    private final Map<HoldType, Map<String, String>> holds;

    private MessageCatalogue(Map<ReasonCode, Map<String, String>> plain, Map<HoldType, Map<String, String>> holds) {
        this.plain = plain;
        this.holds = holds;
    }

    static MessageCatalogue bundled() {
        return BUNDLED;
    }

    static MessageCatalogue load(String yaml, String name) {
        YamlNode root = YamlNode.parse(yaml, name);
        root.map(java.util.Set.of("reasons", "holds"));
        Map<HoldType, Map<String, String>> holdNames = new EnumMap<>(HoldType.class);
        for (HoldType type : HoldType.values()) {
            holdNames.put(type, texts(root.get("holds").get(type.name())));
        }
        Map<ReasonCode, Map<String, String>> plain = new EnumMap<>(ReasonCode.class);
        Map<HoldType, Map<String, String>> holds = new EnumMap<>(HoldType.class);
        for (ReasonCode code : ReasonCode.values()) {
            plain.put(code, texts(root.get("reasons").get(code.name())));
        }
        for (HoldType type : HoldType.values()) {
            Map<String, String> rendered = new LinkedHashMap<>();
            plain.get(ReasonCode.CONTACT_HOLD).forEach((lang, text) ->
                    rendered.put(lang, text.replace("{hold}", holdNames.get(type).get(lang))));
            holds.put(type, Map.copyOf(rendered));
        }
        return new MessageCatalogue(plain, holds);
    }

    private static Map<String, String> texts(YamlNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            texts.put(language, node.get(language).text());
        }
        return Map.copyOf(texts);
    }

    Reason reason(ReasonCode code, HoldType hold, String source, String language) {
        Map<String, String> texts = hold == null ? plain.get(code) : holds.get(hold);
        String message = texts.get(language);
        return new Reason(code, hold, source, message != null ? message : texts.get(FALLBACK), texts);
    }
}
