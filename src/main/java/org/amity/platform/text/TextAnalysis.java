package org.amity.platform.text;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns free text from customers — Simplified or Traditional Chinese, English, or both in one sentence — into the
 * features a classifier compares: width-folded (NFKC), Traditional converted to Simplified (ICU's rules, applied by
 * {@link ChineseScript}), lower-cased, segmented into words by Lucene's smartcn (English words are Porter-stemmed by
 * the same analyzer), plus the Chinese character bigrams that keep recognition working when segmentation splits an unfamiliar word.
 * Thread-safe; one instance serves every caller.
 */
public final class TextAnalysis {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private final Analyzer analyzer = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

    /** NFKC width folding, Traditional → Simplified, lower case. */
    public String normalise(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String folded = NFKC.normalize(text);
        // only Han text can need converting
        String simplified = isChinese(folded) ? ChineseScript.toSimplified().convert(folded) : folded;
        return simplified.toLowerCase(Locale.ROOT).strip();
    }

    /** Words of the normalised text, punctuation dropped. */
    public List<String> words(String text) {
        return wordsOfNormalised(normalise(text));
    }

    private List<String> wordsOfNormalised(String normalised) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", normalised)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Words, plus "bi:" bigrams of consecutive Han characters. */
    public List<String> features(String text) {
        String normalised = normalise(text);
        List<String> features = wordsOfNormalised(normalised);
        int previous = -1;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (han && previous != -1) {
                features.add("bi:" + new String(Character.toChars(previous)) + new String(Character.toChars(cp)));
            }
            previous = han ? cp : -1;
            i += Character.charCount(cp);
        }
        return features;
    }

    /** True when the text contains Han characters: a caller can tell Chinese from English input. */
    public static boolean isChinese(String text) {
        return text != null && text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
