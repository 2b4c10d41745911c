package org.amity.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.amity.platform.text.TextClassifier.Example;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    private final TextAnalysis analysis = new TextAnalysis();

    @Test
    void traditionalChineseIsReadAsSimplified() {
        assertThat(analysis.normalise("我沒有逾期，為什麼還打電話")).isEqualTo("我没有逾期,为什么还打电话");
    }

    @Test
    void fullWidthLettersAndDigitsAreFolded() {
        assertThat(analysis.normalise("ＳＴＯＰ　１２３")).isEqualTo("stop 123");
    }

    @Test
    void chineseIsSegmentedIntoWordsAndEnglishIsStemmed() {
        assertThat(analysis.words("我没有逾期")).contains("逾期");
        assertThat(analysis.words("They keep calling me")).contains("call");
    }

    @Test
    void hanBigramsAreAddedForChineseText() {
        assertThat(analysis.features("逾期通知")).contains("bi:逾期", "bi:期通", "bi:通知");
        assertThat(analysis.features("overdue notice")).noneMatch(f -> f.startsWith("bi:"));
    }

    @Test
    void classifierPicksTheLabelWhoseExamplesTheTextResembles() {
        TextClassifier classifier = new TextClassifier(analysis, List.of(
                new Example("CALLS", "they call me every day"), new Example("CALLS", "你们天天打电话"),
                new Example("FEES", "the interest and fees are too high"), new Example("FEES", "利息和手续费太高")));

        assertThat(classifier.classify("為什麼每天打電話給我").label()).isEqualTo("CALLS");
        assertThat(classifier.classify("why is the fee so high").label()).isEqualTo("FEES");
        assertThat(classifier.classify("why is the fee so high").confidence()).isGreaterThan(0.5);
    }

    @Test
    void textWithNothingRecognisableHasNoConfidence() {
        TextClassifier classifier = new TextClassifier(analysis, List.of(new Example("A", "payment"), new Example("B", "complaint")));
        assertThat(classifier.classify("zzz qqq").confidence()).isZero();
    }

    @Test
    void aBadExampleLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> LabelledTexts.read("text/bad-examples.tsv", Set.of("A", "B", "C")))
                .hasMessageContaining("line 5");
        assertThatThrownBy(() -> LabelledTexts.read("text/bad-examples.tsv", Set.of("A")))
                .hasMessageContaining("line 4").hasMessageContaining("unknown label B");
    }
}
