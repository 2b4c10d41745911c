package org.amity.complaints.web;

import org.amity.platform.ApiProblem;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * On the complaint pages a problem that is not handled inline (e.g. another customer's case id) becomes the plain
 * HTTP status page — a 404, never a 500 — as on the other console and portal pages.
 */
@ControllerAdvice(assignableTypes = {ComplaintConsole.class, ComplaintPortal.class})
class ComplaintPageErrors {

    @ExceptionHandler(ApiProblem.class)
    void problem(ApiProblem problem, HttpServletResponse response) throws IOException {
        response.sendError(problem.status().value(), problem.getMessage());
    }
}
