package org.amity.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Opt-out keywords from messaging/keywords.yaml: CTIA Messaging Principles (STOP, UNSUBSCRIBE, CANCEL, END, QUIT) and
 * 《通信短信息服务管理规定》第十九条 / carrier practice (退订, TD, T), matched trimmed, case- and width-insensitively.
 */
class OptOutKeywordsTest {

    private final OptOutKeywords keywords = OptOutKeywords.bundled();

    @ParameterizedTest(name = "\"{0}\" opts out as {1}")
    @CsvSource(delimiter = '|', value = {
            "STOP|STOP", "stop|STOP", "  Stop  |STOP", "ＳＴＯＰ|STOP", "STOP.|STOP", "unsubscribe|UNSUBSCRIBE", "Cancel|CANCEL",
            "end|END", "QUIT!|QUIT", "退订|退订", "退订。|退订", "TD|TD", "td|TD", "ｔｄ|TD", "T|T", "t|T"})
    void recognisesEveryConfiguredKeywordWhateverItsCaseWidthOrSurroundingSpace(String text, String keyword) {
        assertThat(keywords.match(text)).contains(keyword);
    }

    @ParameterizedTest(name = "\"{0}\" is not a keyword")
    @CsvSource(delimiter = '|', value = {"please stop calling", "STOPPED", "TDD", "我想退订短信吗", "hello", "''"})
    void aSentenceThatMerelyContainsAKeywordIsNotOne(String text) {
        assertThat(keywords.match(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anOptOutClosesSmsForEveryPurposeBecauseNoPurposeIsLegallyRequiredBySms() {
        assertThat(keywords.keepPurposes()).isEmpty();
    }
}
