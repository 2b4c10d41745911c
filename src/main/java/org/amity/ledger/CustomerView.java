package org.amity.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.amity.platform.PersonalData;

/** A customer as other modules and the API see them; the national id is only ever shown masked. */
public record CustomerView(UUID id, String externalId, String name, String nationalIdMasked, String language,
                           Address address, List<ContactPoint> contactPoints, Instant createdAt) {

    public record Address(String country, String region, String city, String line, String timeZone) {
    }

    public enum ContactType { PHONE, EMAIL }

    public enum ContactOwner { SELF, OTHER }

    public record ContactPoint(UUID id, ContactType type, String value, boolean verified, ContactOwner owner) {

        public String masked() {
            return PersonalData.maskContact(type.name(), value);
        }
    }
}
