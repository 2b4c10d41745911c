package org.amity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** "They called me while I was not overdue": the case shows the contacts around the time with the days past due. */
@AmityIntegrationTest
class ComplaintEvidenceIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCallWhileTheLoanWasPastDueRefutesTheComplaintAndABlockedAttemptIsShownToo() {
        OverdueBorrower b = OverdueBorrower.book(port);
        // the engine refuses a collection call now (the customer reported a payment that is being checked)
        Response call = Api.as(port, "dialer").post("/api/v1/contact-decisions", """
                {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s","reserve":true}"""
                .formatted(b.customerId(), b.loanId(), b.phone()));
        assertThat(call.body().path("allowed").asBoolean()).as(call.raw()).isFalse();
        legacyCall(b, Instant.now().minus(Duration.ofDays(5)));

        String id = ComplaintFixtures.openId(port, b, "我没有逾期，为什么催收电话说我欠款未还");
        Response evidence = Api.as(port, "agent").get("/api/v1/complaints/" + id + "/evidence/contacts");
        assertThat(evidence.text("verdict")).as(evidence.raw()).isEqualTo("REFUTED");
        // the case's own acknowledgement (a COMPLAINT_FOLLOW_UP message) may be listed too; the collection contacts are these
        List<JsonNode> collection = new ArrayList<>();
        evidence.body().path("contacts").forEach(c -> {
            if (c.path("purpose").asText().equals("COLLECTION")) {
                collection.add(c);
            }
        });
        assertThat(collection).hasSize(2);
        assertThat(collection.get(0).path("daysPastDue").asInt()).isGreaterThan(60);
        assertThat(collection.get(1).path("allowed").asBoolean()).isFalse();
        assertThat(collection.get(1).path("reasons").asText()).contains("PAYMENT_CLAIM_PENDING");
    }

    /** A call made by a legacy dialer that never asked the engine, imported into the attempt ledger. */
    private void legacyCall(OverdueBorrower b, Instant at) {
        jdbc.sql("""
                INSERT INTO contact_decision (id, customer_id, loan_id, purpose, channel, destination, evaluated_at, decided_at, allowed,
                    reserved, reasons, alternatives, policy_version, requested_by, outcome, outcome_at)
                VALUES (?, ?, ?, 'COLLECTION', 'VOICE', ?, ?, ?, true, true, '[]', '[]', 'legacy', 'legacy-dialer', 'RIGHT_PARTY_CONVERSATION', ?)""")
                .params(UUID.randomUUID(), UUID.fromString(b.customerId()), UUID.fromString(b.loanId()), b.phone(),
                        Timestamp.from(at), Timestamp.from(at), Timestamp.from(at)).update();
    }

    @Test
    void aLegacyCallBeforeTheFirstDueDateConfirmsItAtAGlance() {
        OverdueBorrower b = OverdueBorrower.book(port);
        Instant incident = Instant.now().minus(Duration.ofDays(100)); // the loan's first instalment fell due ~90 days ago
        legacyCall(b, incident);
        Response opened = Api.as(port, "agent").post("/api/v1/complaints", """
                {"customerId":"%s","loanId":"%s","channel":"HOTLINE","description":"还没到还款日就打电话说我逾期","incidentAt":"%s"}"""
                .formatted(b.customerId(), b.loanId(), incident));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        Response evidence = Api.as(port, "agent").get("/api/v1/complaints/" + opened.text("id") + "/evidence/contacts");
        assertThat(evidence.text("verdict")).as(evidence.raw()).isEqualTo("CONFIRMED");
        assertThat(evidence.body().path("whileNotOverdue").asInt()).isEqualTo(1);
        assertThat(evidence.body().path("contacts").get(0).path("daysPastDue").asInt()).isZero();

        String page = org.amity.support.WebSession.loggedIn(port, "agent", "demo").get("/console/complaints/" + opened.text("id")).body();
        assertThat(page).contains("id=\"evidence-verdict\"", "verdict-CONFIRMED", "not-overdue");
    }
}
