package org.amity.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.amity.platform.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second step of a customer's portal login: a six-digit code sent by SMS, valid for {@link #VALID_FOR}, at most
 * {@link #MAX_ATTEMPTS} tries, used once. Only a BCrypt hash of the code is stored; every issue, success and failure
 * is audited. Whether the step is required is read per login from {@code amity.portal.one-time-code.enabled}.
 */
@Service
public class OneTimeCodes {

    public static final Duration VALID_FOR = Duration.ofMinutes(5);
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration RESEND_AFTER = Duration.ofSeconds(30);

    public enum Outcome { VERIFIED, WRONG, EXPIRED, LOCKED, NONE }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Environment environment;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, AuditTrail audit, ApplicationEventPublisher events,
                 Environment environment) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.environment = environment;
    }

    /** Customers need a code after their password when the bank turned the step on (it needs SMS delivery). */
    public boolean requiredFor(AmityUser user) {
        return user.isCustomer() && user.customerId() != null
                && environment.getProperty("amity.portal.one-time-code.enabled", Boolean.class, false);
    }

    /** Issues a fresh code (earlier unused ones stop working); empty if the last one was issued too recently. */
    @Transactional
    public Optional<Instant> issue(AmityUser user) {
        Instant now = clock.instant();
        Optional<Instant> last = jdbc.sql("SELECT max(issued_at) FROM one_time_code WHERE user_id = ?").param(user.id())
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).optional();
        if (last.isPresent() && last.get() != null && last.get().plus(RESEND_AFTER).isAfter(now)) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE one_time_code SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), user.id()).update();
        String code = String.format("%06d", random.nextInt(1_000_000));
        UUID id = UUID.randomUUID();
        Instant expires = now.plus(VALID_FOR);
        jdbc.sql("""
                INSERT INTO one_time_code (id, user_id, customer_id, code_hash, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, user.id(), user.customerId(), encoder.encode(code), Timestamp.from(now), Timestamp.from(expires))
                .update();
        audit.record("ONE_TIME_CODE_ISSUED", "User", user.id().toString(), null,
                Map.of("expiresAt", expires.toString(), "channel", "SMS"));
        events.publishEvent(new OneTimeCodeIssued(user.id(), user.customerId(), code, expires, "otp:" + id));
        return Optional.of(expires);
    }

    /** Checks a code against the latest one issued; a wrong code counts an attempt, a right one is used up. */
    @Transactional
    public Outcome verify(AmityUser user, String code) {
        Instant now = clock.instant();
        record Latest(UUID id, String hash, int attempts, Instant expires, Instant used) {
        }
        Optional<Latest> latest = jdbc.sql("""
                SELECT id, code_hash, attempts, expires_at, used_at FROM one_time_code
                 WHERE user_id = ? ORDER BY issued_at DESC LIMIT 1 FOR UPDATE""").param(user.id())
                .query((rs, n) -> new Latest(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
        Outcome outcome;
        if (latest.isEmpty() || latest.get().used() != null) {
            outcome = Outcome.NONE;
        } else if (latest.get().attempts() >= MAX_ATTEMPTS) {
            outcome = Outcome.LOCKED;
        } else if (!latest.get().expires().isAfter(now)) {
            outcome = Outcome.EXPIRED;
        } else if (code != null && code.strip().matches("\\d{6}") && encoder.matches(code.strip(), latest.get().hash())) {
            jdbc.sql("UPDATE one_time_code SET used_at = ? WHERE id = ?").params(Timestamp.from(now), latest.get().id()).update();
            outcome = Outcome.VERIFIED;
        } else {
            int attempts = latest.get().attempts() + 1;
            jdbc.sql("UPDATE one_time_code SET attempts = ? WHERE id = ?").params(attempts, latest.get().id()).update();
            outcome = attempts >= MAX_ATTEMPTS ? Outcome.LOCKED : Outcome.WRONG;
        }
        audit.record(outcome == Outcome.VERIFIED ? "ONE_TIME_CODE_VERIFIED" : "ONE_TIME_CODE_REFUSED", "User", user.id().toString(),
                null, Map.of("outcome", outcome.name()));
        return outcome;
    }
}
