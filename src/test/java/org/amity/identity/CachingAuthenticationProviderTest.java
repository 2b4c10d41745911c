package org.amity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachingAuthenticationProviderTest {

    private static final long SECOND = 1_000_000_000L;

    /** Accepts "secret" only, counts its checks, and can be made slow (as BCrypt is). */
    private static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();
        volatile long delayMillis;

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return encoded.equals("hash:" + raw);
        }
    }

    private static final class Accounts extends UserAccounts {
        volatile boolean enabled = true;

        Accounts() {
            super(null, null, null, null, null, null, null);
        }

        @Override
        public AmityUser loadUserByUsername(String username) {
            return new AmityUser(UUID.nameUUIDFromBytes(username.getBytes()), username, "hash:secret", Set.of(Role.SYSTEM),
                    username, null, enabled, false);
        }
    }

    private final CountingEncoder encoder = new CountingEncoder();
    private final Accounts accounts = new Accounts();
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(accounts, encoder, now::get);

    private Authentication login(String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("dialer", password));
    }

    @Test
    void aSuccessfulCheckIsRememberedUntilItExpires() {
        assertThat(login("secret").isAuthenticated()).isTrue();
        now.addAndGet(30 * SECOND);
        login("secret");
        assertThat(encoder.checks).hasValue(1);

        now.addAndGet(31 * SECOND);
        login("secret");
        assertThat(encoder.checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverRemembered() {
        assertThatThrownBy(() -> login("wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).hasValue(2);
    }

    @Test
    void concurrentRequestsWithExpiredCredentialsShareOneCheck() throws Exception {
        login("secret");
        now.addAndGet(61 * SECOND);
        encoder.delayMillis = 300;
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Authentication>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return login("secret");
                }));
            }
            start.countDown();
            for (Future<Authentication> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(encoder.checks).as("one BCrypt check for the expired entry, shared by all eight requests").hasValue(2);
    }

    @Test
    void anEntryInUseIsCheckedAgainBeforeItExpiresByOneRequestOnly() {
        login("secret");
        now.addAndGet(55 * SECOND); // inside the last 10 s
        login("secret");
        assertThat(encoder.checks).as("the first request in the refresh window checks again").hasValue(2);
        login("secret");
        now.addAndGet(45 * SECOND); // 100 s after the first check, 45 s after the refresh
        login("secret");
        assertThat(encoder.checks).as("the refreshed entry serves the rest").hasValue(2);
    }

    @Test
    void aRefreshNoticesADisabledAccount() {
        login("secret");
        accounts.enabled = false;
        now.addAndGet(55 * SECOND);
        assertThatThrownBy(() -> login("secret")).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> login("secret")).as("and the entry is gone").isInstanceOf(DisabledException.class);
    }
}
