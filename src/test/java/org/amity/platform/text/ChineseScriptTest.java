package org.amity.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast conversion must write exactly what ICU's transliterator writes, rule for rule. */
class ChineseScriptTest {

    private static final Pattern SET = Pattern.compile("\\[([^\\]]+)]");

    @Test
    void readsBothOfIcusRuleSetsInsteadOfFallingBackToItsEngine() {
        assertThat(ChineseScript.toSimplified().fast()).isTrue();
        assertThat(ChineseScript.toTraditional().fast()).isTrue();
    }

    @Test
    void convertsCharactersPhrasesAndContexts() {
        assertThat(ChineseScript.toSimplified().convert("我的貸款申請進度如何")).isEqualTo("我的贷款申请进度如何");
        assertThat(ChineseScript.toTraditional().convert("您的贷款目前没有逾期")).isEqualTo("您的貸款目前沒有逾期");
        // phrase rule: 余额 is 餘額, not 余額
        assertThat(ChineseScript.toTraditional().convert("账户余额")).isEqualTo(icu("Simplified-Traditional", "账户余额"));
        // context rule: after a numeral 余 is 餘 ("十余人")
        assertThat(ChineseScript.toTraditional().convert("十余人")).isEqualTo(icu("Simplified-Traditional", "十余人"));
        assertThat(ChineseScript.toSimplified().convert("plain English, 123")).isEqualTo("plain English, 123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Traditional-Simplified", "Simplified-Traditional"})
    void writesWhatIcuWritesForEveryRuleInContextAndForRandomText(String id) throws IOException {
        ChineseScript fast = id.startsWith("Traditional") ? ChineseScript.toSimplified() : ChineseScript.toTraditional();
        Transliterator icu = Transliterator.getInstance(id);
        Random random = new Random(20261123);
        List<String> samples = new ArrayList<>();
        StringBuilder alphabet = new StringBuilder("的了是我你他在有不这个们中来上大为和国地到以说时要就出会可也过后天下");
        for (String line : icu.toRules(false).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String left = line.substring(0, line.indexOf(" > "));
            String right = line.substring(line.indexOf(" > ") + 3, line.lastIndexOf(';'));
            alphabet.append(left.replaceAll("[\\[\\]{}]", "")).append(right);
            for (int variant = 0; variant < 3; variant++) {
                Matcher m = SET.matcher(left);
                StringBuilder sample = new StringBuilder();
                while (m.find()) {
                    String members = m.group(1);
                    int pick = random.nextInt(members.codePointCount(0, members.length()));
                    m.appendReplacement(sample, Matcher.quoteReplacement(
                            new String(Character.toChars(members.codePointAt(members.offsetByCodePoints(0, pick))))));
                }
                m.appendTail(sample);
                samples.add(sample.toString().replace("{", "").replace("}", ""));
            }
        }
        String chars = alphabet.toString();
        int[] cps = chars.codePoints().toArray();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            // every rule's text alone, after and before random characters, and run into two other rules' texts
            texts.add(samples.get(i));
            texts.add(randomText(random, cps, 3) + samples.get(i) + randomText(random, cps, 3));
            texts.add(samples.get(random.nextInt(samples.size())) + samples.get(i) + samples.get(random.nextInt(samples.size())));
        }
        for (int i = 0; i < 20_000; i++) {
            texts.add(randomText(random, cps, 1 + random.nextInt(40)) + (i % 7 == 0 ? " and English 42, " : ""));
        }
        for (int cp = 0x3400; cp <= 0x9FFF; cp += 64) {
            StringBuilder block = new StringBuilder();
            for (int k = cp; k < cp + 64; k++) {
                block.appendCodePoint(k);
            }
            texts.add(block.toString());
        }
        texts.addAll(resourceLines("i18n/assistant_zh_CN.properties"));
        texts.addAll(resourceLines("assistant/intents.tsv"));
        for (String text : texts) {
            assertThat(fast.convert(text)).as(text).isEqualTo(icu.transliterate(text));
        }
    }

    private static String randomText(Random random, int[] cps, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return s.toString();
    }

    private static List<String> resourceLines(String resource) throws IOException {
        try (InputStream in = ChineseScriptTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String icu(String id, String text) {
        return Transliterator.getInstance(id).transliterate(text);
    }
}
