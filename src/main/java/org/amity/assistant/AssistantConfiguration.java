package org.amity.assistant;

import org.amity.platform.text.TextAnalysis;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recogniser, trained once at start-up from the examples; a malformed example file stops the application. */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    @Bean
    IntentRecognizer intentRecognizer(@Value("${amity.assistant.confidence-threshold:0.5}") double threshold) {
        // its own analysis instance (thread-safe), not a bean: other modules may define theirs
        return IntentRecognizer.fromExamples(new TextAnalysis(), threshold);
    }
}
