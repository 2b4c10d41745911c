package org.amity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactDecisionService.DecisionRequest;
import org.amity.contact.ContactDecisionService.DecisionView;
import org.amity.contact.ContactOutcome;
import org.amity.contact.ContactPreferenceService;
import org.amity.contact.ContactPurpose;
import org.amity.messaging.internal.Dispatcher;
import org.amity.messaging.internal.MessageQueries;
import org.amity.messaging.internal.WebhookSignature;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messaging in demo mode (sandbox channels) end to end: receipts signed with HMAC, opt-out keywords, no empty legal
 * threats, notices from other modules, and template versions — each through the API a provider, a module or a
 * compliance officer would use.
 */
@AmityIntegrationTest
class MessagingFlowIT {

    /** A Tuesday, 10:00 in Shanghai: inside contact hours, not a holiday. */
    static final String WEEKDAY_MORNING = "2026-11-24T10:00:00+08:00";
    static final String SECRET = "test-webhook-secret";

    @LocalServerPort
    int port;
    @Autowired
    Outbox outbox;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    MessageQueries messages;
    @Autowired
    ContactDecisionService decisions;
    @Autowired
    ContactPreferenceService preferences;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    Api admin;

    @BeforeEach
    void weekdayMorning() {
        admin = Api.as(port, "admin");
        assertThat(admin.put("/api/v1/admin/clock", "{\"instant\":\"" + WEEKDAY_MORNING + "\"}").status()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        admin.delete("/api/v1/admin/clock");
    }

    /** A message the contact engine allowed (a reserved attempt), queued in the decision's transaction. */
    private UUID queueAllowed(Borrower b, ContactPurpose purpose, ContactChannel channel, String destination, String templateKey) {
        return tx.execute(s -> {
            DecisionView d = decisions.decide(new DecisionRequest(b.id(), b.loan(), purpose, channel, destination, true,
                    "it-" + UUID.randomUUID(), null), null);
            assertThat(d.allowed()).as(d.reasons().toString()).isTrue();
            return outbox.enqueue(new Outbox.QueuedMessage(b.id(), b.loan(), purpose, channel, destination, "zh-CN", templateKey,
                    Map.of(), d.decisionId(), "it-" + UUID.randomUUID()));
        });
    }

    private MessageView dispatched(UUID id) {
        for (int i = 0; i < 50; i++) {
            dispatcher.dispatch(java.util.List.of(id));
            MessageView m = messages.find(id).orElseThrow();
            if (m.status() != MessageStatus.QUEUED && m.status() != MessageStatus.SENDING) {
                return m;
            }
        }
        return messages.find(id).orElseThrow();
    }

    private Api.Response signedPost(String path, String json, String signature) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        return new Api(port, null, null).send(request);
    }

