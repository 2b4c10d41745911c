package org.amity.messaging.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.amity.contact.ContactChannel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway or push service reached over HTTP: {@code POST {baseUrl}/messages} with a JSON body and the
 * message id as {@code Idempotency-Key}, so that a message sent again after a crash is not delivered twice by a
 * provider that honours the key. 2xx (and 409 "already accepted") is success; 408, 429, 5xx and I/O errors are
 * retried; any other 4xx is a permanent failure.
 */
public final class HttpProviderChannel implements ChannelAdapter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ContactChannel channel;
    private final MessagingProperties.Provider provider;
    private final HttpClient http;
    private final URI endpoint;

    public HttpProviderChannel(ContactChannel channel, MessagingProperties.Provider provider) {
        this.channel = channel;
        this.provider = provider;
        this.http = HttpClient.newBuilder().connectTimeout(provider.timeout()).version(HttpClient.Version.HTTP_1_1).build();
        String base = provider.baseUrl().endsWith("/") ? provider.baseUrl().substring(0, provider.baseUrl().length() - 1) : provider.baseUrl();
        this.endpoint = URI.create(base + "/messages");
    }

    @Override
    public ContactChannel channel() {
        return channel;
    }

    @Override
    public String name() {
        return channel.name().toLowerCase() + "-http";
    }

    @Override
    public Delivery send(OutgoingMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", m.idempotencyKey());
        body.put("to", m.destination());
        if (m.subject() != null) {
            body.put("title", m.subject());
        }
        body.put("body", m.body());
        body.put("language", m.language());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(provider.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", m.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (provider.apiKey() != null && !provider.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + provider.apiKey());
        } else if (provider.username() != null) {
            String credentials = provider.username() + ":" + (provider.password() == null ? "" : provider.password());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ChannelException(name() + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(name() + ": interrupted", true, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2 || status == 409) {
            return new Delivery(providerRef(response.body(), m), false);
        }
        String error = name() + ": HTTP " + status + " " + abbreviate(response.body());
        boolean retryable = status == 408 || status == 429 || status >= 500;
        throw new ChannelException(error, retryable);
    }

    private static String providerRef(String body, OutgoingMessage m) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (node != null && node.hasNonNull("id")) {
                return node.get("id").asText();
            }
        } catch (RuntimeException ignored) {
            // a provider that answers with no JSON: the message id identifies it
        }
        return m.idempotencyKey();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
