package org.amity.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** A user holding a one-time password can do nothing but choose a new one. */
class PasswordChangeFilter extends OncePerRequestFilter {

    private final boolean api;

    PasswordChangeFilter(boolean api) {
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean mustChange = CurrentUser.get().map(AmityUser::mustChangePassword).orElse(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (mustChange && !path.startsWith("/account/password") && !path.startsWith("/logout")
                && !path.startsWith("/css/") && !path.startsWith("/webjars/")) {
            if (api) {
                SecurityConfiguration.writeProblem(response, HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED",
                        "Log in to the console and replace the one-time password first");
            } else {
                response.sendRedirect(request.getContextPath() + "/account/password");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
