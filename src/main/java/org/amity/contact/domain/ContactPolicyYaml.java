package org.amity.contact.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPurpose;
import org.amity.contact.HoldType;

/**
 * Reads a contact policy document (docs/contact-policy.md). A preset must have every section; a house-rules
 * document only the sections it adds. Errors name the path of the bad entry, e.g. {@code house.caps[0].max}.
 */
public final class ContactPolicyYaml {

    private static final Set<String> TOP = Set.of("id", "version", "kind", "countries", "jurisdiction", "accountState",
            "destination", "consent", "inconvenientTimes", "contactHours", "holidays", "holds", "caps", "cooldowns",
            "alternatives");
    private static final Set<String> CAP = Set.of("code", "scope", "channels", "purposes", "max", "localDays", "rolling",
            "ignoreOutcomes", "source");
    private static final Set<String> COOLDOWN = Set.of("code", "after", "scope", "channels", "purposes", "localDays", "source");
    private static final Set<String> CAP_CODES = Set.of("FREQUENCY_CAP", "DAILY_CAP", "MARKETING_CAP");

    private ContactPolicyYaml() {
    }

    public static ContactPolicy parse(String yaml, String name) {
        YamlNode root = YamlNode.parse(yaml, name);
        Map<String, YamlNode> doc = root.map(TOP);
        String kind = root.get("kind").text();
        if (!kind.equals("preset") && !kind.equals("house")) {
            throw root.get("kind").error("must be preset or house");
        }
        boolean preset = kind.equals("preset");
        if (preset) {
            for (String required : List.of("jurisdiction", "accountState", "destination", "consent", "inconvenientTimes",
                    "contactHours", "holds")) {
                if (!doc.containsKey(required)) {
                    throw root.get(required).error("is required in a preset");
                }
            }
        }
        return new ContactPolicy(root.get("id").text(), root.get("version").text(),
                root.get("countries").list(YamlNode::text), root.get("jurisdiction").text(""),
                optional(root.get("accountState"), ContactPolicyYaml::account),
                optional(root.get("destination"), n -> new ContactPolicy.Sourced(source(n, Set.of("source")))),
                optional(root.get("consent"), ContactPolicyYaml::consent),
                optional(root.get("inconvenientTimes"), n -> new ContactPolicy.Sourced(source(n, Set.of("source")))),
                optional(root.get("contactHours"), ContactPolicyYaml::hours),
                optional(root.get("holidays"), ContactPolicyYaml::holidays),
                holds(root.get("holds")),
                root.get("caps").list(ContactPolicyYaml::cap),
                root.get("cooldowns").list(ContactPolicyYaml::cooldown),
                root.get("alternatives").list(n -> n.enumValue(ContactChannel.class)));
    }

    /** The document's {@code kind}: {@code preset} or {@code house} (a merged policy no longer says). */
    public static String kind(String yaml, String name) {
        return YamlNode.parse(yaml, name).get("kind").text();
    }

    private static <T> T optional(YamlNode node, java.util.function.Function<YamlNode, T> read) {
        return node.isMissing() ? null : read.apply(node);
    }

    private static String source(YamlNode node, Set<String> keys) {
        node.map(keys);
        return node.get("source").text();
    }

    private static ContactPolicy.AccountRules account(YamlNode n) {
        String source = source(n, Set.of("graceDays", "reminderDays", "source"));
        return new ContactPolicy.AccountRules(n.get("graceDays").integer(0), n.get("reminderDays").integer(0), source);
    }

    private static ContactPolicy.ConsentRules consent(YamlNode n) {
        String source = source(n, Set.of("marketingRequiresOptIn", "source"));
        return new ContactPolicy.ConsentRules(n.get("marketingRequiresOptIn").bool(true), source);
    }

    private static ContactPolicy.ContactHours hours(YamlNode n) {
        String source = source(n, Set.of("from", "to", "channels", "source"));
        LocalTime from = n.get("from").time();
        LocalTime to = n.get("to").time();
        if (!from.isBefore(to)) {
            throw n.get("to").error("must be after from (" + from + ")");
        }
        return new ContactPolicy.ContactHours(from, to, channels(n.get("channels")), source);
    }

