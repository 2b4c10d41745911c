package org.amity.messaging;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;

/**
 * One version of a template for a key (a purpose, a {@link Notice} or a special such as {@code VOICEMAIL_LIMITED})
 * on one channel in one language.
 *
 * @param claims         facts the text asserts that must be genuine for the loan (legal action, home visit)
 * @param limitedContent a Reg F 1006.2(j) limited-content message: reveals no debt
 * @param optOutExempt   the opt-out confirmation itself (bundled only; staff cannot set it)
 */
public record MessageTemplate(UUID id, String key, ContactChannel channel, String language, int version, String subject,
                              String body, Set<ClaimEvidence.Claim> claims, boolean limitedContent, boolean optOutExempt,
                              String comment, Instant createdAt, String createdBy) {

    public static boolean electronic(ContactChannel channel) {
        return channel == ContactChannel.SMS || channel == ContactChannel.EMAIL || channel == ContactChannel.PUSH;
    }
}
