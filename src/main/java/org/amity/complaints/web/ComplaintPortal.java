package org.amity.complaints.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.UUID;
import org.amity.complaints.ComplaintChannel;
import org.amity.complaints.ComplaintEvidence;
import org.amity.complaints.ComplaintService;
import org.amity.complaints.ComplaintView;
import org.amity.complaints.HomeVisits;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.ledger.LoanService;
import org.amity.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * The customer's complaints in the portal: file one (with evidence), follow it, answer visit proposals (consent,
 * other times, or refuse and choose an alternative), accept or reject a proposed resolution, and rate the handling.
 * The customer comes from the login only; another customer's case is a 404.
 */
@Controller
class ComplaintPortal {

    private final ComplaintService complaints;
    private final ComplaintEvidence evidence;
    private final HomeVisits visits;
    private final CustomerService customers;
    private final LoanService loans;

    ComplaintPortal(ComplaintService complaints, ComplaintEvidence evidence, HomeVisits visits, CustomerService customers, LoanService loans) {
        this.complaints = complaints;
        this.evidence = evidence;
        this.visits = visits;
        this.customers = customers;
        this.loans = loans;
    }

    private static UUID me() {
        return CurrentUser.get().map(AmityUser::customerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    @GetMapping("/portal/complaints")
    @PreAuthorize("hasRole('CUSTOMER')")
    String list(Model model) {
        UUID customerId = me();
        model.addAttribute("complaints", complaints.ofCustomer(customerId));
        model.addAttribute("loans", loans.loansOf(customerId));
        return "complaints/portal-list";
    }

    @PostMapping("/portal/complaints")
    @PreAuthorize("hasRole('CUSTOMER')")
    String file(@RequestParam(required = false) UUID loanId, @RequestParam(required = false) String description,
                @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        ComplaintView opened;
        try {
            opened = complaints.open(new ComplaintService.NewComplaint(me(), loanId, ComplaintChannel.PORTAL, description, null, null), null);
        } catch (ApiProblem e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("draft", description);
            return "redirect:/portal/complaints";
        }
        flash.addFlashAttribute("notice", "FILED");
        // the complaint is kept even when the attached file is refused: the customer sees why and can try another
        if (file != null && !file.isEmpty()) {
            try {
                evidence.attach(opened.id(), null, file.getOriginalFilename(), file.getBytes());
            } catch (ApiProblem e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:/portal/complaints/" + opened.id();
    }

    @GetMapping("/portal/complaints/{id}")
    @PreAuthorize("hasRole('CUSTOMER')")
    String detail(@PathVariable UUID id, Model model) {
        ComplaintView c = complaints.get(id);
        CustomerView customer = customers.find(c.customerId()).orElseThrow();
        model.addAttribute("c", c);
        model.addAttribute("loan", c.loanId() == null ? null : loans.find(c.loanId()).orElse(null));
        model.addAttribute("files", evidence.files(id));
        model.addAttribute("visits", visits.visits(id));
        model.addAttribute("resolution", complaints.currentResolution(id).orElse(null));
        model.addAttribute("alternatives", complaints.policy().visits().alternatives());
        model.addAttribute("zone", ZoneId.of(customer.address().timeZone()));
        model.addAttribute("timeline", complaints.timeline(id).stream()
                .filter(e -> java.util.Set.of("RECEIVED", "ACKNOWLEDGED", "DEADLINE_EXTENDED", "VISIT_PROPOSED", "VISIT_CONSENTED",
                        "VISIT_REFUSED", "VISIT_RESCHEDULE_REQUESTED", "VISIT_RECORDED", "RESOLUTION_PROPOSED", "RESOLUTION_APPROVED",
                        "RESOLUTION_ACCEPTED", "RESOLUTION_REJECTED", "RE_REVIEW_STARTED", "MEDIATION_REFERRED", "REGULATOR_ESCALATED",
                        "CLOSED", "SURVEY_ANSWERED", "FILE_ATTACHED").contains(e.type())).toList());
        return "complaints/portal-case";
    }

    private String act(UUID id, RedirectAttributes flash, String done, Runnable action) {
        return FlashAction.run(flash, done, action, "/portal/complaints/" + id);
    }

    @PostMapping("/portal/complaints/{id}/files")
    @PreAuthorize("hasRole('CUSTOMER')")
    String upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        complaints.get(id);
        byte[] bytes = file.getBytes();
        return act(id, flash, "FILE_ATTACHED", () -> evidence.attach(id, null, file.getOriginalFilename(), bytes));
    }

    @GetMapping("/portal/complaints/{id}/files/{fileId}")
    @PreAuthorize("hasRole('CUSTOMER')")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID fileId) {
        return ComplaintConsole.download(evidence, complaints, id, fileId);
    }

    @PostMapping("/portal/complaints/{id}/visits/answer")
    @PreAuthorize("hasRole('CUSTOMER')")
    String answerVisit(@PathVariable UUID id, @RequestParam(required = false) UUID visitId, @RequestParam HomeVisits.Answer answer,
                       @RequestParam(required = false) String alternative, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(id, flash, "VISIT_" + answer, () -> visits.answer(id, visitId, answer, alternative, note));
    }

    @PostMapping("/portal/complaints/{id}/resolution/answer")
    @PreAuthorize("hasRole('CUSTOMER')")
    String answer(@PathVariable UUID id, @RequestParam boolean accept, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(id, flash, accept ? "RESOLUTION_ACCEPTED" : "RESOLUTION_REJECTED", () -> complaints.answerResolution(id, accept, reason));
    }

    @PostMapping("/portal/complaints/{id}/survey")
    @PreAuthorize("hasRole('CUSTOMER')")
    String survey(@PathVariable UUID id, @RequestParam(required = false) Integer rating, @RequestParam(required = false) String comment,
                  RedirectAttributes flash) {
        return act(id, flash, "SURVEY_ANSWERED", () -> complaints.survey(id, rating, comment));
    }
}
