package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Preferences and holds through the API: replaced as a whole, validated, audited, and owned by the customer. */
@AmityIntegrationTest
class ContactPreferencesIT {

    @LocalServerPort
    int port;

    private String customer() {
        Response r = Api.as(port, "admin").post("/api/v1/customers", """
                {"externalId":"PREF-%s","name":"偏好","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"+8613800000009","verified":true}]}""".formatted(UUID.randomUUID()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    @Test
    void aNewCustomerHasNoOptOutsAndTheirOwnLanguage() {
        Response r = Api.as(port, "agent").get("/api/v1/customers/" + customer() + "/contact-preferences");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("optOuts")).isEmpty();
        assertThat(r.body().path("marketingOptIns")).isEmpty();
        assertThat(r.text("language")).isEqualTo("zh-CN");
    }

    @Test
    void putReplacesThePreferencesAndIsAudited() {
        String id = customer();
        Response put = Api.as(port, "agent").put("/api/v1/customers/" + id + "/contact-preferences", """
                {"optOuts":[{"channel":"VOICE","purpose":"COLLECTION"}],"marketingOptIns":["SMS"],"preferredChannel":"SMS",
                 "inconvenientTimes":[{"days":["MON","TUE"],"from":"09:00","to":"18:00"}],"language":"en"}""");
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        Response got = Api.as(port, "agent").get("/api/v1/customers/" + id + "/contact-preferences");
        assertThat(got.body().path("optOuts").get(0).path("channel").asText()).isEqualTo("VOICE");
        assertThat(got.body().path("marketingOptIns").get(0).asText()).isEqualTo("SMS");
        assertThat(got.body().path("inconvenientTimes").get(0).path("from").asText()).startsWith("09:00");
        assertThat(got.text("preferredChannel")).isEqualTo("SMS");
        assertThat(got.text("language")).isEqualTo("en");

        Api.as(port, "agent").put("/api/v1/customers/" + id + "/contact-preferences", "{\"optOuts\":[]}");
        assertThat(Api.as(port, "agent").get("/api/v1/customers/" + id + "/contact-preferences").body().path("optOuts")).isEmpty();
        Response audit = Api.as(port, "compliance").get("/api/v1/audit/events?entityType=Customer&entityId=" + id);
        assertThat(audit.raw()).contains("CONTACT_PREFERENCES_CHANGED", "VOICE/COLLECTION", "\"actor\":\"agent\"");
    }

    @Test
    void badPreferencesAreExplained() {
        String id = customer();
        Response channel = Api.as(port, "agent").put("/api/v1/customers/" + id + "/contact-preferences", """
                {"optOuts":[{"channel":"PIGEON","purpose":"COLLECTION"}]}""");
        assertThat(channel.status()).isEqualTo(400);
        assertThat(channel.text("code")).isEqualTo("INVALID_ENUM_VALUE");
        assertThat(channel.body().path("allowedValues").toString()).contains("VOICE", "SMS", "VISIT");
        Response range = Api.as(port, "agent").put("/api/v1/customers/" + id + "/contact-preferences", """
                {"inconvenientTimes":[{"days":["MON"],"from":"09:00","to":"09:00"}]}""");
        assertThat(range.text("code")).isEqualTo("INVALID_TIME_RANGE");
        assertThat(Api.as(port, "agent").get("/api/v1/customers/" + UUID.randomUUID() + "/contact-preferences").status())
                .isEqualTo(404);
    }

    @Test
    void holdsArePlacedListedAndLifted() {
        String id = customer();
        Response placed = Api.as(port, "agent").post("/api/v1/customers/" + id + "/contact-holds", """
                {"type":"BREATHING_SPACE","from":"2026-01-01T00:00:00Z","until":"2026-03-02T00:00:00Z","reason":"debt advice referral"}""");
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        assertThat(placed.text("type")).isEqualTo("BREATHING_SPACE");
        Response unknown = Api.as(port, "agent").post("/api/v1/customers/" + id + "/contact-holds", "{\"type\":\"HOLIDAY\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("allowedValues").toString()).contains("CEASE_REQUESTED", "COMPLAINT_OPEN");
        Response backwards = Api.as(port, "agent").post("/api/v1/customers/" + id + "/contact-holds", """
                {"type":"DISPUTE","from":"2026-03-01T00:00:00Z","until":"2026-01-01T00:00:00Z"}""");
        assertThat(backwards.text("code")).isEqualTo("INVALID_PERIOD");
        assertThat(Api.as(port, "agent").get("/api/v1/customers/" + id + "/contact-holds").body()).hasSize(1);
        Response lifted = Api.as(port, "supervisor").delete("/api/v1/customers/" + id + "/contact-holds/" + placed.text("id"));
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.text("liftedBy")).isEqualTo("supervisor");
        assertThat(Api.as(port, "supervisor").delete("/api/v1/customers/" + id + "/contact-holds/" + placed.text("id")).status())
                .isEqualTo(409);
        assertThat(Api.as(port, "agent").delete("/api/v1/customers/" + id + "/contact-holds/" + placed.text("id")).status())
                .isEqualTo(403);
    }
}
