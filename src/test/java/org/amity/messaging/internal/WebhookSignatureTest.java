package org.amity.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static MessagingProperties secret(String s) {
        return new MessagingProperties(null, null, null, null, s, null, false);
    }

    @Test
    void onlyTheHmacOfTheExactBodyWithTheSharedSecretPasses() {
        WebhookSignature check = new WebhookSignature(secret("s3cret"));
        byte[] body = "{\"status\":\"DELIVERED\"}".getBytes(StandardCharsets.UTF_8);
        String good = WebhookSignature.header("s3cret", body);

        assertThat(check.valid(body, good)).isTrue();
        assertThat(check.valid(body, good.substring("sha256=".length()))).as("the prefix is optional").isTrue();
        assertThat(check.valid(body, good.toUpperCase().replace("SHA256=", "sha256="))).as("hex case does not matter").isTrue();
        assertThat(check.valid("{\"status\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8), good)).isFalse();
        assertThat(check.valid(body, WebhookSignature.header("other", body))).isFalse();
        assertThat(check.valid(body, null)).isFalse();
        assertThat(check.valid(body, "sha256=")).isFalse();
    }

    @Test
    void withoutAConfiguredSecretEveryCallbackIsRefused() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(new WebhookSignature(secret(null)).valid(body, WebhookSignature.header("anything", body))).isFalse();
        assertThat(new WebhookSignature(secret(" ")).valid(body, WebhookSignature.header("anything", body))).isFalse();
    }
}
