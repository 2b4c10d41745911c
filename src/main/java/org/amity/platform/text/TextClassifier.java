package org.amity.platform.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
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
    /** Labels in the order scores are computed and summed (that of a hash map keyed by label, as before). */
    private final String[] labels;
    private final int[] sumOrder;
    private final double[] logPriors;
    /** Feature → id; {@code logLikelihoods[label][id]} = log((count + 1) / (label's feature total + vocabulary)). */
    private final Map<String, Integer> featureIds;
    private final double[][] logLikelihoods;

    public TextClassifier(TextAnalysis analysis, Collection<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("A classifier needs at least one example");
        }
        this.analysis = analysis;
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        Map<String, Integer> documents = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Example example : examples) {
            documents.merge(example.label(), 1, Integer::sum);
            Map<String, Integer> labelCounts = counts.computeIfAbsent(example.label(), k -> new HashMap<>());
            for (String feature : analysis.features(example.text())) {
                labelCounts.merge(feature, 1, Integer::sum);
                totals.merge(example.label(), 1, Integer::sum);
                ids.putIfAbsent(feature, ids.size());
            }
        }
        int exampleCount = examples.size();
        this.labels = documents.keySet().toArray(String[]::new);
        this.logPriors = new double[labels.length];
        this.logLikelihoods = new double[labels.length][ids.size()];
        for (int l = 0; l < labels.length; l++) {
            logPriors[l] = Math.log(documents.get(labels[l]) / (double) exampleCount);
            Map<String, Integer> labelCounts = counts.get(labels[l]);
            double denominator = totals.getOrDefault(labels[l], 0) + ids.size();
            for (Map.Entry<String, Integer> feature : ids.entrySet()) {
                logLikelihoods[l][feature.getValue()] = Math.log((labelCounts.getOrDefault(feature.getKey(), 0) + 1) / denominator);
            }
        }
        this.featureIds = Map.copyOf(ids);
        // the softmax sums in the iteration order of a hash map filled with the labels in this order: keep it, so that
        // confidences stay the same to the last bit
        Map<String, Integer> position = new HashMap<>();
        for (int l = 0; l < labels.length; l++) {
            position.put(labels[l], l);
        }
        this.sumOrder = position.values().stream().mapToInt(Integer::intValue).toArray();
    }

    public Set<String> labels() {
        return Set.of(labels);
    }

    public Prediction classify(String text) {
        List<String> features = analysis.features(text);
        int[] known = new int[features.size()];
        int n = 0;
        for (String feature : features) {
            Integer id = featureIds.get(feature);
            if (id != null) {
                known[n++] = id;
            }
        }
        double[] logScores = new double[labels.length];
        for (int l = 0; l < labels.length; l++) {
            double score = logPriors[l];
            double[] likelihoods = logLikelihoods[l];
            for (int k = 0; k < n; k++) {
                score += likelihoods[known[k]];
            }
            logScores[l] = score;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int l : sumOrder) {
            max = Math.max(max, logScores[l]);
        }
        double top = max;
        double sum = Arrays.stream(sumOrder).mapToDouble(l -> Math.exp(logScores[l] - top)).sum();
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(labels.length);
        for (int l : sumOrder) {
            ranked.add(Map.entry(labels[l], Math.exp(logScores[l] - max) / sum));
        }
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> probabilities = new LinkedHashMap<>();
        ranked.forEach(e -> probabilities.put(e.getKey(), e.getValue()));
        if (n == 0) {
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
