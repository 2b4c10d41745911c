package org.amity.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
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
 *
 * <p>A client sends the same credentials from many threads at once, so a check is never done twice at the same
 * time for the same credentials: while one request checks them, the others with the same credentials wait for its
 * answer instead of each running BCrypt (which on a small node would stall every worker thread at once when an
 * entry expires). And an entry in use is checked again shortly before it expires, by one request while the others
 * still use it, so a busy client does not wait for BCrypt at all.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final long TTL_NANOS = 60_000_000_000L;
    /** How long before expiry an entry in use is checked again (by one request, the others still using it). */
    private static final long REFRESH_NANOS = 10_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final LongSupplier nanoTime;
    private final byte[] salt = new byte[32];
    private final Map<String, Cached> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<AmityUser>> checking = new ConcurrentHashMap<>();

    private record Cached(AmityUser user, long expiresAt, AtomicBoolean refreshing) {
    }

    CachingAuthenticationProvider(UserAccounts users, PasswordEncoder encoder) {
        this(users, encoder, System::nanoTime);
    }

    CachingAuthenticationProvider(UserAccounts users, PasswordEncoder encoder, LongSupplier nanoTime) {
        this.users = users;
        this.encoder = encoder;
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String key = key(username, password);
        Cached cached = verified.get(key);
        long left = cached == null ? 0 : cached.expiresAt() - nanoTime.getAsLong();
        if (left > 0 && (left > REFRESH_NANOS || !cached.refreshing().compareAndSet(false, true))) {
            return authenticated(cached.user());
        }
        return authenticated(checkOnce(key, username, password));
    }

    /** Checks the credentials, or waits for the check already running for the same credentials. */
    private AmityUser checkOnce(String key, String username, String password) {
        CompletableFuture<AmityUser> mine = new CompletableFuture<>();
        CompletableFuture<AmityUser> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            AmityUser user = check(username, password);
            if (verified.size() > MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, new Cached(user, nanoTime.getAsLong() + TTL_NANOS, new AtomicBoolean()));
            mine.complete(user);
            return user;
        } catch (RuntimeException e) {
            verified.remove(key);
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    private AmityUser check(String username, String password) {
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
        return user;
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
