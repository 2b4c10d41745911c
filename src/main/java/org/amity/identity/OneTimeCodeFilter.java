package org.amity.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a customer has entered the code sent to their phone, their session reaches only the code page (and log out):
 * the password alone opens nothing in the portal.
 */
public class OneTimeCodeFilter extends OncePerRequestFilter {

    public static final String PENDING = "amity.oneTimeCode.pending";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING) != null) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean open = path.startsWith("/login") || path.equals("/logout") || path.startsWith("/css/")
                    || path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.equals("/error");
            if (!open) {
                response.sendRedirect(request.getContextPath() + "/login/code");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
