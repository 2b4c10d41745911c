package org.amity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;

/** Helpers shared by the complaint ITs: a complaint opened through the API, and a binary multipart upload. */
final class ComplaintFixtures {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private ComplaintFixtures() {
    }

    static Api.Response open(int port, String user, OverdueBorrower b, String description) {
        return Api.as(port, user).post("/api/v1/complaints", """
                {"customerId":"%s","loanId":"%s","channel":"HOTLINE","description":"%s"}"""
                .formatted(b.customerId(), b.loanId(), description));
    }

    static String openId(int port, OverdueBorrower b, String description) {
        Api.Response r = open(port, "agent", b, description);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    static Api.Response upload(int port, String user, String complaintId, String fileName, byte[] content) {
        String boundary = "----amity" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/complaints/" + complaintId + "/files"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            return new Api.Response(response.statusCode(), raw.startsWith("{") ? Api.JSON.readTree(raw) : Api.JSON.missingNode(), raw,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
