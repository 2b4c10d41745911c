package org.amity.complaints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.amity.complaints.domain.ComplaintPolicy;
import org.amity.complaints.domain.TriageRules;
import org.amity.platform.text.LabelledTexts;
import org.amity.platform.text.TextAnalysis;
import org.amity.platform.text.TextClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Automatic category (naive Bayes over smartcn words and Han bigrams, Traditional folded to Simplified), then
 * severity and complexity by the policy's transparent rules. Trained on {@code complaints/triage-examples.tsv}
 * plus every agent correction stored so far; retrained on start and on {@link #refresh()}.
 */
@Service
public class ComplaintTriage implements org.springframework.beans.factory.SmartInitializingSingleton {

    public static final String EXAMPLES = "complaints/triage-examples.tsv";
    private static final Logger log = LoggerFactory.getLogger(ComplaintTriage.class);
    private static final Set<String> LABELS = Arrays.stream(ComplaintCategory.values()).map(Enum::name).collect(Collectors.toSet());

    public record Result(ComplaintCategory category, double confidence, boolean needsConfirmation, Severity severity,
                         Complexity complexity, List<String> reasons, Map<String, Double> probabilities) {
    }

    private final TextAnalysis analysis = new TextAnalysis();
    private final JdbcClient jdbc;
    private final ComplaintPolicy policy;
    private final TriageRules rules;
    private final AtomicReference<TextClassifier> classifier = new AtomicReference<>();
    private volatile int trainedOn;

    ComplaintTriage(JdbcClient jdbc, ComplaintPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.rules = new TriageRules(policy.triage());
    }

    @Override
    public void afterSingletonsInstantiated() {
        refresh();
    }

    /** Retrains from the bundled examples and the stored corrections; returns how many examples were used. */
    public int refresh() {
        List<TextClassifier.Example> examples = new ArrayList<>(LabelledTexts.read(EXAMPLES, LABELS));
        examples.addAll(jdbc.sql("SELECT to_category, text FROM complaint_triage_correction ORDER BY corrected_at")
                .query((rs, n) -> new TextClassifier.Example(rs.getString(1), rs.getString(2))).list());
        classifier.set(new TextClassifier(analysis, examples));
        trainedOn = examples.size();
        log.info("Complaint triage trained on {} examples", examples.size());
        return examples.size();
    }

    public int trainedOn() {
        return trainedOn;
    }

    public Result triage(String text, ComplaintChannel channel) {
        if (classifier.get() == null) {
            refresh();
        }
        TextClassifier.Prediction p = classifier.get().classify(text);
        ComplaintCategory category = ComplaintCategory.valueOf(p.label());
        return assess(text, category, p.confidence(), channel, p.probabilities());
    }

    /** Severity and complexity for a category an agent chose (after a correction). */
    public Result assess(String text, ComplaintCategory category, double confidence, ComplaintChannel channel,
                         Map<String, Double> probabilities) {
        TriageRules.Assessment a = rules.assess(category, confidence, analysis.normalise(text), channel);
        return new Result(category, confidence, confidence < policy.triage().confirmBelow(), a.severity(), a.complexity(),
                a.reasons(), probabilities);
    }

    public boolean contactRelated(ComplaintCategory category) {
        return policy.triage().contactRelated().contains(category);
    }
}
