package org.amity.complaints.web;

import org.amity.platform.ApiProblem;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form post on a case page: run the action, flash the notice key or the problem's readable message, and go back to
 * the page (post/redirect/get), so a refused step never loses the page the user was on.
 */
final class FlashAction {

    private FlashAction() {
    }

    static String run(RedirectAttributes flash, String done, Runnable action, String backTo) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        } catch (ApiProblem e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + backTo;
    }
}
