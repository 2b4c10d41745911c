package org.amity.ledger.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.amity.ledger.ImportJobView;
import org.amity.ledger.ImportKind;
import org.amity.ledger.LedgerImports;
import org.amity.platform.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Console page to upload an import file and watch it run (the job page polls its status every second). */
@Controller
@RequestMapping("/console/imports")
@PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
class ImportConsole {

    private final LedgerImports imports;

    ImportConsole(LedgerImports imports) {
        this.imports = imports;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("jobs", imports.recentJobs(20));
        return "ledger/imports";
    }

    @PostMapping
    String upload(@RequestParam ImportKind kind, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("errorKey", "import.noFile");
            return page(model);
        }
        try (InputStream in = file.getInputStream()) {
            ImportJobView job = imports.start(kind, in, file.getOriginalFilename());
            return "redirect:/console/imports/" + job.id();
        }
    }

    @GetMapping("/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", find(id));
        return "ledger/import-job";
    }

    /** The part of the job page that htmx replaces every second while the job runs. */
    @GetMapping("/{id}/status")
    String status(@PathVariable UUID id, Model model) {
        model.addAttribute("job", find(id));
        return "ledger/import-job :: status";
    }

    private ImportJobView find(UUID id) {
        return imports.job(id).orElseThrow(() -> ApiProblem.notFound("IMPORT_NOT_FOUND", "No import job " + id));
    }
}
