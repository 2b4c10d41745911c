package org.amity.identity;

import java.security.SecureRandom;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --amity.bootstrap-admin=NAME} on a system without users creates that administrator with a one-time
 * password, printed once on the console (never logged to files), which must be replaced at first login.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccounts users;
    private final String adminName;

    BootstrapAdmin(UserAccounts users, @Value("${amity.bootstrap-admin:}") String adminName) {
        this.users = users;
        this.adminName = adminName;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (adminName.isBlank()) {
            return;
        }
        if (users.find(adminName).isPresent()) {
            log.info("Bootstrap administrator '{}' already exists; nothing to do", adminName);
            return;
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        users.create(adminName, password.toString(), EnumSet.of(Role.ADMIN), adminName, null, true);
        System.out.println();
        System.out.println("Administrator '" + adminName + "' created with one-time password: " + password);
        System.out.println("Log in at /login and choose a new password; this one works only for that.");
        System.out.println();
    }
}
