package org.amity.assistant.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPreferenceService;
import org.amity.contact.ContactPreferences;
import org.amity.contact.ContactPurpose;
import org.amity.contact.Weekday;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The preference centre, for the customer in the portal and for an agent on the phone in the console: which channels
 * may be used for which purpose, marketing opt-ins, preferred channel, preferred and inconvenient times, language.
 * Saved through {@link ContactPreferenceService} (audited), so the very next contact decision already follows it.
 */
@Controller
class PreferenceCentreController {

    /** The purposes a customer can opt out of per channel; marketing is opt-in only, visits are consented per visit. */
    static final List<ContactPurpose> PURPOSES = List.of(ContactPurpose.COLLECTION, ContactPurpose.REPAYMENT_REMINDER,
            ContactPurpose.APPLICATION_PROGRESS, ContactPurpose.SERVICE, ContactPurpose.COMPLAINT_FOLLOW_UP, ContactPurpose.NEGOTIATION);
    static final List<ContactChannel> CHANNELS = List.of(ContactChannel.VOICE, ContactChannel.SMS, ContactChannel.EMAIL,
            ContactChannel.PUSH, ContactChannel.LETTER);
    static final int INCONVENIENT_ROWS = 3;
    static final int PREFERRED_ROWS = 2;

    private final ContactPreferenceService preferences;
    private final CustomerService customers;

    PreferenceCentreController(ContactPreferenceService preferences, CustomerService customers) {
        this.preferences = preferences;
        this.customers = customers;
    }

    @GetMapping("/portal/preferences")
    @PreAuthorize("hasRole('CUSTOMER')")
    String portal(Model model) {
        return show(ownCustomerId(), "/portal/preferences", "/portal", model);
    }

    @PostMapping("/portal/preferences")
    @PreAuthorize("hasRole('CUSTOMER')")
    String savePortal(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return save(ownCustomerId(), form, redirect, "/portal/preferences");
    }

    @GetMapping("/console/customers/{id}/preferences")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    String console(@PathVariable UUID id, Model model) {
        return show(id, "/console/customers/" + id + "/preferences", "/console/customers/" + id, model);
    }

    @PostMapping("/console/customers/{id}/preferences")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT')")
    String saveConsole(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return save(id, form, redirect, "/console/customers/" + id + "/preferences");
    }

    private String show(UUID customerId, String action, String back, Model model) {
        CustomerView customer = customers.find(customerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ContactPreferences p = preferences.of(customer);
        Set<String> optedOut = new HashSet<>();
        p.optOuts().forEach(o -> optedOut.add(o.purpose() + "_" + o.channel()));
        model.addAttribute("customer", customer);
        model.addAttribute("prefs", p);
        model.addAttribute("optedOut", optedOut);
        model.addAttribute("purposes", PURPOSES);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("days", Weekday.values());
        model.addAttribute("inconvenient", padded(p.inconvenientTimes().stream()
                .map(t -> new Row(t.days(), t.from(), t.to())).toList(), INCONVENIENT_ROWS));
        model.addAttribute("preferred", padded(p.preferredTimes() == null ? List.of() : p.preferredTimes().stream()
                .map(t -> new Row(t.days(), t.from(), t.to())).toList(), PREFERRED_ROWS));
        model.addAttribute("action", action);
        model.addAttribute("back", back);
        model.addAttribute("console", action.startsWith("/console"));
        return "assistant/preferences";
    }

    /** One editable row of times; empty rows let the customer add a period. */
    public record Row(List<Weekday> days, LocalTime from, LocalTime to) {
        public boolean has(Weekday day) {
            return days.contains(day);
        }
    }

    private static List<Row> padded(List<Row> rows, int size) {
        List<Row> out = new ArrayList<>(rows);
        while (out.size() < Math.max(size, rows.size() + 1)) {
            out.add(new Row(List.of(), null, null));
        }
        return out;
    }

    private String save(UUID customerId, MultiValueMap<String, String> form, RedirectAttributes redirect, String page) {
        try {
            ContactPreferences current = preferences.of(customerId);
            List<ContactPreferences.OptOut> optOuts = new ArrayList<>();
            // opt-outs the form does not show (e.g. visits, marketing) are kept as they are
            current.optOuts().stream().filter(o -> !PURPOSES.contains(o.purpose()) || !CHANNELS.contains(o.channel())).forEach(optOuts::add);
            for (ContactPurpose purpose : PURPOSES) {
                for (ContactChannel channel : CHANNELS) {
                    if (form.getFirst("allow_" + purpose + "_" + channel) == null) {
                        optOuts.add(new ContactPreferences.OptOut(channel, purpose));
                    }
                }
            }
            Set<ContactChannel> marketing = EnumSet.noneOf(ContactChannel.class);
            CHANNELS.stream().filter(c -> form.getFirst("marketing_" + c) != null).forEach(marketing::add);
            String preferred = form.getFirst("preferredChannel");
            ContactChannel preferredChannel = preferred == null || preferred.isBlank() ? null : ContactChannel.valueOf(preferred);
            List<ContactPreferences.InconvenientTime> inconvenient = new ArrayList<>();
            for (Row r : rows(form, "inc", 10)) {
                inconvenient.add(new ContactPreferences.InconvenientTime(r.days(), r.from(), r.to()));
            }
            List<ContactPreferences.PreferredTime> preferredTimes = new ArrayList<>();
            for (Row r : rows(form, "pref", 10)) {
                preferredTimes.add(new ContactPreferences.PreferredTime(r.days(), r.from(), r.to()));
            }
            String language = form.getFirst("language");
            preferences.replace(customerId, new ContactPreferences(optOuts, marketing, preferredChannel, inconvenient,
                    language == null || language.isBlank() ? null : language, preferredTimes));
            redirect.addFlashAttribute("saved", true);
        } catch (ApiProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Unknown channel: " + form.getFirst("preferredChannel"));
        }
        return "redirect:" + page;
    }

    /** Rows {@code <prefix>_days_<i>}, {@code _from_<i>}, {@code _to_<i>}; a row without days or times is left out. */
    private static List<Row> rows(MultiValueMap<String, String> form, String prefix, int max) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            List<String> days = form.getOrDefault(prefix + "_days_" + i, List.of());
            String from = form.getFirst(prefix + "_from_" + i);
            String to = form.getFirst(prefix + "_to_" + i);
            boolean blank = days.isEmpty() && (from == null || from.isBlank()) && (to == null || to.isBlank());
            if (blank) {
                continue;
            }
            String field = (prefix.equals("inc") ? "inconvenientTimes[" : "preferredTimes[") + rows.size() + "]";
            if (days.isEmpty()) {
                throw ApiProblem.badRequest("FIELD_REQUIRED", field + ".days", "Tick at least one day for each period");
            }
            rows.add(new Row(days.stream().map(Weekday::valueOf).toList(), time(from, field), time(to, field)));
        }
        return rows;
    }

    private static LocalTime time(String value, String field) {
        try {
            return value == null || value.isBlank() ? null : LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_TIME_RANGE", field, "'" + value + "' is not a time, e.g. 18:30");
        }
    }

    private static UUID ownCustomerId() {
        return CurrentUser.get().filter(AmityUser::isCustomer).map(AmityUser::customerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
