package org.amity.assistant;

import java.text.Normalizer;
import java.util.Locale;
import org.amity.platform.text.ChineseScript;
import org.amity.platform.text.TextAnalysis;

/**
 * The language a reply is written in: Simplified or Traditional Chinese, or English. Texts are kept in zh-CN and en;
 * a Traditional reply is the Simplified text converted by ICU's rules, so the two scripts never drift apart.
 */
enum ReplyLanguage {
    ZH_HANS("zh-Hans", Locale.SIMPLIFIED_CHINESE),
    ZH_HANT("zh-Hant", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    final String tag;
    final Locale messages;

    ReplyLanguage(String tag, Locale messages) {
        this.tag = tag;
        this.messages = messages;
    }

    boolean chinese() {
        return this != EN;
    }

    String render(String simplifiedOrEnglish) {
        return this == ZH_HANT ? ChineseScript.toTraditional().convert(simplifiedOrEnglish) : simplifiedOrEnglish;
    }

    /**
     * The language asked for ({@code zh-CN}, {@code zh-Hans}, {@code zh-TW}, {@code zh-HK}, {@code zh-Hant}, {@code en}),
     * else the one the text is written in. Chinese written in Traditional characters is answered in Traditional even
     * when the portal is set to zh-CN: customers write in the script they read.
     */
    static ReplyLanguage of(String requested, String text) {
        boolean han = TextAnalysis.isChinese(text);
        boolean traditional = han && isTraditional(text);
        if (requested != null && !requested.isBlank()) {
            String r = requested.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (r.startsWith("en")) {
                return han ? (traditional ? ZH_HANT : ZH_HANS) : EN;
            }
            if (r.startsWith("zh")) {
                boolean hant = r.contains("hant") || r.endsWith("-tw") || r.endsWith("-hk") || r.endsWith("-mo");
                return hant || traditional ? ZH_HANT : ZH_HANS;
            }
            throw org.amity.platform.ApiProblem.badRequest("INVALID_ENUM_VALUE", "language",
                    "'" + requested + "' is not one of [zh-CN, zh-Hans, zh-Hant, zh-TW, zh-HK, en]")
                    .allowedValues(java.util.List.of("zh-CN", "zh-Hans", "zh-Hant", "zh-TW", "zh-HK", "en"));
        }
        return han ? (traditional ? ZH_HANT : ZH_HANS) : EN;
    }

    static boolean isTraditional(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return !ChineseScript.toSimplified().convert(folded).equals(folded);
    }
}
