package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Borrowers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A compliance officer sees what a draft policy would have blocked in last week's attempts before switching it on. */
@AmityIntegrationTest
class PolicyWhatIfIT {

    @LocalServerPort
    int port;

    @Test
    void countsWhatTheCurrentAndADraftPolicyWouldBlockByReason() {
        Api admin = Api.as(port, "admin");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customer = Borrowers.cnCustomer(admin, "WI-" + run, "模拟", "+8613800000066");
        admin.post("/api/v1/loans", """
                {"externalId":"WIL-%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"1200.00",
                 "annualRate":"0","termMonths":12,"method":"EQUAL_PRINCIPAL","disbursedOn":"2026-09-01",
                 "firstDueDate":"2026-10-01","graceDays":3}""".formatted(run, customer));
        // Tue 2026-11-24 (CN): three calls in the morning, one at 08:30, one at night; the loan is 54 days past due
        String csv = """
                customer_external_id,loan_external_id,purpose,channel,destination,at,outcome
                WI-%1$s,WIL-%1$s,COLLECTION,VOICE,+8613800000066,2026-11-24T00:30:00Z,NO_ANSWER
                WI-%1$s,WIL-%1$s,COLLECTION,VOICE,+8613800000066,2026-11-24T02:00:00Z,NO_ANSWER
                WI-%1$s,WIL-%1$s,COLLECTION,VOICE,+8613800000066,2026-11-24T03:00:00Z,
                WI-%1$s,WIL-%1$s,COLLECTION,VOICE,+8613800000066,2026-11-24T14:00:00Z,
                WI-%1$s,WIL-%1$s,COLLECTION,SMS,+8613900000000,2026-11-24T04:00:00Z,
                """.formatted(run);
        Api.Response current = send("/api/v1/contact-policies/what-if", csv);
        assertThat(current.status()).as(current.raw()).isEqualTo(200);
        assertThat(current.body().path("rows").asLong()).isEqualTo(5);
        assertThat(current.body().path("wouldAllow").asLong()).isEqualTo(2);
        // the 11:00 call is the third of the day; the 22:00 one is both the fourth and in quiet hours
        assertThat(current.body().path("blockedByReason").path("DAILY_CAP").asLong()).isEqualTo(2);
        assertThat(current.body().path("blockedByReason").path("QUIET_HOURS").asLong()).isEqualTo(1);
        assertThat(current.body().path("blockedByReason").path("THIRD_PARTY_DESTINATION").asLong()).isEqualTo(1);

        String draftHouse = """
                id: house
                version: "draft-1"
                kind: house
                caps:
                  - code: DAILY_CAP
                    scope: PERSON
                    channels: [VOICE]
                    max: 1
                    localDays: 1
                    ignoreOutcomes: [NOT_CONNECTED]
                    source: "draft: one voice call a day"
                """;
        Api.Response draft = send("/api/v1/contact-policies/what-if?policy=" + java.net.URLEncoder.encode(draftHouse, StandardCharsets.UTF_8), csv);
        assertThat(draft.status()).as(draft.raw()).isEqualTo(200);
        assertThat(draft.text("policy")).isEqualTo("draft");
        assertThat(draft.body().path("wouldAllow").asLong()).isEqualTo(1);
        assertThat(draft.body().path("blockedByReason").path("DAILY_CAP").asLong()).isEqualTo(3);
    }

    @Test
    void reportsBadRowsWithLineAndColumnAndABadDraftWithItsPath() {
        Api.Response bad = send("/api/v1/contact-policies/what-if", """
                customer_external_id,loan_external_id,purpose,channel,destination,at,outcome
                NOBODY,,COLLECTION,VOICE,+8613800000066,2026-11-24T02:00:00Z,
                DEMO-OVERDUE-45,,GOSSIP,VOICE,+8613900000002,2026-11-24T02:00:00Z,
                DEMO-OVERDUE-45,,COLLECTION,VOICE,+8613900000002,yesterday,
                """);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body().path("errorCount").asLong()).isEqualTo(3);
        assertThat(bad.body().path("errors").get(0).path("line").asLong()).isEqualTo(2);
        assertThat(bad.body().path("errors").get(0).path("column").asText()).isEqualTo("customer_external_id");
        assertThat(bad.body().path("errors").get(1).path("column").asText()).isEqualTo("purpose");
        assertThat(bad.body().path("errors").get(2).path("column").asText()).isEqualTo("at");

        Api.Response draft = send("/api/v1/contact-policies/what-if?policy=" + java.net.URLEncoder.encode(
                "id: house\nversion: x\nkind: house\ncaps:\n  - code: DAILY_CAP\n    channels: [PIGEON]\n", StandardCharsets.UTF_8),
                "customer_external_id,loan_external_id,purpose,channel,destination,at,outcome\n");
        assertThat(draft.status()).isEqualTo(400);
        assertThat(draft.text("code")).isEqualTo("INVALID_POLICY");
        assertThat(Api.as(port, "agent").send(request("/api/v1/contact-policies/what-if", "x")).status()).isEqualTo(403);
    }

    @Test
    void theConsolePageRunsAnUploadedFileForCompliance() {
        org.amity.support.WebSession compliance = org.amity.support.WebSession.loggedIn(port, "compliance", "demo");
        assertThat(compliance.get("/console/contact-policies/what-if?lang=en").body()).contains("Policy what-if");
        java.net.http.HttpResponse<String> result = compliance.postMultipart("/console/contact-policies/what-if",
                "/console/contact-policies/what-if?lang=en", java.util.Map.of("policy", ""), "attempts", "attempts.csv", """
                        customer_external_id,loan_external_id,purpose,channel,destination,at,outcome
                        DEMO-OVERDUE-45,L-OVERDUE-45,COLLECTION,VOICE,+8613900000002,2026-11-24T02:00:00Z,
                        DEMO-PAID-YESTERDAY,L-PAID-YESTERDAY,MARKETING,SMS,+8613800000001,2026-11-24T02:00:00Z,
                        """);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("id=\"what-if-result\"", "NO_MARKETING_CONSENT");
        assertThat(org.amity.support.WebSession.loggedIn(port, "agent", "demo").get("/console/contact-policies/what-if").statusCode())
                .isEqualTo(403);
    }

    private Api.Response send(String path, String csv) {
        return Api.as(port, "compliance").send(request(path, csv));
    }

    private HttpRequest.Builder request(String path, String csv) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
    }
}
