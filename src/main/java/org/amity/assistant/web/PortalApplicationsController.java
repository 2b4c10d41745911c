package org.amity.assistant.web;

import java.io.IOException;
import java.util.UUID;
import org.amity.assistant.PortalUploads;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.ledger.LoanApplicationService;
import org.amity.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Loan-application progress for the customer: the timeline, the checklist and the upload of a missing document. This
 * is the page the "your status is in self-service" notice links to instead of a progress call.
 */
@Controller
class PortalApplicationsController {

    private final LoanApplicationService applications;
    private final PortalUploads uploads;

    PortalApplicationsController(LoanApplicationService applications, PortalUploads uploads) {
        this.applications = applications;
        this.uploads = uploads;
    }

    @GetMapping("/portal/applications")
    @PreAuthorize("hasRole('CUSTOMER')")
    String list(Model model) {
        model.addAttribute("applications", applications.applicationsOf(customerId()));
        return "portal/applications";
    }

    @PostMapping("/portal/applications/{id}/documents")
    @PreAuthorize("hasRole('CUSTOMER')")
    String upload(@PathVariable UUID id, @RequestParam(required = false) String type,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        UUID customerId = customerId();
        try {
            uploads.upload(customerId, id, type, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            redirect.addFlashAttribute("uploaded", type);
        } catch (ApiProblem e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("uploadError", e.getMessage());
        }
        redirect.addFlashAttribute("uploadApplication", id);
        return "redirect:/portal/applications";
    }

    private static UUID customerId() {
        return CurrentUser.get().filter(AmityUser::isCustomer).map(AmityUser::customerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
