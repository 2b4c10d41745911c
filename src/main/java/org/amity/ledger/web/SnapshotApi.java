package org.amity.ledger.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.amity.ledger.DelinquencySnapshots;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/delinquency-snapshots")
@Tag(name = "Loans")
class SnapshotApi {

    private final DelinquencySnapshots snapshots;
    private final BusinessClock clock;

    SnapshotApi(DelinquencySnapshots snapshots, BusinessClock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    record TakeSnapshot(Instant asOf) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','SYSTEM')")
    DelinquencySnapshots.Summary take(@RequestBody(required = false) TakeSnapshot request) {
        Instant asOf = request == null || request.asOf() == null ? clock.instant() : request.asOf();
        if (asOf.isAfter(clock.instant())) {
            throw ApiProblem.badRequest("AS_OF_IN_FUTURE", "asOf", "A snapshot describes the present or the past");
        }
        return snapshots.take(asOf);
    }

    @GetMapping("/{businessDate}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','COMPLIANCE','SYSTEM')")
    DelinquencySnapshots.Summary get(@PathVariable LocalDate businessDate) {
        return snapshots.summary(businessDate)
                .orElseThrow(() -> ApiProblem.notFound("SNAPSHOT_NOT_FOUND", "No snapshot for " + businessDate));
    }
}
