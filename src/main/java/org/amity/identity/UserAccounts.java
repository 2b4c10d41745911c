package org.amity.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.amity.platform.ApiProblem;
import org.amity.platform.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and loads users; passwords are stored only as BCrypt hashes. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AuditTrail audit;
    private final javax.sql.DataSource dataSource;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<CustomerDirectory> directory;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, AuditTrail audit, javax.sql.DataSource dataSource,
                 org.springframework.context.ApplicationEventPublisher events,
                 org.springframework.beans.factory.ObjectProvider<CustomerDirectory> directory) {
        this.directory = directory;
        this.dataSource = dataSource;
        this.events = events;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.audit = audit;
    }

    /** By username (a customer's is their customer number) or, for customers, by their own verified phone number. */
    @Override
    public AmityUser loadUserByUsername(String username) {
        return find(username).or(() -> findByPhone(username)).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** The portal login of the one customer whose verified phone this is (E.164 or national format). */
    public Optional<AmityUser> findByPhone(String phone) {
        CustomerDirectory customers = directory.getIfAvailable();
        return customers == null ? Optional.empty()
                : customers.customerByPhone(phone).flatMap(this::findByCustomer).filter(AmityUser::isCustomer);
    }

    public Optional<AmityUser> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username).query(UserAccounts::map).optional();
    }

    public Optional<AmityUser> findByCustomer(UUID customerId) {
        return jdbc.sql("SELECT * FROM app_user WHERE customer_id = ? ORDER BY created_at LIMIT 1").param(customerId)
                .query(UserAccounts::map).optional();
    }

    public boolean anyUsers() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user)").query(Boolean.class).single();
    }

    @Transactional
    public AmityUser create(String username, String rawPassword, Set<Role> roles, String displayName, UUID customerId,
                            boolean mustChangePassword) {
        if (username == null || !username.matches("[A-Za-z0-9._@+-]{2,64}")) {
            throw ApiProblem.badRequest("INVALID_USERNAME", "username", "A username is 2–64 letters, digits or . _ @ + -");
        }
        if (find(username).isPresent()) {
            throw ApiProblem.conflict("DUPLICATE_USERNAME", "username", "User '" + username + "' already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO app_user (id, username, password_hash, roles, display_name, customer_id, must_change_password, created_at)
                VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?)""")
                .params(id, username, encoder.encode(rawPassword), toArrayLiteral(roles), displayName, customerId,
                        mustChangePassword, java.sql.Timestamp.from(clock.instant()))
                .update();
        audit.record("USER_CREATED", "User", id.toString(), null,
                Map.of("username", username, "roles", roles.stream().map(Enum::name).sorted().toList()));
        return loadUserByUsername(username);
    }

    /**
     * Portal logins for many customers at once (demo data, migrations): one BCrypt hash computed once, rows
     * written in batches, one audit row.
     */
    @Transactional
    public int createPortalLogins(Map<String, UUID> customersByUsername, String rawPassword) {
        String hash = encoder.encode(rawPassword);
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        List<Object[]> rows = customersByUsername.entrySet().stream()
                .map(e -> new Object[]{UUID.randomUUID(), e.getKey(), hash, e.getKey(), e.getValue(), now}).toList();
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO app_user (id, username, password_hash, roles, display_name, customer_id, created_at)
                VALUES (?, ?, ?, '{CUSTOMER}', ?, ?, ?) ON CONFLICT (username) DO NOTHING""", rows);
        audit.record("PORTAL_LOGINS_CREATED", "User", "portal", null, Map.of("count", rows.size()));
        return rows.size();
    }

    @Transactional
    public void changePassword(String username, String newPassword) {
        if (newPassword == null || newPassword.length() < 10) {
            throw ApiProblem.badRequest("PASSWORD_TOO_SHORT", "password", "A new password has at least 10 characters");
        }
        AmityUser user = loadUserByUsername(username);
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = FALSE WHERE id = ?")
                .params(encoder.encode(newPassword), user.id()).update();
        audit.record("PASSWORD_CHANGED", "User", user.id().toString(), null, Map.of("username", username));
        events.publishEvent(new PasswordChanged(username));
    }

    public List<AmityUser> staff() {
        return jdbc.sql("SELECT * FROM app_user WHERE customer_id IS NULL ORDER BY username").query(UserAccounts::map).list();
    }

    private static String toArrayLiteral(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static AmityUser map(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return new AmityUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
                Set.copyOf(roles), rs.getString("display_name"), rs.getObject("customer_id", UUID.class),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"));
    }
}
