package org.amity.audit.web;

import org.amity.audit.AuditQueries;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail in the console: recent events, filtered, and a check of the hash chain. */
@Controller
class AuditConsoleController {

    private static final String AUDITORS = "hasAnyRole('COMPLIANCE','ADMIN')";

    private final AuditQueries audit;

    AuditConsoleController(AuditQueries audit) {
        this.audit = audit;
    }

    @GetMapping("/console/audit")
    @PreAuthorize(AUDITORS)
    String events(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                  @RequestParam(required = false) String actor, @RequestParam(defaultValue = "100") int limit,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                  Model model) {
        int bounded = Math.min(Math.max(limit, 1), 1000);
        model.addAttribute("entityType", entityType);
        model.addAttribute("entityId", entityId);
        model.addAttribute("actor", actor);
        model.addAttribute("limit", bounded);
        model.addAttribute("events", audit.recent(entityType, entityId, actor, bounded));
        return fragment(htmx, historyRestore) ? "audit/console :: events" : "audit/console";
    }

    /** Read-only, so a GET: htmx puts the result under the button; without JavaScript the whole page shows it. */
    @GetMapping("/console/audit/verify")
    @PreAuthorize(AUDITORS)
    String verify(@RequestHeader(name = "HX-Request", required = false) String htmx,
                  @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                  Model model) {
        model.addAttribute("verification", audit.verify());
        if (fragment(htmx, historyRestore)) {
            return "audit/console :: verification";
        }
        model.addAttribute("limit", 100);
        model.addAttribute("events", audit.recent(null, null, null, 100));
        return "audit/console";
    }

    private static boolean fragment(String htmx, String historyRestore) {
        return "true".equals(htmx) && !"true".equals(historyRestore);
    }
}
