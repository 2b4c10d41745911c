package org.amity.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

    @Test
    void fillsVariablesAndUsesADefaultOnlyWhenTheMessageHasNoValue() {
        String text = "{{customerName}}：{{text|默认}}，{{ amountDue }}";
        assertThat(TemplateText.render(text, Map.of("customerName", "王芳", "amountDue", "1,032.80"))).isEqualTo("王芳：默认，1,032.80");
        assertThat(TemplateText.render(text, Map.of("customerName", "王芳", "amountDue", "1", "text", "新"))).isEqualTo("王芳：新，1");
        assertThat(TemplateText.render("{{x|}}", Map.of())).isEmpty();
    }

    @Test
    void aVariableWithNoValueAndNoDefaultStopsTheMessage() {
        assertThatThrownBy(() -> TemplateText.render("Dear {{customerName}}", Map.of()))
                .isInstanceOf(TemplateText.MissingVariable.class).hasMessageContaining("customerName");
    }

    @Test
    void aValueIsInsertedLiterallyEvenWithDollarsAndBackslashes() {
        assertThat(TemplateText.render("{{a}}", Map.of("a", "$1 \\ $2"))).isEqualTo("$1 \\ $2");
    }

    @Test
    void unbalancedBracesAreASyntaxError() {
        assertThat(TemplateText.syntaxErrors("Hello {{customerName}")).isNotEmpty();
        assertThat(TemplateText.syntaxErrors("Hello }} there")).isNotEmpty();
        assertThat(TemplateText.syntaxErrors("Hello {{customerName}} {{text|x}}")).isEmpty();
    }

    @Test
    void theOptOutMarkerIsFoundWhateverItsWidthOrCase() {
        assertThat(TemplateText.contains("…回复ＴＤ退订", "TD退订")).isTrue();
        assertThat(TemplateText.contains("reply stop to opt out", "Reply STOP")).isTrue();
        assertThat(TemplateText.contains("Reply to stop", "Reply STOP")).isFalse();
    }
}
