package org.amity.messaging.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings ({@code amity.messaging.*}); see docs/messaging.md.
 *
 * @param webhookSecret shared secret for the HMAC-SHA256 signature of delivery receipts and inbound SMS
 * @param portalLink    the portal address put into messages as {@code portalLink}
 * @param sandbox       send SMS, push and e-mail to the built-in sandbox when no real provider is configured
 *                      (on in demo mode and tests)
 */
@ConfigurationProperties("amity.messaging")
public record MessagingProperties(@DefaultValue Dispatcher dispatcher, @DefaultValue Provider sms, @DefaultValue Provider push,
                                  @DefaultValue Email email, String webhookSecret,
                                  @DefaultValue("http://localhost:8080/portal") String portalLink,
                                  @DefaultValue("false") boolean sandbox) {

    /**
     * @param batchSize   messages claimed per round (one {@code FOR UPDATE SKIP LOCKED} query)
     * @param threads     messages sent in parallel within a round
     * @param lease       how long a claim lasts: a message claimed by a node that died is sent again after this
     * @param maxAttempts after this many failed attempts the message is FAILED for good
     * @param backoff     first retry delay; doubled per attempt up to {@code maxBackoff}
     */
    public record Dispatcher(@DefaultValue("true") boolean enabled, @DefaultValue("200") int batchSize,
                             @DefaultValue("16") int threads, @DefaultValue("250ms") Duration pollInterval,
                             @DefaultValue("60s") Duration lease, @DefaultValue("8") int maxAttempts,
                             @DefaultValue("10s") Duration backoff, @DefaultValue("1h") Duration maxBackoff) {
    }

    /** An HTTP provider (SMS gateway, push service): base URL and credentials (HTTP Basic, or a bearer API key). */
    public record Provider(String baseUrl, String username, String password, String apiKey,
                           @DefaultValue("10s") Duration timeout) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }
    }

    /** Sender address of e-mail; SMTP itself is Spring Boot's {@code spring.mail.*}. */
    public record Email(@DefaultValue("Amity <no-reply@amity.example>") String from) {
    }
}
