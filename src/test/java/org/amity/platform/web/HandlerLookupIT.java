package org.amity.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The prefix-narrowed lookup answers exactly as Spring's full lookup would: handler, 404, 405, URI variables. */
@AmityIntegrationTest
class HandlerLookupIT {

    @LocalServerPort
    int port;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pathVariableUrlsReachTheirHandlerAndWrongMethodsOrPathsGetSpringsAnswers() {
        assertThat(mapping).isInstanceOf(LiteralPrefixHandlerMapping.class);
        UUID loan = jdbc.sql("SELECT id FROM loan LIMIT 1").query(UUID.class).single();
        Api api = Api.as(port, "admin");

        Api.Response found = api.get("/api/v1/loans/" + loan + "/delinquency");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text("loanId")).isEqualTo(loan.toString());

        assertThat(api.delete("/api/v1/loans/" + loan + "/delinquency").status()).isEqualTo(405);
        assertThat(api.get("/api/v1/loans/" + loan + "/no-such-thing").status()).isEqualTo(404);
        // a literal segment where a variable is expected still reaches the variable's handler (and its own 404)
        assertThat(api.get("/api/v1/loans/" + UUID.randomUUID() + "/delinquency").status()).isEqualTo(404);
        // percent-escapes go through Spring's full lookup and are decoded as before
        assertThat(api.get("/api/v1/lo%61ns/" + loan + "/delinquency").status()).isEqualTo(200);
    }

    @Test
    void actuatorEndpointsAnswerAfterTheApplicationsMappings() {
        assertThat(new Api(port, null, null).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new Api(port, null, null).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(Api.as(port, "admin").get("/actuator/prometheus").raw()).contains("http_server_requests_seconds");
        assertThat(Api.as(port, "admin").get("/actuator/no-such-endpoint").status()).isEqualTo(404);
    }
}
