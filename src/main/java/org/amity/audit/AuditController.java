package org.amity.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
@Tag(name = "Audit")
class AuditController {

    private final AuditQueries audit;

    AuditController(AuditQueries audit) {
        this.audit = audit;
    }

    @GetMapping("/verify")
    AuditQueries.ChainVerification verify() {
        return audit.verify();
    }

    @GetMapping("/events")
    List<AuditRow> events(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                          @RequestParam(required = false) String actor, @RequestParam(defaultValue = "100") int limit) {
        return audit.recent(entityType, entityId, actor, Math.min(Math.max(limit, 1), 1000));
    }
}
