package org.amity.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Every endpoint has an owner role, and a customer reaches only their own data. */
@AmityIntegrationTest
class AccessControlIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    private String customer(String externalId) {
        Response r = Api.as(port, "admin").post("/api/v1/customers", """
                {"externalId":"%s","name":"Alice","nationalId":"AB1234567","language":"en",
                 "address":{"country":"GB","city":"Leeds","timeZone":"Europe/London"},
                 "contactPoints":[{"type":"PHONE","value":"+447400123456","verified":true}]}""".formatted(externalId));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private String loan(String customerId) {
        Response r = Api.as(port, "admin").post("/api/v1/loans", """
                {"externalId":"%s","customerId":"%s","product":"CONSUMER","currency":"GBP","principal":"3000.00",
                 "annualRate":"0.1","termMonths":6,"method":"EQUAL_PRINCIPAL","disbursedOn":"2026-01-01",
                 "firstDueDate":"2026-02-01","graceDays":3}""".formatted("L-" + UUID.randomUUID(), customerId));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    private void portalLogin(String username, String customerId) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("test-setup", null, java.util.List.of()));
        try {
            users.create(username, "portal-pass-123", EnumSet.of(Role.CUSTOMER), username, UUID.fromString(customerId), false);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aCustomerCannotReadAnotherCustomersLoansOrProfile() {
        String a = customer("A-" + UUID.randomUUID());
        String b = customer("B-" + UUID.randomUUID());
        String loanA = loan(a);
        String loanB = loan(b);
        String userA = "cust-a-" + UUID.randomUUID().toString().substring(0, 6);
        portalLogin(userA, a);
        Api alice = new Api(port, userA, "portal-pass-123");

        assertThat(alice.get("/api/v1/customers/" + a).status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/loans/" + loanA).status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/loans/" + loanA + "/delinquency").status()).isEqualTo(200);

        assertThat(alice.get("/api/v1/customers/" + b).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/customers/" + b + "/loans").status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/loans/" + loanB).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/loans/" + loanB + "/delinquency").status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/loans/" + loanB + "/payments").status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/customers/" + b + "/applications").status()).isEqualTo(404);
        // nor search or write staff data
        assertThat(alice.get("/api/v1/customers?q=Alice").status()).isEqualTo(403);
        assertThat(alice.post("/api/v1/loans/" + loanA + "/payments", "{\"amount\":\"1.00\",\"reference\":\"x\"}").status()).isEqualTo(403);
    }

    @Test
    void anonymousCallersGet401ProblemDetails() {
        Response r = new Api(port, null, null).get("/api/v1/customers/" + UUID.randomUUID());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(new Api(port, "admin", "wrong").get("/api/v1/audit/verify").status()).isEqualTo(401);
    }

    @Test
    void rolesOwnTheirEndpoints() {
        String c = customer("R-" + UUID.randomUUID());
        Response agentBooksLoan = Api.as(port, "agent").post("/api/v1/loans", "{}");
        assertThat(agentBooksLoan.status()).isEqualTo(403);
        assertThat(agentBooksLoan.text("code")).isEqualTo("ACCESS_DENIED");
        assertThat(Api.as(port, "agent").get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(Api.as(port, "dialer").get("/api/v1/customers/" + c).status()).isEqualTo(200);
        assertThat(Api.as(port, "dialer").put("/api/v1/admin/clock", "{\"instant\":\"2026-01-01T00:00:00Z\"}").status()).isEqualTo(403);
        assertThat(Api.as(port, "compliance").get("/api/v1/audit/verify").status()).isEqualTo(200);
    }

    @Test
    void healthIsOpenAndMetricsNeedAnOperatorRole() {
        assertThat(new Api(port, null, null).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new Api(port, null, null).get("/actuator/prometheus").status()).isEqualTo(401);
        Response metrics = Api.as(port, "admin").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("http_server_requests");
    }

    @Test
    void theOpenApiDocumentDescribesThePublicApi() {
        Response docs = new Api(port, null, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw()).contains("/api/v1/customers", "/api/v1/loans/{id}/delinquency", "/api/v1/loans/{id}/payments");
    }
}
