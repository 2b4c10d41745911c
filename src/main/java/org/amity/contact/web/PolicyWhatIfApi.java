package org.amity.contact.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.amity.contact.PolicyWhatIf;
import org.amity.platform.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** How many of these attempts would a policy (current or draft) have blocked, and why — before switching it on. */
@RestController
@Tag(name = "Contact policy")
class PolicyWhatIfApi {

    private final PolicyWhatIf whatIf;

    PolicyWhatIfApi(PolicyWhatIf whatIf) {
        this.whatIf = whatIf;
    }

    @PostMapping(path = "/api/v1/contact-policies/what-if", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN','SUPERVISOR')")
    PolicyWhatIf.Result upload(@RequestPart("attempts") MultipartFile attempts,
                               @RequestPart(name = "policy", required = false) String policy) throws IOException {
        try (Reader reader = new InputStreamReader(attempts.getInputStream(), StandardCharsets.UTF_8)) {
            return whatIf.run(reader, policy);
        }
    }

    @PostMapping(path = "/api/v1/contact-policies/what-if", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN','SUPERVISOR')")
    PolicyWhatIf.Result csv(@RequestBody String attempts, @RequestParam(required = false) String policy) {
        if (attempts == null || attempts.isBlank()) {
            throw ApiProblem.badRequest("FILE_REQUIRED", "attempts", "Send the attempts as CSV");
        }
        return whatIf.run(new StringReader(attempts), policy);
    }
}
