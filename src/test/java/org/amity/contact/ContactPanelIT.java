package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The agent sees, on the customer page, whether a call is allowed now and why — without booking anything. */
@AmityIntegrationTest
class ContactPanelIT {

    @LocalServerPort
    int port;

    @Test
    void explainsThatACurrentLoanMayNotBeCollectedAndRecordsNothing() {
        Api admin = Api.as(port, "admin");
        String customer = admin.post("/api/v1/customers", """
                {"externalId":"PANEL-%s","name":"面板","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"+8613800000055","verified":true}]}""".formatted(UUID.randomUUID())).text("id");
        admin.post("/api/v1/loans", """
                {"externalId":"PANELL-%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"1200.00",
                 "annualRate":"0","termMonths":12,"method":"EQUAL_PRINCIPAL","disbursedOn":"2099-01-01",
                 "firstDueDate":"2099-02-01","graceDays":3}""".formatted(UUID.randomUUID(), customer));

        WebSession agent = WebSession.loggedIn(port, "agent", "demo");
        HttpResponse<String> page = agent.get("/console/customers/" + customer + "?lang=en");
        assertThat(page.body()).contains("/console/customers/" + customer + "/contact-panel");
        HttpResponse<String> panel = agent.get("/console/customers/" + customer + "/contact-panel?lang=en", "HX-Request", "true");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("data-channel=\"VOICE\"", "not now", "no own verified contact point")
                .doesNotContain("+8613800000055");
        HttpResponse<String> chinese = agent.get("/console/customers/" + customer + "/contact-panel?lang=zh-CN", "HX-Request", "true");
        assertThat(chinese.body()).contains("暂不可以");
        assertThat(Api.as(port, "agent").get("/api/v1/customers/" + customer + "/contact-decisions").body())
                .as("a page view is not a contact decision").isEmpty();
    }
}
