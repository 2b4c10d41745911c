package org.amity.identity.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.identity.OneTimeCodeFilter;
import org.amity.identity.OneTimeCodes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second login step for customers: the code sent by SMS. */
@Controller
class OneTimeCodeController {

    private final OneTimeCodes codes;

    OneTimeCodeController(OneTimeCodes codes) {
        this.codes = codes;
    }

    @GetMapping("/login/code")
    @PreAuthorize("hasRole('CUSTOMER')")
    String form(HttpSession session) {
        return session.getAttribute(OneTimeCodeFilter.PENDING) == null ? "redirect:/portal" : "identity/code";
    }

    @PostMapping("/login/code")
    @PreAuthorize("hasRole('CUSTOMER')")
    String verify(@RequestParam(required = false) String code, HttpServletRequest request, Model model) throws ServletException {
        HttpSession session = request.getSession();
        if (session.getAttribute(OneTimeCodeFilter.PENDING) == null) {
            return "redirect:/portal";
        }
        AmityUser user = CurrentUser.get().orElseThrow();
        OneTimeCodes.Outcome outcome = codes.verify(user, code);
        if (outcome == OneTimeCodes.Outcome.VERIFIED) {
            session.removeAttribute(OneTimeCodeFilter.PENDING);
            request.changeSessionId(); // the fully logged-in session gets a new id
            return "redirect:/portal";
        }
        if (outcome == OneTimeCodes.Outcome.LOCKED) {
            request.logout();
            return "redirect:/login?codeLocked";
        }
        model.addAttribute("errorKey", "otp." + outcome.name().toLowerCase());
        return "identity/code";
    }

    @PostMapping("/login/code/resend")
    @PreAuthorize("hasRole('CUSTOMER')")
    String resend(HttpSession session, Model model) {
        if (session.getAttribute(OneTimeCodeFilter.PENDING) == null) {
            return "redirect:/portal";
        }
        boolean sent = codes.issue(CurrentUser.get().orElseThrow()).isPresent();
        model.addAttribute(sent ? "noticeKey" : "errorKey", sent ? "otp.resent" : "otp.wait");
        return "identity/code";
    }
}
