package org.amity.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Lets a customer log in with their phone number instead of their customer number. Implemented by the module that
 * owns contact points (the ledger), so identity never reads another module's tables.
 */
public interface CustomerDirectory {

    /**
     * The one customer whose own verified phone this is, written in E.164 or the bank's national format; empty when
     * the text is not a phone number, or when no customer or more than one customer has it (then the customer
     * number is needed: a shared number must never open somebody else's account).
     */
    Optional<UUID> customerByPhone(String phone);
}
