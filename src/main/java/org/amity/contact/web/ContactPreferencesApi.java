package org.amity.contact.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.amity.contact.ContactHold;
import org.amity.contact.ContactHoldService;
import org.amity.contact.ContactPreferenceService;
import org.amity.contact.ContactPreferences;
import org.amity.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}")
@Tag(name = "Contact preferences and holds")
class ContactPreferencesApi {

    private final ContactPreferenceService preferences;
    private final ContactHoldService holds;

    ContactPreferencesApi(ContactPreferenceService preferences, ContactHoldService holds) {
        this.preferences = preferences;
        this.holds = holds;
    }

    @GetMapping("/contact-preferences")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','SYSTEM','CUSTOMER')")
    ContactPreferences get(@PathVariable UUID customerId) {
        CurrentUser.requireAccessTo(customerId);
        return preferences.of(customerId);
    }

    /** The customer (portal) or an agent on their behalf; effective for the next decision. */
    @PutMapping("/contact-preferences")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','SYSTEM','CUSTOMER')")
    ContactPreferences put(@PathVariable UUID customerId, @RequestBody ContactPreferences request) {
        CurrentUser.requireAccessTo(customerId);
        return preferences.replace(customerId, request);
    }

    @PostMapping("/contact-holds")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','SYSTEM')")
    ResponseEntity<ContactHold> place(@PathVariable UUID customerId, @RequestBody ContactHoldService.NewHold request) {
        ContactHold hold = holds.place(customerId, request);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/contact-holds/" + hold.id())).body(hold);
    }

    @GetMapping("/contact-holds")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','AGENT','COMPLIANCE','SYSTEM')")
    List<ContactHold> list(@PathVariable UUID customerId) {
        return holds.holdsOf(customerId);
    }

    @DeleteMapping("/contact-holds/{holdId}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','COMPLIANCE','SYSTEM')")
    ContactHold lift(@PathVariable UUID customerId, @PathVariable UUID holdId) {
        return holds.lift(customerId, holdId);
    }
}
