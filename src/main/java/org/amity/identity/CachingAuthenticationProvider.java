package org.amity.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks username and password against the BCrypt hash, and remembers a successful check for a short time.
 * Dialers and gateways send HTTP Basic on every request; a BCrypt comparison per request (tens of
 * milliseconds by design) would dominate every decision's latency. The cache key is a salted SHA-256 of the
 * credentials, never the password itself, and entries expire after {@link #TTL_NANOS}.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final long TTL_NANOS = 60_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final byte[] salt = new byte[32];
    private final Map<String, Cached> verified = new ConcurrentHashMap<>();

    private record Cached(AmityUser user, long expiresAt) {
    }

    CachingAuthenticationProvider(UserAccounts users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String key = key(username, password);
        long now = System.nanoTime();
        Cached cached = verified.get(key);
        if (cached != null && cached.expiresAt() - now > 0) {
            return authenticated(cached.user());
        }
        AmityUser user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            encoder.matches(password, "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z2K5Ym0lVn2uQa8Xo/4HVyHa"); // same cost either way
            throw new BadCredentialsException("Bad credentials");
        }
        if (!encoder.matches(password, user.passwordHash())) {
            throw new BadCredentialsException("Bad credentials");
        }
        if (!user.enabled()) {
            throw new DisabledException("Account disabled");
        }
        if (verified.size() > MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, new Cached(user, now + TTL_NANOS));
        return authenticated(user);
    }

    /** A changed password invalidates every remembered check of that user, the old password's included. */
    @org.springframework.context.event.EventListener
    void on(PasswordChanged event) {
        verified.values().removeIf(cached -> cached.user().username().equals(event.username()));
    }

    private static Authentication authenticated(AmityUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
