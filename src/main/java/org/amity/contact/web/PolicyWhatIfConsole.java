package org.amity.contact.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.amity.contact.PolicyWhatIf;
import org.amity.platform.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Console page for the policy what-if: upload attempts, optionally paste a draft, read what would be blocked. */
@Controller
class PolicyWhatIfConsole {

    private final PolicyWhatIf whatIf;

    PolicyWhatIfConsole(PolicyWhatIf whatIf) {
        this.whatIf = whatIf;
    }

    @GetMapping("/console/contact-policies/what-if")
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN','SUPERVISOR')")
    String form(Model model) {
        model.addAttribute("columns", String.join(",", PolicyWhatIf.COLUMNS));
        return "contact/what-if";
    }

    @PostMapping("/console/contact-policies/what-if")
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN','SUPERVISOR')")
    String run(@RequestParam("attempts") MultipartFile attempts, @RequestParam(name = "policy", required = false) String policy,
               Model model) throws IOException {
        model.addAttribute("columns", String.join(",", PolicyWhatIf.COLUMNS));
        model.addAttribute("policy", policy);
        if (attempts.isEmpty()) {
            model.addAttribute("error", "Choose a CSV file of attempts.");
            return "contact/what-if";
        }
        try (Reader reader = new InputStreamReader(attempts.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("result", whatIf.run(reader, policy));
        } catch (ApiProblem e) {
            model.addAttribute("error", (e.field() == null ? "" : e.field() + ": ") + e.getMessage());
        }
        return "contact/what-if";
    }
}
