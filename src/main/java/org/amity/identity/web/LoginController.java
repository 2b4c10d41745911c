package org.amity.identity.web;

import org.amity.identity.AmityUser;
import org.amity.identity.CurrentUser;
import org.amity.identity.UserAccounts;
import org.amity.platform.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final UserAccounts users;

    LoginController(UserAccounts users) {
        this.users = users;
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login() {
        return "login";
    }

    /** Customers start in their portal, staff in the console. */
    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home() {
        return CurrentUser.get().filter(AmityUser::isCustomer).isPresent() ? "redirect:/portal" : "redirect:/console";
    }

    @GetMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String passwordForm() {
        return "identity/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String changePassword(@RequestParam String password, @RequestParam String repeat, Model model) {
        if (!password.equals(repeat)) {
            model.addAttribute("errorKey", "password.mismatch");
            return "identity/password";
        }
        try {
            users.changePassword(CurrentUser.name(), password);
        } catch (ApiProblem e) {
            model.addAttribute("error", e.getMessage());
            return "identity/password";
        }
        return "redirect:/logout-after-change";
    }

    @GetMapping("/logout-after-change")
    @PreAuthorize("isAuthenticated()")
    String relogin(jakarta.servlet.http.HttpServletRequest request) throws jakarta.servlet.ServletException {
        request.logout();
        return "redirect:/login?changed";
    }
}
