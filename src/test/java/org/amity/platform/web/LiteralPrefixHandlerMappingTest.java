package org.amity.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

class LiteralPrefixHandlerMappingTest {

    private static final List<String> PATTERNS = List.of("/api/v1/loans/{id}/delinquency", "/api/v1/loans", "/portal/**",
            "/portal/{*rest}", "/files/{name}.pdf", "/api/v1/customers/{id:[0-9a-f-]+}", "/a?c/x", "/css/*.css", "/", "/{lang}/help",
            "/console/customers/{id}/preferences", "/api/v1/letters/");
    private static final List<String> PATHS = List.of("/api/v1/loans/0196f1c2-7c1b-7000-8000-000000000001/delinquency",
            "/api/v1/loans", "/api/v1/loans/", "/portal", "/portal/", "/portal/messages/1", "/files/report.pdf", "/files/a/b.pdf",
            "/api/v1/customers/0196f1c2", "/abc/x", "/aXc/x", "/css/amity.css", "/", "/en/help", "/console/customers/x/preferences",
            "/console/customers/x/preferencesX", "/api/v1/letters/", "/api/v1/letters", "/other");

    @Test
    void everyPathAPatternMatchesIsItsLiteralPrefixOrContinuesItWithASlash() {
        PathPatternParser parser = new PathPatternParser();
        int matched = 0;
        for (String p : PATTERNS) {
            PathPattern pattern = parser.parse(p);
            String prefix = LiteralPrefixHandlerMapping.literalPrefix(p);
            for (String path : PATHS) {
                if (pattern.matches(PathContainer.parsePath(path))) {
                    matched++;
                    // the lookup tries only the path itself and the path up to each of its '/' as prefixes
                    assertThat(path.equals(prefix) || path.startsWith(prefix + "/")).as("%s matches %s (prefix '%s')", path, p, prefix)
                            .isTrue();
                }
            }
        }
        assertThat(matched).as("the table exercises real matches").isGreaterThan(10);
    }

    @Test
    void thePrefixStopsAtTheLastSlashBeforeTheFirstVariableOrWildcard() {
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/loans/{id}/delinquency")).isEqualTo("/api/v1/loans");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/portal/**")).isEqualTo("/portal");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/files/{name}.pdf")).isEqualTo("/files");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/loans")).isEqualTo("/api/v1/loans");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/{lang}/help")).isEmpty();
    }
}