    private static ContactPolicy.HolidayRule holidays(YamlNode n) {
        String source = source(n, Set.of("purposes", "source"));
        return new ContactPolicy.HolidayRule(purposes(n.get("purposes")), source);
    }

    private static Map<HoldType, ContactPolicy.HoldRule> holds(YamlNode node) {
        Map<HoldType, ContactPolicy.HoldRule> holds = new EnumMap<>(HoldType.class);
        if (node.isMissing()) {
            return holds;
        }
        node.map().forEach((key, n) -> {
            HoldType type;
            try {
                type = HoldType.valueOf(key);
            } catch (IllegalArgumentException e) {
                throw n.error("unknown hold type (expected one of " + java.util.Arrays.toString(HoldType.values()) + ")");
            }
            String source = source(n, Set.of("blocks", "blocksAllExcept", "source"));
            boolean listed = !n.get("blocks").isMissing();
            boolean except = !n.get("blocksAllExcept").isMissing();
            if (listed == except) {
                throw n.error("needs exactly one of blocks or blocksAllExcept");
            }
            Set<ContactPurpose> blocks = listed ? purposes(n.get("blocks")) : EnumSet.complementOf(enums(n.get("blocksAllExcept"), ContactPurpose.class));
            holds.put(type, new ContactPolicy.HoldRule(blocks, source));
        });
        return holds;
    }

    private static ContactPolicy.FrequencyCap cap(YamlNode n) {
        String source = source(n, CAP);
        ReasonCode code = n.get("code").enumValue(ReasonCode.class);
        if (!CAP_CODES.contains(code.name())) {
            throw n.get("code").error("a cap's code is one of " + CAP_CODES);
        }
        int localDays = n.get("localDays").integer(1, 0);
        Duration rolling = null;
        if (!n.get("rolling").isMissing()) {
            try {
                rolling = Duration.parse(n.get("rolling").text());
            } catch (DateTimeParseException e) {
                throw n.get("rolling").error("must be an ISO-8601 duration like PT24H or P7D");
            }
            if (rolling.isNegative() || rolling.isZero()) {
                throw n.get("rolling").error("must be positive");
            }
        }
        if ((localDays > 0) == (rolling != null)) {
            throw n.error("needs exactly one window: localDays or rolling");
        }
        return new ContactPolicy.FrequencyCap(code, n.get("scope").enumValue(ContactPolicy.Scope.class),
                channels(n.get("channels")), purposes(n.get("purposes")), n.get("max").integer(1), localDays, rolling,
                enums(n.get("ignoreOutcomes"), ContactOutcome.class), source);
    }

    private static ContactPolicy.Cooldown cooldown(YamlNode n) {
        String source = source(n, COOLDOWN);
        ReasonCode code = n.get("code").enumValue(ReasonCode.class);
        if (code != ReasonCode.CONVERSATION_COOLDOWN) {
            throw n.get("code").error("a cooldown's code is CONVERSATION_COOLDOWN");
        }
        Set<ContactOutcome> after = enums(n.get("after"), ContactOutcome.class);
        if (after.isEmpty()) {
            throw n.get("after").error("must name at least one outcome");
        }
        return new ContactPolicy.Cooldown(code, after, n.get("scope").enumValue(ContactPolicy.Scope.class),
                channels(n.get("channels")), purposes(n.get("purposes")), n.get("localDays").integer(1), source);
    }

    private static Set<ContactChannel> channels(YamlNode n) {
        return enums(n, ContactChannel.class);
    }

    private static Set<ContactPurpose> purposes(YamlNode n) {
        return enums(n, ContactPurpose.class);
    }

    private static <E extends Enum<E>> EnumSet<E> enums(YamlNode n, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (YamlNode item : n.list()) {
            set.add(item.enumValue(type));
        }
        return set;
    }
}
