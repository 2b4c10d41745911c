package org.amity.assistant;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.amity.platform.text.LabelledTexts;
import org.amity.platform.text.TextAnalysis;
import org.amity.platform.text.TextClassifier;

/**
 * Recognises an intent with the shared naive-Bayes classifier trained on {@value #EXAMPLES}. Below the confidence
 * threshold the recognition is marked not confident, and the assistant asks instead of acting: a wrong guess that
 * opts a customer out of calls or files a complaint is worse than one more question.
 */
public final class IntentRecognizer {

    public static final String EXAMPLES = "assistant/intents.tsv";

    /** The recognised intent, the posterior probability, and the runners-up a clarifying question can offer. */
    public record Recognition(Intent intent, double confidence, boolean confident, List<Intent> runnersUp) {
    }

    private final TextAnalysis analysis;
    private final TextClassifier classifier;
    private final double threshold;

    public IntentRecognizer(TextAnalysis analysis, List<TextClassifier.Example> examples, double threshold) {
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("The confidence threshold is a probability between 0 and 1, not " + threshold);
        }
        this.analysis = analysis;
        this.classifier = new TextClassifier(analysis, examples.stream()
                .map(e -> new TextClassifier.Example(e.label(), withoutFunctionWords(e.text()))).toList());
        this.threshold = threshold;
        Set<String> missing = Arrays.stream(Intent.values()).map(Enum::name).collect(Collectors.toSet());
        missing.removeAll(classifier.labels());
        if (!missing.isEmpty()) {
            throw new IllegalStateException(EXAMPLES + " has no example for " + missing);
        }
    }

    /** The recogniser trained on the examples shipped with the application. */
    public static IntentRecognizer fromExamples(TextAnalysis analysis, double threshold) {
        Set<String> labels = Arrays.stream(Intent.values()).map(Enum::name).collect(Collectors.toSet());
        return new IntentRecognizer(analysis, LabelledTexts.read(EXAMPLES, labels), threshold);
    }

    public Recognition recognise(String text) {
        TextClassifier.Prediction p = classifier.classify(withoutFunctionWords(text == null ? "" : text));
        Intent intent = Intent.valueOf(p.label());
        List<Intent> runnersUp = p.probabilities().entrySet().stream().skip(1).limit(2)
                .map(Map.Entry::getKey).map(Intent::valueOf).filter(i -> i != Intent.UNKNOWN).toList();
        // a confident UNKNOWN is still "I cannot help with that": it never leads to an action
        return new Recognition(intent, p.confidence(), p.confidence() >= threshold, runnersUp);
    }

    /**
     * English function words carry no intent but, with a few hundred examples, tip naive Bayes towards whichever
     * intent's examples happen to use them most ("can I …", "… me"). Removed before training and before
     * classifying alike; negations ("not", "don't", "no") stay because they change meaning. Chinese is untouched:
     * its particles are single characters that smartcn and the bigrams already weigh lightly.
     */
    static String withoutFunctionWords(String text) {
        return FUNCTION_WORDS.matcher(text).replaceAll(" ");
    }

    private static final java.util.regex.Pattern FUNCTION_WORDS = java.util.regex.Pattern.compile(
            "(?i)(?<![\\p{L}'])(?:a|an|the|i|i'm|i'd|i've|i'll|me|my|you|your|you're|it|it's|is|are|was|be|do|does|did|"
                    + "to|of|for|on|in|at|and|or|so|can|could|would|will|shall|should|please|have|has|had|this|that|"
                    + "there|some|with|by|any|just|what|what's|which|how|when|where|why|"
                    + "we|us|our|they|them|their|he|she|him|her|its|all|get|got|about|from|now|right)(?![\\p{L}'])");

    /** Width-folded, Simplified, lower-case text: how "yes" and "確認" compare equal to the confirmation words. */
    public String normalise(String text) {
        return analysis.normalise(text);
    }

    public double threshold() {
        return threshold;
    }
}
