package org.amity.messaging.plan.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.amity.messaging.plan.CadenceStore;
import org.amity.messaging.plan.ContactPlan;
import org.amity.messaging.plan.DialerTasks;
import org.amity.messaging.plan.PlanSentences;
import org.amity.platform.ApiProblem;
import org.amity.platform.BusinessClock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's contact plan: start today's run, watch its progress (the page asks the server, so a reload or
 * another supervisor sees the same run), read each run's report; read the cadence (and, for compliance, change it);
 * the day's dialer list.
 */
@Controller
class ContactPlanConsole {

    private final ContactPlan plan;
    private final PlanSentences sentences;
    private final CadenceStore cadences;
    private final DialerTasks dialer;
    private final BusinessClock clock;

    ContactPlanConsole(ContactPlan plan, PlanSentences sentences, CadenceStore cadences, DialerTasks dialer, BusinessClock clock) {
        this.plan = plan;
        this.sentences = sentences;
        this.cadences = cadences;
        this.dialer = dialer;
        this.clock = clock;
    }

    @GetMapping("/console/contact-plan")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','COMPLIANCE')")
    String page(@RequestParam(required = false) UUID run, Model model, Locale locale) {
        var runs = plan.history(30);
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), clock.bankZone()));
        model.addAttribute("runs", runs);
        ContactPlan.RunView selected = run != null ? plan.find(run).orElse(null) : runs.isEmpty() ? null : runs.get(0);
        model.addAttribute("selected", selected);
        model.addAttribute("sentences", selected == null ? java.util.List.of() : sentences.of(selected.report(), locale));
        CadenceStore.CadenceVersion current = cadences.current();
        model.addAttribute("cadenceVersion", current);
        model.addAttribute("cadence", current.cadence());
        model.addAttribute("cadenceHistory", cadences.history());
        return "messaging/plan/console";
    }

    @PostMapping("/console/contact-plan/runs")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String start(@RequestParam(required = false) String businessDate, RedirectAttributes redirect) {
        try {
            LocalDate date = businessDate == null || businessDate.isBlank() ? null : LocalDate.parse(businessDate);
            ContactPlan.RunView run = plan.start(date);
            return "redirect:/console/contact-plan?run=" + run.id();
        } catch (ApiProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "'" + businessDate + "' is not a date such as 2026-11-23");
        }
        return "redirect:/console/contact-plan";
    }

    /** The run's status block; htmx asks for it every second while the run is running. */
    @GetMapping("/console/contact-plan/runs/{id}/status")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','COMPLIANCE')")
    String status(@PathVariable UUID id, Model model, Locale locale) {
        ContactPlan.RunView run = plan.find(id).orElseThrow(() -> ApiProblem.notFound("PLAN_RUN_NOT_FOUND", "No contact plan run " + id));
        model.addAttribute("selected", run);
        model.addAttribute("sentences", sentences.of(run.report(), locale));
        return "messaging/plan/console :: run";
    }

    @PostMapping("/console/contact-plan/cadence")
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
    String newCadence(@RequestParam String yaml, @RequestParam(required = false) String effectiveFrom,
                      @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            Instant from = effectiveFrom == null || effectiveFrom.isBlank() ? null : Instant.parse(effectiveFrom.trim());
            CadenceStore.CadenceVersion saved = cadences.add(new CadenceStore.NewCadence(yaml, from, comment));
            redirect.addFlashAttribute("saved", saved.version());
        } catch (ApiProblem e) {
            redirect.addFlashAttribute("cadenceError", e.getMessage());
            redirect.addFlashAttribute("draft", yaml);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("cadenceError", "effectiveFrom: '" + effectiveFrom + "' is not an instant such as 2026-12-01T00:00:00Z");
            redirect.addFlashAttribute("draft", yaml);
        }
        return "redirect:/console/contact-plan#cadence";
    }

    @GetMapping("/console/contact-plan/dialer")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','AGENT')")
    String dialerList(@RequestParam(required = false) LocalDate date, Model model) {
        LocalDate day = date == null ? LocalDate.ofInstant(clock.instant(), clock.bankZone()) : date;
        model.addAttribute("date", day);
        model.addAttribute("tasks", dialer.list(day, null, false));
        return "messaging/plan/dialer";
    }

    @GetMapping("/console/contact-plan/dialer.csv")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','AGENT')")
    ResponseEntity<byte[]> dialerCsv(@RequestParam(required = false) LocalDate date) {
        LocalDate day = date == null ? LocalDate.ofInstant(clock.instant(), clock.bankZone()) : date;
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(DialerApi.CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (DialerTasks.Task t : dialer.list(day, null, false)) {
                DialerApi.print(csv, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dialer-" + day + ".csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
