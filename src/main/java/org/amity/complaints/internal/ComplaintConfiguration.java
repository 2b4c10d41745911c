package org.amity.complaints.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.amity.complaints.domain.ComplaintPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The complaint policy: the bundled {@code complaints/policy.yaml}, or a bank's own file at
 * {@code amity.complaints.policy-file}. A malformed policy stops the application with the path of the error.
 */
@Configuration
class ComplaintConfiguration {

    @Bean
    ComplaintPolicy complaintPolicy(@Value("${amity.complaints.policy-file:}") String file) throws IOException {
        String yaml = file.isBlank()
                ? new ClassPathResource("complaints/policy.yaml").getContentAsString(StandardCharsets.UTF_8)
                : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        return ComplaintPolicy.parse(yaml);
    }
}
