package org.amity.messaging.plan.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.amity.contact.ContactDecisionService;
import org.amity.identity.CurrentUser;
import org.amity.identity.Role;
import org.amity.messaging.plan.DialerTasks;
import org.amity.platform.BusinessClock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The voice channel: the plan's calls for a date as JSON or CSV, claim (books the call with the contact engine at
 * dial time), outcome. The dialer (role SYSTEM) gets full numbers; agents and supervisors see them masked until
 * they claim a task.
 */
@RestController
@Tag(name = "Dialer")
class DialerApi {

    static final List<String> CSV_COLUMNS = List.of("task_id", "business_date", "status", "purpose", "level", "customer_id",
            "loan_id", "loan_number", "days_past_due", "amount_due", "currency", "phone", "language", "claimed_by", "outcome");

    private final DialerTasks tasks;
    private final BusinessClock clock;

    DialerApi(DialerTasks tasks, BusinessClock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/dialer/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('SYSTEM','AGENT','SUPERVISOR')")
    List<DialerTasks.Task> list(@RequestParam(required = false) LocalDate date, @RequestParam(required = false) DialerTasks.Status status) {
        return tasks.list(date(date), status, fullNumbers());
    }

    @GetMapping(value = {"/api/v1/dialer/tasks.csv", "/api/v1/dialer/tasks"}, produces = "text/csv")
    @PreAuthorize("hasAnyRole('SYSTEM','AGENT','SUPERVISOR')")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) LocalDate date, @RequestParam(required = false) DialerTasks.Status status) {
        LocalDate day = date(date);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (DialerTasks.Task t : tasks.list(day, status, fullNumbers())) {
                print(csv, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dialer-" + day + ".csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/api/v1/dialer/tasks/{id}/claim")
    @PreAuthorize("hasAnyRole('SYSTEM','AGENT','SUPERVISOR')")
    DialerTasks.Claim claim(@PathVariable UUID id, @RequestHeader(value = "Accept-Language", required = false) String language) {
        return tasks.claim(id, language == null ? null : language.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh-CN" : "en");
    }

    @PostMapping("/api/v1/dialer/tasks/{id}/outcome")
    @PreAuthorize("hasAnyRole('SYSTEM','AGENT','SUPERVISOR')")
    DialerTasks.Task outcome(@PathVariable UUID id, @RequestBody ContactDecisionService.OutcomeRequest request) {
        return tasks.recordOutcome(id, request);
    }

    static void print(CSVPrinter csv, DialerTasks.Task t) throws IOException {
        csv.printRecord(t.id(), t.businessDate(), t.status(), t.purpose(), t.level(), t.customerId(), t.loanId(),
                t.details().get("loanNumber"), t.details().get("daysPastDue"), t.details().get("amountDue"),
                t.details().get("currency"), t.destination(), t.language(), t.claimedBy(), t.outcome());
    }

    private LocalDate date(LocalDate requested) {
        return requested == null ? LocalDate.ofInstant(clock.instant(), clock.bankZone()) : requested;
    }

    /** Only the dialer needs every number in the list; a person sees the number of the task they claimed. */
    private static boolean fullNumbers() {
        return CurrentUser.get().map(u -> u.roles().contains(Role.SYSTEM)).orElse(false);
    }
}
