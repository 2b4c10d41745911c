package org.amity.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail refuses changes, and a change made behind its back is found by the chain check. */
@AmityIntegrationTest
class AuditChainIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        Api.as(port, "admin").post("/api/v1/customers", """
                {"externalId":"AUD-%s","name":"Audit","nationalId":"110101199003071234","language":"en",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"}}""".formatted(UUID.randomUUID()));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).hasMessageContaining("append-only");
    }

    @Test
    void aRowAlteredBehindTheTriggersBackBreaksTheChainAtThatRow() {
        String externalId = "AUD-" + UUID.randomUUID();
        Api.as(port, "admin").post("/api/v1/customers", """
                {"externalId":"%s","name":"Audit","nationalId":"110101199003071234","language":"en",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"}}""".formatted(externalId));
        long seq = jdbc.sql("SELECT seq FROM audit_event WHERE after_state LIKE ? ORDER BY seq DESC LIMIT 1")
                .param("%" + externalId + "%").query(Long.class).single();
        String original = jdbc.sql("SELECT actor FROM audit_event WHERE seq = ?").param(seq).query(String.class).single();
        assertThat(Api.as(port, "compliance").get("/api/v1/audit/verify").body().path("valid").asBoolean()).isTrue();
        // a superuser with the trigger disabled: what the hash chain exists to detect
        jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
        try {
            jdbc.sql("UPDATE audit_event SET actor = 'intruder' WHERE seq = ?").param(seq).update();
            Api.Response broken = Api.as(port, "compliance").get("/api/v1/audit/verify");
            assertThat(broken.body().path("valid").asBoolean()).isFalse();
            assertThat(broken.body().path("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(broken.text("problem")).contains("altered");
        } finally {
            jdbc.sql("UPDATE audit_event SET actor = ? WHERE seq = ?").params(original, seq).update();
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
        }
        assertThat(Api.as(port, "compliance").get("/api/v1/audit/verify").body().path("valid").asBoolean()).isTrue();
    }
}