    private static String sign(String json) {
        return WebhookSignature.header(SECRET, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReceiptWithoutOrWithABadSignatureIsRefusedWith401AndChangesNothing() {
        Borrower b = Borrower.book(port);
        UUID id = queueAllowed(b, ContactPurpose.SERVICE, ContactChannel.SMS, b.phone(), null);
        String json = "{\"messageId\":\"" + id + "\",\"status\":\"FAILED\"}";

        Api.Response missing = signedPost("/api/v1/messaging/receipts/sms", json, null);
        Api.Response bad = signedPost("/api/v1/messaging/receipts/sms", json, "sha256=" + "0".repeat(64));
        Api.Response otherSecret = signedPost("/api/v1/messaging/receipts/sms", json,
                WebhookSignature.header("another-secret", json.getBytes(StandardCharsets.UTF_8)));
        Api.Response tampered = signedPost("/api/v1/messaging/receipts/sms", json.replace("FAILED", "DELIVERED"), sign(json));

        for (Api.Response r : List.of(missing, bad, otherSecret, tampered)) {
            assertThat(r.status()).as(r.raw()).isEqualTo(401);
            assertThat(r.text("code")).isEqualTo("INVALID_SIGNATURE");
        }
        assertThat(messages.find(id).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    void aSignedDeliveryReceiptMarksTheMessageDeliveredAndRecordsTheAttemptsOutcome() {
        Borrower b = Borrower.book(port);
        UUID id = queueAllowed(b, ContactPurpose.SERVICE, ContactChannel.SMS, b.phone(), null);
        UUID decisionId = messages.find(id).orElseThrow().decisionId();
        String json = "{\"messageId\":\"" + id + "\",\"status\":\"DELIVERED\"}";

        Api.Response first = signedPost("/api/v1/messaging/receipts/sms", json, sign(json));
        Api.Response again = signedPost("/api/v1/messaging/receipts/sms", json, sign(json));

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("DELIVERED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("changed").asBoolean()).isFalse();
        assertThat(messages.find(id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(decisions.find(decisionId).orElseThrow().outcome()).isEqualTo(ContactOutcome.DELIVERED);

        String wrongChannel = "{\"messageId\":\"" + id + "\",\"status\":\"DELIVERED\"}";
        assertThat(signedPost("/api/v1/messaging/receipts/email", wrongChannel, sign(wrongChannel)).status()).isEqualTo(404);
    }

    @Test
    void anOptOutKeywordInAnyCaseOrWidthOptsTheSenderOutOfSmsAtOnceWithExactlyOneConfirmation() {
        Borrower b = Borrower.book(port);
        String first = "{\"id\":\"in-" + UUID.randomUUID() + "\",\"from\":\"" + b.phone() + "\",\"text\":\"  ｔｄ \"}";
        String repeated = "{\"id\":\"in-" + UUID.randomUUID() + "\",\"from\":\"" + b.phone() + "\",\"text\":\"STOP\"}";

        Api.Response r1 = signedPost("/api/v1/messaging/inbound/sms", first, sign(first));
        Api.Response r1again = signedPost("/api/v1/messaging/inbound/sms", first, sign(first));
        Api.Response r2 = signedPost("/api/v1/messaging/inbound/sms", repeated, sign(repeated));

        assertThat(r1.status()).as(r1.raw()).isEqualTo(200);
        assertThat(r1.text("action")).isEqualTo("OPTED_OUT");
        assertThat(r1.text("keyword")).isEqualTo("TD");
        assertThat(r1again.text("action")).isEqualTo("DUPLICATE");
        assertThat(r2.text("action")).isEqualTo("ALREADY_OPTED_OUT");
        for (ContactPurpose purpose : ContactPurpose.values()) {
            assertThat(preferences.of(b.id()).optedOut(ContactChannel.SMS, purpose)).as(purpose.name()).isTrue();
        }
        List<MessageView> confirmations = messages.ofCustomer(b.id(), false, 50).stream()
                .filter(m -> "OPT_OUT_CONFIRMATION".equals(m.templateKey())).toList();
        assertThat(confirmations).hasSize(1);
        MessageView confirmation = dispatched(confirmations.get(0).id());
        assertThat(confirmation.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(confirmation.body()).contains("退订");

        DecisionView next = decisions.decide(new DecisionRequest(b.id(), b.loan(), ContactPurpose.COLLECTION, ContactChannel.SMS,
                b.phone(), false, null, null), null);
        assertThat(next.allowed()).isFalse();
        assertThat(next.reasons()).extracting(ContactDecisionService.ReasonView::code).contains("CHANNEL_OPTED_OUT");
        assertThat(admin.get("/api/v1/audit/events?entityId=" + b.customerId()).raw()).contains("SMS_OPT_OUT_KEYWORD");
    }

    @Test
    void aWordThatIsNotAKeywordOrAStrangersNumberOptsNobodyOut() {
        Borrower b = Borrower.book(port);
        String chat = "{\"id\":\"in-" + UUID.randomUUID() + "\",\"from\":\"" + b.phone() + "\",\"text\":\"please stop calling at night\"}";
        String stranger = "{\"id\":\"in-" + UUID.randomUUID() + "\",\"from\":\"+8613900000000\",\"text\":\"STOP\"}";

        assertThat(signedPost("/api/v1/messaging/inbound/sms", chat, sign(chat)).text("action")).isEqualTo("NOT_A_KEYWORD");
        assertThat(signedPost("/api/v1/messaging/inbound/sms", stranger, sign(stranger)).text("action")).isEqualTo("UNKNOWN_SENDER");
        assertThat(preferences.of(b.id()).optOuts()).isEmpty();
    }

    @Test
    void aLegalActionTemplateIsNotSentWithoutAGenuineCaseAndIsSentOnceOneIsRecorded() {
        Borrower b = Borrower.book(port);
        UUID threat = queueAllowed(b, ContactPurpose.COLLECTION, ContactChannel.EMAIL, b.email(), "COLLECTION_LEGAL_ACTION");

        MessageView refused = dispatched(threat);
        assertThat(refused.status()).isEqualTo(MessageStatus.LEGAL_CLAIM_UNSUPPORTED);
        assertThat(refused.reason()).isEqualTo("LEGAL_CLAIM_UNSUPPORTED");
        assertThat(refused.body()).isNull();

        Api.Response agentTries = Api.as(port, "agent").post("/api/v1/loans/" + b.loanId() + "/litigation",
                "{\"court\":\"上海市静安区人民法院\",\"caseReference\":\"(2026)沪0106民初1\",\"filedOn\":\"2026-11-20\"}");
        assertThat(agentTries.status()).isEqualTo(403);
        String reference = "(2026)沪0106民初" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response recorded = Api.as(port, "compliance").post("/api/v1/loans/" + b.loanId() + "/litigation",
                "{\"court\":\"上海市静安区人民法院\",\"caseReference\":\"" + reference + "\",\"filedOn\":\"2026-11-20\"}");
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);

        UUID genuine = queueAllowed(b, ContactPurpose.COLLECTION, ContactChannel.EMAIL, b.email(), "COLLECTION_LEGAL_ACTION");
        MessageView sent = dispatched(genuine);
        assertThat(sent.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(sent.body()).contains("诉讼").contains(b.loanNumber()).contains("回复TD退订");
        assertThat(admin.get("/api/v1/audit/events?entityId=" + b.loanId()).raw()).contains("LITIGATION_RECORDED");
    }

    @Test
    void aNoticeGoesByThePreferredElectronicChannelInTheNoticesPurposeWithItsOwnTemplate() {
        Borrower b = Borrower.book(port);
        assertThat(admin.put("/api/v1/customers/" + b.customerId() + "/contact-preferences",
                "{\"preferredChannel\":\"EMAIL\",\"optOuts\":[],\"inconvenientTimes\":[]}").status()).isEqualTo(200);
        String key = "complaint:" + UUID.randomUUID() + ":ack";

        tx.executeWithoutResult(s -> events.publishEvent(new NotificationRequested(b.id(), null, Notice.COMPLAINT_ACKNOWLEDGED, null,
                Map.of("complaintNumber", "CMP-42"), key)));

        UUID id = awaitMessage("notice:" + key);
        MessageView m = dispatched(id);
        assertThat(m.channel()).isEqualTo(ContactChannel.EMAIL);
        assertThat(m.purpose()).isEqualTo(ContactPurpose.COMPLAINT_FOLLOW_UP);
        assertThat(m.body()).contains("CMP-42").contains(b.name());
        assertThat(decisions.find(m.decisionId()).orElseThrow().reserved()).isTrue();
    }

    @Test
    void aNoticeNoChannelAllowsIsRecordedAsRefusedWithEachChannelsReasons() {
        Borrower b = Borrower.book(port);
        StringBuilder optOuts = new StringBuilder();
        for (String channel : List.of("SMS", "EMAIL", "PUSH")) {
            optOuts.append(optOuts.isEmpty() ? "" : ",").append("{\"channel\":\"").append(channel).append("\",\"purpose\":\"NEGOTIATION\"}");
        }
        assertThat(admin.put("/api/v1/customers/" + b.customerId() + "/contact-preferences",
                "{\"optOuts\":[" + optOuts + "],\"inconvenientTimes\":[]}").status()).isEqualTo(200);
        String key = "arrangement:" + UUID.randomUUID() + ":agreed";

        tx.executeWithoutResult(s -> events.publishEvent(new NotificationRequested(b.id(), b.loan(), Notice.ARRANGEMENT_AGREED, null,
                Map.of(), key)));

        Api.Response refused = null;
        for (int i = 0; i < 100; i++) {
            refused = admin.get("/api/v1/messaging/refused-notifications?customerId=" + b.customerId());
            if (refused.body().size() > 0) {
                break;
            }
            sleep(100);
        }
        assertThat(refused.body().size()).as(refused.raw()).isEqualTo(1);
        assertThat(refused.body().get(0).path("notice").asText()).isEqualTo("ARRANGEMENT_AGREED");
        assertThat(refused.body().get(0).path("reasons").asText()).contains("SMS").contains("EMAIL").contains("PUSH").contains("CHANNEL_OPTED_OUT");
        assertThat(outbox.byIdempotencyKey("notice:" + key)).isEmpty();
    }

    @Test
    void anAvoidedProgressCallSendsThePortalLinkAtMostOncePerDay() {
        Borrower b = Borrower.book(port);
        for (int i = 0; i < 2; i++) {
            DecisionView d = decisions.decide(new DecisionRequest(b.id(), null, ContactPurpose.APPLICATION_PROGRESS, ContactChannel.VOICE,
                    b.phone(), true, null, null), null);
            assertThat(d.reasons()).extracting(ContactDecisionService.ReasonView::code).contains("NO_ACTION_REQUIRED");
        }
        String key = "notice:portal-link:" + b.customerId() + ":2026-11-24";
        UUID id = awaitMessage(key);
        sleep(500);
        assertThat(messages.ofCustomer(b.id(), false, 10)).extracting(MessageView::templateKey).containsExactly("PORTAL_LINK");
        assertThat(dispatched(id).body()).contains("自助");
    }

    @Test
    void compliancesNewTemplateVersionNeedsAnOptOutAndIsUsedFromTheNextMessage() {
        Api compliance = Api.as(port, "compliance");
        Api.Response noOptOut = compliance.post("/api/v1/messaging/templates", """
                {"key":"SERVICE","channel":"SMS","language":"en","body":"Hello {{customerName}}, news at {{portalLink}}."}""");
        assertThat(noOptOut.status()).as(noOptOut.raw()).isEqualTo(400);
        assertThat(noOptOut.text("code")).isEqualTo("OPT_OUT_MISSING");
        Api.Response threat = compliance.post("/api/v1/messaging/templates", """
                {"key":"COLLECTION","channel":"SMS","language":"en","body":"Pay now or we take you to court. Reply STOP to opt out"}""");
        assertThat(threat.text("code")).isEqualTo("CLAIM_UNDECLARED");
        Api.Response agent = Api.as(port, "agent").post("/api/v1/messaging/templates", """
                {"key":"SERVICE","channel":"SMS","language":"en","body":"Hi {{customerName}}. Reply STOP to opt out"}""");
        assertThat(agent.status()).isEqualTo(403);

        Api.Response current = admin.get("/api/v1/messaging/templates/SERVICE/SMS/en");
        int version = current.body().get(0).path("version").asInt();
        Api.Response saved = compliance.post("/api/v1/messaging/templates", """
                {"key":"SERVICE","channel":"SMS","language":"en","basedOnVersion":%d,
                 "body":"Hi {{customerName}}, version two: {{text|news}}. Reply STOP to opt out","comment":"shorter"}""".formatted(version));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        assertThat(saved.body().path("version").asInt()).isEqualTo(version + 1);
        Api.Response stale = compliance.post("/api/v1/messaging/templates", """
                {"key":"SERVICE","channel":"SMS","language":"en","basedOnVersion":%d,
                 "body":"Hi {{customerName}}. Reply STOP to opt out"}""".formatted(version));
        assertThat(stale.status()).isEqualTo(409);

        Borrower b = Borrower.book(port);
        UUID id = tx.execute(s -> {
            DecisionView d = decisions.decide(new DecisionRequest(b.id(), null, ContactPurpose.SERVICE, ContactChannel.SMS, b.phone(), true,
                    null, null), null);
            return outbox.enqueue(new Outbox.QueuedMessage(b.id(), null, ContactPurpose.SERVICE, ContactChannel.SMS, b.phone(), "en",
                    null, Map.of(), d.decisionId(), "it-" + UUID.randomUUID()));
        });
        MessageView m = dispatched(id);
        assertThat(m.body()).isEqualTo("Hi " + b.name() + ", version two: news. Reply STOP to opt out");
        assertThat(m.templateVersion()).isEqualTo(version + 1);

        Api.Response preview = Api.as(port, "agent").post("/api/v1/messaging/templates/preview", """
                {"key":"COLLECTION","channel":"SMS","language":"zh-CN","customer":"%s"}""".formatted(b.customerNumber()));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.text("body")).contains(b.name()).contains(b.loanNumber()).contains("回复TD退订");
    }

    private UUID awaitMessage(String key) {
        for (int i = 0; i < 100; i++) {
            var id = outbox.byIdempotencyKey(key);
            if (id.isPresent()) {
                return id.get();
            }
            sleep(100);
        }
        throw new AssertionError("no message " + key + " was queued");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
