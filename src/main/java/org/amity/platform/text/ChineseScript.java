package org.amity.platform.text;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Chinese text between Traditional and Simplified characters with ICU's own conversion rules
 * ({@code Traditional-Simplified}, {@code Simplified-Traditional}), applied as ICU applies them, but looked up by
 * code point instead of by ICU's general rule engine. ICU indexes its ~4,000 rules by the low byte of the first
 * character, so every character of a sentence tried a dozen or more rules; this was the largest single cost of an
 * assistant reply. The output is ICU's output ({@code ChineseScriptTest} compares them over every rule and over
 * random text); should a future ICU ship rules in a form this class does not read, it uses ICU's engine instead.
 *
 * <p>How ICU applies these rules, and so how this class does: at each position, the first rule in the rule file's
 * order whose key matches the text there, whose following context matches the text after the key, and whose
 * preceding context matches what has already been written, replaces the key; the position moves past the key.
 * No rule matching, the character is kept. Immutable and thread-safe.
 */
public final class ChineseScript {

    private static final ChineseScript TO_SIMPLIFIED = new ChineseScript("Traditional-Simplified");
    private static final ChineseScript TO_TRADITIONAL = new ChineseScript("Simplified-Traditional");

    /** Traditional characters and phrases to Simplified. */
    public static ChineseScript toSimplified() {
        return TO_SIMPLIFIED;
    }

    /** Simplified characters and phrases to Traditional. */
    public static ChineseScript toTraditional() {
        return TO_TRADITIONAL;
    }

    /** One rule: {@code before{key}after > replacement}, contexts as one code-point set per position. */
    private record Rule(int[][] before, String key, int[][] after, String replacement) {
    }

    private final String id;
    /** Rules by the first code point of their key, in the rule file's order; BMP in the array, the rest in the map. */
    private final Rule[][] bmp = new Rule[Character.MAX_VALUE + 1][];
    private final Map<Integer, Rule[]> supplementary = new HashMap<>();
    /** ICU's engine, when its rules use syntax this class does not read. */
    private final ThreadLocal<Transliterator> fallback;

    private ChineseScript(String id) {
        this.id = id;
        boolean readable = read(Transliterator.getInstance(id));
        this.fallback = readable ? null : ThreadLocal.withInitial(() -> Transliterator.getInstance(id));
    }

    /** True when the rules were read and conversion runs here rather than in ICU's engine. */
    boolean fast() {
        return fallback == null;
    }

    public String convert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (fallback != null) {
            return fallback.get().transliterate(text);
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            Rule[] candidates = cp <= Character.MAX_VALUE ? bmp[cp] : supplementary.get(cp);
            Rule applied = null;
            if (candidates != null) {
                for (Rule rule : candidates) {
                    if (matches(rule, text, i, out)) {
                        applied = rule;
                        break;
                    }
                }
            }
            if (applied == null) {
                if (out != null) {
                    out.appendCodePoint(cp);
                }
                i += width;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 8).append(text, 0, i);
            }
            out.append(applied.replacement());
            i += applied.key().length();
        }
        return out == null ? text : out.toString();
    }

    private static boolean matches(Rule rule, String text, int at, StringBuilder written) {
        String key = rule.key();
        if (!text.startsWith(key, at)) {
            return false;
        }
        int next = at + key.length();
        for (int[] set : rule.after()) {
            if (next >= text.length() || !contains(set, text.codePointAt(next))) {
                return false;
            }
            next += Character.charCount(text.codePointAt(next));
        }
        if (rule.before().length > 0) {
            // ICU matches the preceding context against the text as already converted
            CharSequence left = written == null ? text : written;
            int end = written == null ? at : written.length();
            for (int k = rule.before().length - 1; k >= 0; k--) {
                if (end == 0) {
                    return false;
                }
                int cp = Character.codePointBefore(left, end);
                if (!contains(rule.before()[k], cp)) {
                    return false;
                }
                end -= Character.charCount(cp);
            }
        }
        return true;
    }

    private static boolean contains(int[] set, int cp) {
        for (int member : set) {
            if (member == cp) {
                return true;
            }
        }
        return false;
    }

    /** Reads {@code toRules} of the ICU transliterator; false when a rule uses syntax beyond contexts and sets. */
    private boolean read(Transliterator icu) {
        if (icu.getFilter() != null) {
            return false;
        }
        Map<Integer, List<Rule>> byFirst = new HashMap<>();
        for (String line : icu.toRules(false).split("\n")) {
            String rule = line.strip();
            if (rule.isEmpty()) {
                continue;
            }
            Rule parsed = parse(rule);
            if (parsed == null) {
                return false;
            }
            byFirst.computeIfAbsent(parsed.key().codePointAt(0), k -> new ArrayList<>()).add(parsed);
        }
        if (byFirst.isEmpty()) {
            return false;
        }
        byFirst.forEach((cp, rules) -> {
            Rule[] array = rules.toArray(Rule[]::new);
            if (cp <= Character.MAX_VALUE) {
                bmp[cp] = array;
            } else {
                supplementary.put(cp, array);
            }
        });
        return true;
    }

    /** {@code [set]{key}[set] > replacement;} with literal characters and sets of literal characters only. */
    private static Rule parse(String rule) {
        int arrow = rule.indexOf(" > ");
        if (arrow <= 0 || !rule.endsWith(";") || rule.indexOf('>', arrow + 3) >= 0) {
            return null;
        }
        String left = rule.substring(0, arrow);
        String replacement = rule.substring(arrow + 3, rule.length() - 1);
        if (replacement.isEmpty() || !plain(replacement)) {
            return null;
        }
        int open = left.indexOf('{');
        int close = left.indexOf('}');
        String before = "";
        String key = left;
        String after = "";
        if (open >= 0 || close >= 0) {
            if (open < 0 || close < open || left.indexOf('{', open + 1) >= 0 || left.indexOf('}', close + 1) >= 0) {
                return null;
            }
            before = left.substring(0, open);
            key = left.substring(open + 1, close);
            after = left.substring(close + 1);
        }
        if (key.isEmpty() || !plain(key)) {
            return null;
        }
        int[][] beforeSets = context(before);
        int[][] afterSets = context(after);
        if (beforeSets == null || afterSets == null) {
            return null;
        }
        return new Rule(beforeSets, key, afterSets, replacement);
    }

    /** A context: each element one literal character or one {@code [...]} set of literal characters. */
    private static int[][] context(String context) {
        List<int[]> sets = new ArrayList<>();
        for (int i = 0; i < context.length(); ) {
            int cp = context.codePointAt(i);
            if (cp == '[') {
                int end = context.indexOf(']', i);
                if (end < 0) {
                    return null;
                }
                String members = context.substring(i + 1, end);
                if (members.isEmpty() || !plain(members)) {
                    return null;
                }
                sets.add(members.codePoints().toArray());
                i = end + 1;
            } else {
                if (!plain(Character.toString(cp))) {
                    return null;
                }
                sets.add(new int[] {cp});
                i += Character.charCount(cp);
            }
        }
        return sets.toArray(int[][]::new);
    }

    /** Only Han characters: no ICU syntax (quotes, escapes, variables, ranges, cursors, anchors). */
    private static boolean plain(String s) {
        return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    @Override
    public String toString() {
        return "ChineseScript[" + id + (fast() ? "" : ", ICU engine") + "]";
    }
}
