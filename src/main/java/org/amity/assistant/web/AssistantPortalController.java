package org.amity.assistant.web;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.amity.assistant.AssistantReply;
import org.amity.assistant.AssistantService;
import org.amity.complaints.ComplaintChannel;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.platform.ApiProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The portal chat: htmx posts each message and appends the reply; without JavaScript the page reloads. */
@Controller
class AssistantPortalController {

    private final AssistantService assistant;

    AssistantPortalController(AssistantService assistant) {
        this.assistant = assistant;
    }

    @GetMapping("/portal/assistant")
    @PreAuthorize("hasRole('CUSTOMER')")
    String chat(HttpSession session, Model model) {
        model.addAttribute("transcript", assistant.transcript(customerId(), sessionKey(session), 30));
        return "assistant/chat";
    }

    @PostMapping("/portal/assistant/messages")
    @PreAuthorize("hasRole('CUSTOMER')")
    String message(@RequestParam(required = false) String text, HttpSession session, Model model,
                   @RequestHeader(value = "HX-Request", required = false) String htmx) {
        String language = LocaleContextHolder.getLocale().getLanguage().equals("zh") ? "zh-CN" : "en";
        try {
            AssistantReply reply = assistant.reply(customerId(), sessionKey(session), text, language, ComplaintChannel.PORTAL);
            model.addAttribute("said", text.strip());
            model.addAttribute("reply", reply);
        } catch (ApiProblem e) {
            model.addAttribute("error", e.getMessage());
        }
        if (htmx == null) {
            return "redirect:/portal/assistant";
        }
        return "assistant/chat :: turn";
    }

    private static UUID customerId() {
        return CurrentUser.get().filter(AmityUser::isCustomer).map(AmityUser::customerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /** One conversation per login session; the session id itself is never stored. */
    static String sessionKey(HttpSession session) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getId().getBytes(StandardCharsets.UTF_8));
            return "web:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
