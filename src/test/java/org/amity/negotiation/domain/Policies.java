package org.amity.negotiation.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bundled policy documents, read as the application seeds them. */
final class Policies {

    private Policies() {
    }

    static ArrangementPolicy bundled(String product) {
        return ArrangementPolicyYaml.parse(text(product));
    }

    static String text(String product) {
        try (InputStream in = Policies.class.getClassLoader().getResourceAsStream("negotiation/policies/" + product + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
