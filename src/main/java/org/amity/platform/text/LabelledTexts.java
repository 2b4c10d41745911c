package org.amity.platform.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads labelled examples kept as data: one per line, {@code LABEL<TAB>text}; blank lines and lines starting with
 * {@code #} are ignored. A malformed line or an unknown label fails with its line number, so a bad edit to the
 * examples stops the application instead of silently teaching it nonsense.
 */
public final class LabelledTexts {

    private LabelledTexts() {
    }

    public static List<TextClassifier.Example> read(String resource, Set<String> allowedLabels) {
        InputStream in = LabelledTexts.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Labelled examples not found on the classpath: " + resource);
        }
        List<TextClassifier.Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0 || tab == line.length() - 1) {
                    throw new IllegalStateException(resource + " line " + number + ": expected LABEL<TAB>text");
                }
                String label = line.substring(0, tab).strip();
                if (!allowedLabels.contains(label)) {
                    throw new IllegalStateException(resource + " line " + number + ": unknown label " + label
                            + " (allowed: " + allowedLabels + ")");
                }
                examples.add(new TextClassifier.Example(label, line.substring(tab + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }
}
