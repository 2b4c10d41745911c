package org.amity.identity;

import java.util.Optional;
import java.util.UUID;
import org.amity.platform.ApiProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, and the rule that a customer sees only their own data. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<AmityUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AmityUser user ? Optional.of(user) : Optional.empty();
    }

    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    /**
     * Throws 404 (not 403, so that ids cannot be probed) when a customer asks for another customer's data.
     * Staff and API clients pass; their roles are checked at the endpoint.
     */
    public static void requireAccessTo(UUID customerId) {
        Optional<AmityUser> user = get();
        if (user.isPresent() && user.get().isCustomer() && !customerId.equals(user.get().customerId())) {
            throw ApiProblem.notFound("NOT_FOUND", "No such resource");
        }
    }
}
