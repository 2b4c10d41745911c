package org.amity.messaging.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template language: {@code {{name}}} is a variable, {@code {{name|default}}} one with a default used when the
 * message has no value for it. Nothing else: no logic in templates, so compliance can read every one of them.
 */
public final class TemplateText {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?:\\|([^}]*))?}}");
    private static final Pattern ANY_BRACES = Pattern.compile("\\{\\{|}}");

    private TemplateText() {
    }

    /** A variable has no value and no default. */
    public static final class MissingVariable extends RuntimeException {
        private final String variable;

        MissingVariable(String variable) {
            super("no value for {{" + variable + "}}");
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    /** The variables a text uses, in order of first use. */
    public static Set<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Problems with a text's syntax: unbalanced or malformed {@code {{…}}}. Empty when fine. */
    public static List<String> syntaxErrors(String text) {
        List<String> errors = new ArrayList<>();
        if (text == null) {
            return errors;
        }
        String stripped = VARIABLE.matcher(text).replaceAll("");
        if (ANY_BRACES.matcher(stripped).find()) {
            errors.add("a {{ or }} that is not a variable such as {{customerName}}");
        }
        return errors;
    }

    public static String render(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                if (m.group(2) == null) {
                    throw new MissingVariable(m.group(1));
                }
                value = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether {@code body} contains {@code marker}, ignoring case and full-width forms (ＴＤ退订). */
    public static boolean contains(String body, String marker) {
        return normalise(body).contains(normalise(marker));
    }

    static String normalise(String s) {
        return java.text.Normalizer.normalize(s == null ? "" : s, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
