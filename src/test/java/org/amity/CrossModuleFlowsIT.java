package org.amity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.amity.identity.Role;
import org.amity.identity.UserAccounts;
import org.amity.messaging.internal.Dispatcher;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The modules working together through their events, end to end over the public API: a refused progress call
 * becomes a portal link, a complaint pauses collection and is acknowledged, the assistant hands a complaint over,
 * and an agreed arrangement pauses collection and tells the customer. The clock is pinned to 10:00 in Shanghai so
 * contact hours never decide these tests.
 */
@AmityIntegrationTest
class CrossModuleFlowsIT {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Dispatcher dispatcher;

    Api admin;

    @BeforeEach
    void tenInTheMorningInShanghai() {
        admin = Api.as(port, "admin");
        admin.delete("/api/v1/admin/clock");
        LocalDate today = LocalDate.parse(admin.get("/api/v1/admin/clock").text("businessDate"));
        String instant = today.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toString();
        assertThat(admin.put("/api/v1/admin/clock", "{\"instant\":\"" + instant + "\"}").status()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        admin.delete("/api/v1/admin/clock");
    }

    private JsonNode messages(String customerId) {
        Response r = Api.as(port, "agent").get("/api/v1/customers/" + customerId + "/messages");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private String refused(String customerId) {
        return Api.as(port, "admin").get("/api/v1/messaging/refused-notifications?customerId=" + customerId).raw();
    }

    /** Messaging reacts to events asynchronously after the publisher's commit: wait for the message to appear. */
    private JsonNode messagesOnceThereIs(String customerId, String templateKey) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonNode messages = messages(customerId);
        while (!hasMessage(messages, templateKey) && System.nanoTime() < deadline) {
            sleep(100);
            messages = messages(customerId);
        }
        return messages;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean hasMessage(JsonNode messages, String templateKey) {
        for (JsonNode m : messages) {
            if (templateKey.equals(m.path("templateKey").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aProgressCallNobodyNeedsBecomesAPortalLinkByMessage() {
        Response c = admin.post("/api/v1/customers", """
                {"externalId":"XM-%s","name":"自助 Self","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"+8613800000039","verified":true}]}""".formatted(UUID.randomUUID()));
        String customerId = c.text("id");

        Response decision = Api.as(port, "dialer").post("/api/v1/contact-decisions", """
                {"customerId":"%s","purpose":"APPLICATION_PROGRESS","channel":"VOICE","destination":"+8613800000039"}"""
                .formatted(customerId));

        assertThat(decision.body().path("allowed").asBoolean()).isFalse();
        assertThat(decision.raw()).contains("NO_ACTION_REQUIRED");
        JsonNode messages = messagesOnceThereIs(customerId, "PORTAL_LINK");
        assertThat(hasMessage(messages, "PORTAL_LINK")).as(messages + " refused: " + refused(customerId)).isTrue();
        assertThat(messages.toString()).contains("\"channel\":\"SMS\"");
        // the dispatcher renders the template when it sends (tests run it explicitly): the text points to the page
        dispatcher.dispatchOnce();
        assertThat(messages(customerId).toString()).contains("/portal/applications");
    }

    @Test
    void aComplaintAboutCallsPausesCollectionAndIsAcknowledged() {
        OverdueBorrower b = OverdueBorrower.book(port);
        Response complaint = Api.as(port, "agent").post("/api/v1/complaints", """
                {"customerId":"%s","loanId":"%s","channel":"HOTLINE","description":"你们的催收员每天打好几次电话，太频繁了",
                 "receivedAt":"%s"}""".formatted(b.customerId(), b.loanId(), admin.get("/api/v1/admin/clock").text("instant")));
        assertThat(complaint.status()).as(complaint.raw()).isEqualTo(201);
        assertThat(complaint.text("category")).isEqualTo("EXCESSIVE_CONTACT");

        Response holds = Api.as(port, "agent").get("/api/v1/customers/" + b.customerId() + "/contact-holds");
        assertThat(holds.raw()).contains("COMPLAINT_OPEN");
        Response call = Api.as(port, "dialer").post("/api/v1/contact-decisions", """
                {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s"}"""
                .formatted(b.customerId(), b.loanId(), b.phone()));
        assertThat(call.raw()).contains("CONTACT_HOLD").contains("COMPLAINT_OPEN");
        assertThat(hasMessage(messagesOnceThereIs(b.customerId(), "COMPLAINT_ACKNOWLEDGED"), "COMPLAINT_ACKNOWLEDGED"))
                .as(refused(b.customerId())).isTrue();
    }

    @Test
    void aComplaintFiledThroughTheAssistantOpensACase() {
        OverdueBorrower b = OverdueBorrower.book(port);
        accounts.create(b.customerNumber(), "demo", Set.of(Role.CUSTOMER), b.name(), UUID.fromString(b.customerId()), false);
        Api customer = new Api(port, b.customerNumber(), "demo");

        Response proposal = customer.post("/api/v1/assistant/messages", "{\"text\":\"催收员态度太差了，我要投诉\",\"language\":\"zh-CN\"}");
        assertThat(proposal.text("intent")).as(proposal.raw()).isEqualTo("FILE_COMPLAINT");
        assertThat(Api.as(port, "agent").get("/api/v1/customers/" + b.customerId() + "/complaints").body()).isEmpty();
        customer.post("/api/v1/assistant/messages", "{\"text\":\"确认\",\"language\":\"zh-CN\"}");

        Response cases = Api.as(port, "agent").get("/api/v1/customers/" + b.customerId() + "/complaints");
        assertThat(cases.body()).as(cases.raw()).hasSize(1);
        assertThat(cases.raw()).contains("催收员态度太差了");
        assertThat(customer.get("/api/v1/customers/" + b.customerId() + "/complaints").body()).hasSize(1);
    }

    @Test
    void anAgreedArrangementPausesCollectionAndTellsTheCustomer() {
        OverdueBorrower b = OverdueBorrower.book(port);
        accounts.create(b.customerNumber(), "demo", Set.of(Role.CUSTOMER), b.name(), UUID.fromString(b.customerId()), false);
        Api customer = new Api(port, b.customerNumber(), "demo");
        Response quote = customer.post("/api/v1/arrangements/quotes", """
                {"loanId":"%s","hardship":{"reason":"INCOME_LOSS","monthlyIncome":"9000.00","monthlyEssentialExpenses":"4000.00","dependants":2}}"""
                .formatted(b.loanId()));
        assertThat(quote.status()).as(quote.raw()).isEqualTo(201);
        String optionId = null;
        for (JsonNode option : quote.body().path("options")) {
            if (option.path("type").asText().equals("INSTALMENT_PLAN") && option.path("affordable").asBoolean()) {
                optionId = option.path("optionId").asText();
                break;
            }
        }
        assertThat(optionId).as(quote.raw()).isNotNull();
        String id = customer.post("/api/v1/arrangements", "{\"quoteId\":\"%s\",\"optionId\":\"%s\"}"
                .formatted(quote.text("quoteId"), optionId)).text("id");
        Response accepted = customer.post("/api/v1/arrangements/" + id + "/acceptance", "{}");
        assertThat(accepted.text("status")).as(accepted.raw()).isEqualTo("ACTIVE");

        assertThat(Api.as(port, "agent").get("/api/v1/customers/" + b.customerId() + "/contact-holds").raw())
                .contains("ARRANGEMENT_IN_GOOD_STANDING");
        assertThat(hasMessage(messagesOnceThereIs(b.customerId(), "ARRANGEMENT_AGREED"), "ARRANGEMENT_AGREED"))
                .as(refused(b.customerId())).isTrue();
    }
}
