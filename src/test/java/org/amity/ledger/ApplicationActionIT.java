package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one-query "does any application wait on the customer?" agrees with each application's derived flag. */
@AmityIntegrationTest
class ApplicationActionIT {

    @LocalServerPort
    int port;

    @Autowired
    LoanApplicationService applications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theQueryAndTheDerivedFlagAgreeForEveryCustomerWithApplications() {
        Api admin = Api.as(port, "admin");
        String customer = admin.post("/api/v1/customers", """
                {"externalId":"APPQ-%s","name":"申请","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"}}""".formatted(UUID.randomUUID())).text("id");
        // one approved (never waits), one under review with a rejected document (waits)
        String approved = admin.post("/api/v1/applications", """
                {"externalId":"APPQ-A-%s","customerId":"%s","product":"HOUSING","amount":"1000.00","currency":"CNY","documents":["ID_CARD"]}"""
                .formatted(UUID.randomUUID(), customer)).text("id");
        admin.put("/api/v1/applications/" + approved + "/documents/ID_CARD", "{\"state\":\"ACCEPTED\"}");
        admin.post("/api/v1/applications/" + approved + "/status", "{\"status\":\"UNDER_REVIEW\"}");
        admin.post("/api/v1/applications/" + approved + "/status", "{\"status\":\"APPROVED\"}");
        assertThat(applications.anyNeedingCustomerAction(UUID.fromString(customer))).isFalse();
        String review = admin.post("/api/v1/applications", """
                {"externalId":"APPQ-R-%s","customerId":"%s","product":"HOUSING","amount":"1000.00","currency":"CNY","documents":["INCOME_PROOF"]}"""
                .formatted(UUID.randomUUID(), customer)).text("id");
        admin.put("/api/v1/applications/" + review + "/documents/INCOME_PROOF", "{\"state\":\"RECEIVED\"}");
        admin.post("/api/v1/applications/" + review + "/status", "{\"status\":\"UNDER_REVIEW\"}");
        assertThat(applications.anyNeedingCustomerAction(UUID.fromString(customer))).isFalse();
        admin.put("/api/v1/applications/" + review + "/documents/INCOME_PROOF", "{\"state\":\"REJECTED\",\"note\":\"unreadable\"}");
        assertThat(applications.anyNeedingCustomerAction(UUID.fromString(customer))).isTrue();

        List<UUID> withApplications = jdbc.sql("SELECT DISTINCT customer_id FROM loan_application").query(UUID.class).list();
        assertThat(withApplications).hasSizeGreaterThan(2);
        for (UUID c : withApplications) {
            assertThat(applications.anyNeedingCustomerAction(c)).as("customer %s", c)
                    .isEqualTo(!applications.needingCustomerAction(c).isEmpty());
        }
    }
}
