package org.amity.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Moves the business clock; exists only where {@code amity.clock.adjustable=true} (demo and test systems). */
@RestController
@RequestMapping("/api/v1/admin/clock")
@ConditionalOnProperty(name = "amity.clock.adjustable", havingValue = "true")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class ClockController {

    private final BusinessClock clock;
    private final AuditTrail audit;

    ClockController(BusinessClock clock, AuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
    }

    record MoveClock(Instant instant) {
    }

    record ClockView(Instant instant, LocalDate businessDate, String bankZone, boolean adjusted) {
    }

    @GetMapping
    ClockView current() {
        return view();
    }

    @PutMapping
    @Transactional
    ClockView move(@RequestBody MoveClock request) {
        if (request == null || request.instant() == null) {
            throw ApiProblem.badRequest("INSTANT_REQUIRED", "instant", "Give the instant to move the clock to, e.g. 2026-12-01T09:00:00+08:00");
        }
        Instant before = clock.instant();
        clock.moveTo(request.instant());
        audit.record("CLOCK_MOVED", "BusinessClock", "clock", Map.of("instant", before.toString()), Map.of("instant", request.instant().toString()));
        return view();
    }

    @DeleteMapping
    @Transactional
    ClockView reset() {
        Instant before = clock.instant();
        clock.reset();
        audit.record("CLOCK_RESET", "BusinessClock", "clock", Map.of("instant", before.toString()), Map.of("instant", clock.instant().toString()));
        return view();
    }

    private ClockView view() {
        Instant now = clock.instant();
        return new ClockView(now, LocalDate.ofInstant(now, clock.bankZone()), clock.bankZone().getId(), clock.isAdjusted());
    }
}
