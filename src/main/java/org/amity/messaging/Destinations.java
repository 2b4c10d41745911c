package org.amity.messaging;

import java.util.Optional;
import java.util.stream.Stream;
import org.amity.contact.ContactChannel;
import org.amity.ledger.CustomerView;

/**
 * Where a message on a channel reaches the customer: their own phone or e-mail (verified first; never a contact
 * point owned by someone else), their app account for push ({@code app:<customer number>}, the push provider's
 * recipient), their postal address on record for a letter. One place, so that notices and the daily plan address
 * the same customer the same way.
 */
public final class Destinations {

    private Destinations() {
    }

    public static Optional<String> of(CustomerView customer, ContactChannel channel) {
        return switch (channel) {
            case SMS, VOICE -> own(customer, CustomerView.ContactType.PHONE);
            case EMAIL -> own(customer, CustomerView.ContactType.EMAIL);
            case PUSH -> Optional.of("app:" + customer.externalId());
            case LETTER -> Optional.of(postal(customer));
            case VISIT -> Optional.empty();
        };
    }

    public static String postal(CustomerView customer) {
        CustomerView.Address a = customer.address();
        return String.join(", ", Stream.of(a.line(), a.city(), a.region(), a.country())
                .filter(s -> s != null && !s.isBlank()).toList());
    }

    private static Optional<String> own(CustomerView customer, CustomerView.ContactType type) {
        return customer.contactPoints().stream()
                .filter(p -> p.type() == type && p.owner() == CustomerView.ContactOwner.SELF)
                .sorted((a, b) -> Boolean.compare(b.verified(), a.verified()))
                .map(CustomerView.ContactPoint::value).findFirst();
    }
}
