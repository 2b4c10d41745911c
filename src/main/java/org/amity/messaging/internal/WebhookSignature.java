package org.amity.messaging.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Checks provider callbacks: {@code X-Amity-Signature: sha256=<hex>} is HMAC-SHA256 of the raw request body with
 * {@code amity.messaging.webhook-secret}. Without a configured secret every callback is refused.
 */
@Component
public class WebhookSignature {

    public static final String HEADER = "X-Amity-Signature";

    private final byte[] secret;

    WebhookSignature(MessagingProperties properties) {
        String s = properties.webhookSecret();
        this.secret = s == null || s.isBlank() ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    public boolean valid(byte[] body, String header) {
        if (secret == null || header == null || body == null) {
            return false;
        }
        String given = header.trim();
        if (given.startsWith("sha256=")) {
            given = given.substring(7);
        }
        byte[] expected = HexFormat.of().formatHex(sign(secret, body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The header value a provider sends for {@code body}. */
    public static String header(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(sign(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] sign(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
