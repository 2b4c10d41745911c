package org.amity.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.amity.identity.CustomerDirectory;
import org.amity.platform.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Phone numbers for portal login: normalised with libphonenumber exactly as registration stores them. */
@Component
class PhoneLoginDirectory implements CustomerDirectory {

    private final JdbcClient jdbc;
    private final String region;

    PhoneLoginDirectory(JdbcClient jdbc, @Value("${amity.portal.phone-region:CN}") String region) {
        this.jdbc = jdbc;
        this.region = region;
    }

    @Override
    public Optional<UUID> customerByPhone(String phone) {
        if (phone == null || phone.chars().filter(Character::isDigit).count() < 6) {
            return Optional.empty();
        }
        String e164;
        try {
            e164 = CustomerService.normalisePhone(phone, region, "username");
        } catch (ApiProblem notAPhone) {
            return Optional.empty();
        }
        List<UUID> owners = jdbc.sql("""
                SELECT DISTINCT customer_id FROM contact_point
                 WHERE type = 'PHONE' AND value = ? AND verified AND owner = 'SELF' LIMIT 2""")
                .param(e164).query(UUID.class).list();
        return owners.size() == 1 ? Optional.of(owners.get(0)) : Optional.empty();
    }
}
