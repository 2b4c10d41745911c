package org.amity.messaging.web;

import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.messaging.internal.MessageQueries;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The customer's inbox: the messages we sent them (sent or delivered), newest first. Only ever their own. */
@Controller
class PortalMessages {

    private final MessageQueries messages;

    PortalMessages(MessageQueries messages) {
        this.messages = messages;
    }

    @GetMapping("/portal/messages")
    @PreAuthorize("hasRole('CUSTOMER')")
    String inbox(Model model) {
        AmityUser user = CurrentUser.get().orElseThrow();
        model.addAttribute("messages", messages.ofCustomer(user.customerId(), true, 100));
        return "messaging/inbox";
    }
}
