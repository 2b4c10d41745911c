package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Moving the business clock moves "now" for every module, like Fineract's business date. */
@AmityIntegrationTest
class BusinessClockIT {

    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        Api.as(port, "admin").delete("/api/v1/admin/clock");
    }

    @Test
    void movingTheClockChangesTodaysDelinquency() {
        Api admin = Api.as(port, "admin");
        String customer = admin.post("/api/v1/customers", """
                {"externalId":"%s","name":"Clock","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"}}""".formatted("CLK-" + UUID.randomUUID())).text("id");
        String loan = admin.post("/api/v1/loans", """
                {"externalId":"%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"1200.00",
                 "annualRate":"0","termMonths":12,"method":"EQUAL_PRINCIPAL","disbursedOn":"2025-01-10",
                 "firstDueDate":"2025-02-10","graceDays":3}""".formatted("LCLK-" + UUID.randomUUID(), customer)).text("id");

        Response moved = admin.put("/api/v1/admin/clock", "{\"instant\":\"2025-02-15T10:00:00+08:00\"}");
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.text("businessDate")).isEqualTo("2025-02-15");
        assertThat(moved.body().path("adjusted").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/loans/" + loan + "/delinquency").body().path("daysPastDue").asInt()).isEqualTo(5);

        admin.put("/api/v1/admin/clock", "{\"instant\":\"2025-02-10T10:00:00+08:00\"}");
        assertThat(admin.get("/api/v1/loans/" + loan + "/delinquency").body().path("daysPastDue").asInt()).isZero();

        Response reset = admin.delete("/api/v1/admin/clock");
        assertThat(reset.body().path("adjusted").asBoolean()).isFalse();
        Response audit = Api.as(port, "compliance").get("/api/v1/audit/events?entityType=BusinessClock");
        assertThat(audit.raw()).contains("CLOCK_MOVED", "CLOCK_RESET", "\"actor\":\"admin\"");
    }

    @Test
    void aMissingInstantIsABadRequest() {
        Response r = Api.as(port, "admin").put("/api/v1/admin/clock", "{}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("code")).isEqualTo("INSTANT_REQUIRED");
    }
}
