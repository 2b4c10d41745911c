package org.amity.platform.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive-Bayes text classifier over {@link TextAnalysis#features}: small, explainable, trained in
 * milliseconds from labelled examples kept as data (complaint categories, assistant intents), and deterministic.
 * {@link Prediction#confidence()} is the posterior probability of the winning label, so callers can set a threshold
 * below which they ask rather than act.
 */
public final class TextClassifier {

    /** One labelled example. */
    public record Example(String label, String text) {
    }

    /** The best label, its posterior probability, and every label's probability (highest first). */
    public record Prediction(String label, double confidence, Map<String, Double> probabilities) {
    }

    private final TextAnalysis analysis;
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final Map<String, Integer> totals = new HashMap<>();
    private final Map<String, Integer> documents = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final int exampleCount;

    public TextClassifier(TextAnalysis analysis, Collection<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("A classifier needs at least one example");
        }
        this.analysis = analysis;
        for (Example example : examples) {
            documents.merge(example.label(), 1, Integer::sum);
            Map<String, Integer> labelCounts = counts.computeIfAbsent(example.label(), k -> new HashMap<>());
            for (String feature : analysis.features(example.text())) {
                labelCounts.merge(feature, 1, Integer::sum);
                totals.merge(example.label(), 1, Integer::sum);
                vocabulary.add(feature);
            }
        }
        this.exampleCount = examples.size();
    }

    public Set<String> labels() {
        return documents.keySet();
    }

    public Prediction classify(String text) {
        List<String> features = analysis.features(text).stream().filter(vocabulary::contains).toList();
        Map<String, Double> logScores = new HashMap<>();
        for (String label : documents.keySet()) {
            double score = Math.log(documents.get(label) / (double) exampleCount);
            Map<String, Integer> labelCounts = counts.get(label);
            double denominator = totals.getOrDefault(label, 0) + vocabulary.size();
            for (String feature : features) {
                score += Math.log((labelCounts.getOrDefault(feature, 0) + 1) / denominator);
            }
            logScores.put(label, score);
        }
        double max = logScores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = logScores.values().stream().mapToDouble(s -> Math.exp(s - max)).sum();
        List<Map.Entry<String, Double>> ranked = new ArrayList<>();
        logScores.forEach((label, s) -> ranked.add(Map.entry(label, Math.exp(s - max) / sum)));
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> probabilities = new LinkedHashMap<>();
        ranked.forEach(e -> probabilities.put(e.getKey(), e.getValue()));
        if (features.isEmpty()) {
            // nothing recognisable: the prior alone is not evidence, so no label is confident
            return new Prediction(ranked.get(0).getKey(), 0.0, probabilities);
        }
        return new Prediction(ranked.get(0).getKey(), ranked.get(0).getValue(), probabilities);
    }

    /** Share of examples whose label the classifier predicts (top-1 accuracy). */
    public double accuracy(Collection<Example> labelled) {
        long right = labelled.stream().filter(e -> classify(e.text()).label().equals(e.label())).count();
        return labelled.isEmpty() ? 0 : right / (double) labelled.size();
    }

    /** Labels ranked by how often the classifier confuses them, for an evaluation report. */
    public List<String> confusions(Collection<Example> labelled) {
        Map<String, Integer> confused = new HashMap<>();
        for (Example e : labelled) {
            String predicted = classify(e.text()).label();
            if (!predicted.equals(e.label())) {
                confused.merge(e.label() + " → " + predicted, 1, Integer::sum);
            }
        }
        return confused.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(e -> e.getKey() + " ×" + e.getValue()).toList();
    }
}
