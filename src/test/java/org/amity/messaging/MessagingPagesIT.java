package org.amity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactDecisionService.DecisionRequest;
import org.amity.contact.ContactPurpose;
import org.amity.identity.UserAccounts;
import org.amity.messaging.internal.Dispatcher;
import org.amity.messaging.internal.MessageQueries;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.WebSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages people use: the customer's inbox (only ever their own messages, through the UI and the API), the
 * console's outbox, templates with preview and new versions, the sandbox phone and mailbox, and letters as a PDF
 * batch with Chinese text.
 */
@AmityIntegrationTest
class MessagingPagesIT {

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
    TransactionTemplate tx;
    @Autowired
    UserAccounts users;
    @Autowired
    PdfDocuments pdfDocuments;

    Api admin;

    @BeforeEach
    void weekdayMorning() {
        admin = Api.as(port, "admin");
        admin.put("/api/v1/admin/clock", "{\"instant\":\"" + MessagingFlowIT.WEEKDAY_MORNING + "\"}");
    }

    @AfterEach
    void resetClock() {
        admin.delete("/api/v1/admin/clock");
    }

    private UUID sent(Borrower b, ContactChannel channel, String destination, Map<String, String> variables) {
        UUID id = tx.execute(s -> {
            var d = decisions.decide(new DecisionRequest(b.id(), b.loan(), ContactPurpose.SERVICE, channel, destination, true, null, null), null);
            assertThat(d.allowed()).as(d.reasons().toString()).isTrue();
            return outbox.enqueue(new Outbox.QueuedMessage(b.id(), b.loan(), ContactPurpose.SERVICE, channel, destination, "zh-CN", null,
                    variables, d.decisionId(), "page-" + UUID.randomUUID()));
        });
        for (int i = 0; i < 20 && messages.find(id).orElseThrow().status() == MessageStatus.QUEUED; i++) {
            dispatcher.dispatch(java.util.List.of(id));
        }
        assertThat(messages.find(id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        return id;
    }

    @Test
    void aCustomerSeesTheirOwnSentMessagesAndNeverAnotherCustomersInTheInboxOrTheApi() {
        Borrower alice = Borrower.book(port);
        Borrower bob = Borrower.book(port);
        users.createPortalLogins(Map.of(alice.customerNumber(), alice.id(), bob.customerNumber(), bob.id()), "demo");
        sent(alice, ContactChannel.SMS, alice.phone(), Map.of("text", "给Alice的消息"));
        UUID bobs = sent(bob, ContactChannel.EMAIL, bob.email(), Map.of("text", "给Bob的消息"));
        UUID queuedForAlice = tx.execute(s -> outbox.enqueue(new Outbox.QueuedMessage(alice.id(), null, ContactPurpose.SERVICE,
                ContactChannel.SMS, alice.phone(), "zh-CN", null, Map.of("text", "还没发出的消息"), UUID.randomUUID(), "page-" + UUID.randomUUID())));

        WebSession portal = WebSession.loggedIn(port, alice.customerNumber(), "demo");
        HttpResponse<String> inbox = portal.get("/portal/messages");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("给Alice的消息").contains("回复TD退订").doesNotContain("给Bob的消息").doesNotContain("还没发出的消息");
        assertThat(portal.get("/portal/messages?lang=en").body()).contains("My messages");

        Api asAlice = new Api(port, alice.customerNumber(), "demo");
        assertThat(asAlice.get("/api/v1/customers/" + alice.customerId() + "/messages").raw()).contains("给Alice的消息");
        assertThat(asAlice.get("/api/v1/customers/" + bob.customerId() + "/messages").status()).isEqualTo(404);
        assertThat(asAlice.get("/api/v1/messaging/messages/" + bobs).status()).isEqualTo(404);
        assertThat(asAlice.get("/api/v1/messaging/messages/" + queuedForAlice).status()).isEqualTo(404);
        assertThat(portal.get("/console/messaging").statusCode()).as("a customer is sent to the portal").isEqualTo(302);
    }

    @Test
    void staffSeeTheOutboxTheSandboxPhoneAndMailboxAndTheCustomersHistory() {
        Borrower b = Borrower.book(port);
        sent(b, ContactChannel.SMS, b.phone(), Map.of("text", "沙盒短信"));
        sent(b, ContactChannel.EMAIL, b.email(), Map.of("text", "沙盒邮件"));

        WebSession agent = WebSession.loggedIn(port, "agent", "demo");
        assertThat(agent.get("/console/messaging").body()).contains("outbox-counts").contains("sandbox");
        HttpResponse<String> sandbox = agent.get("/console/messaging/sandbox");
        assertThat(sandbox.statusCode()).isEqualTo(200);
        assertThat(sandbox.body()).contains("sandbox-phone").contains("沙盒短信").contains("sandbox-mailbox").contains("沙盒邮件")
                .doesNotContain(b.phone());
        assertThat(agent.get("/console/customers/" + b.customerId() + "/messages").body()).contains("沙盒短信").contains("沙盒邮件");
    }

    @Test
    void everyoneOnStaffPreviewsATemplateWithARealCustomerButOnlyComplianceSavesANewVersion() {
        Borrower b = Borrower.book(port);
        WebSession agent = WebSession.loggedIn(port, "agent", "demo");
        HttpResponse<String> list = agent.get("/console/messaging/templates");
        assertThat(list.body()).contains("VOICEMAIL_LIMITED").contains("COLLECTION_LEGAL_ACTION").contains("PORTAL_LINK");
        HttpResponse<String> page = agent.get("/console/messaging/templates/COLLECTION/SMS/zh-CN?customer=" + b.customerNumber());
        assertThat(page.body()).contains(b.name()).contains(b.loanNumber()).doesNotContain("save-template");
        String path = "/console/messaging/templates/MARKETING/PUSH/en";
        HttpResponse<String> forbidden = agent.postForm(path, path, Map.of("body", "Hi. Reply STOP to opt out", "subject", "Hi"));
        assertThat(forbidden.statusCode()).isEqualTo(403);

        WebSession compliance = WebSession.loggedIn(port, "compliance", "demo");
        HttpResponse<String> refused = compliance.postForm(path, path, Map.of("body", "New offers for {{customerName}}", "subject", "Offer"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("OPT_OUT_MISSING");
        HttpResponse<String> saved = compliance.postForm(path, path, Map.of("body", "New offers for {{customerName}}. Reply STOP to opt out",
                "subject", "Offer", "comment", "test"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).contains("saved=");
        assertThat(compliance.get(path).body()).contains("New offers for {{customerName}}. Reply STOP to opt out");
    }

    @Test
    void todaysLettersComeAsOnePdfBatchWithTheChineseTextIntact() throws Exception {
        Borrower b = Borrower.book(port);
        UUID letter = tx.execute(s -> {
            var d = decisions.decide(new DecisionRequest(b.id(), b.loan(), ContactPurpose.COLLECTION, ContactChannel.LETTER, null,
                    true, null, null), null);
            assertThat(d.allowed()).as(d.reasons().toString()).isTrue();
            return outbox.enqueue(new Outbox.QueuedMessage(b.id(), b.loan(), ContactPurpose.COLLECTION, ContactChannel.LETTER,
                    "上海 静安区南京西路 1 号", "zh-CN", null, Map.of(), d.decisionId(), "letter-" + UUID.randomUUID()));
        });
        for (int i = 0; i < 20 && messages.find(letter).orElseThrow().status() == MessageStatus.QUEUED; i++) {
            dispatcher.dispatch(java.util.List.of(letter));
        }
        assertThat(messages.find(letter).orElseThrow().status()).isEqualTo(MessageStatus.SENT);

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/console/messaging/letters.pdf?date=2026-11-24"))
                .header("Cookie", sessionCookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(b.loanNumber());
            // Chinese needs a CJK TrueType font on the machine (Debian: fonts-wqy-microhei, see docs/messaging.md)
            org.junit.jupiter.api.Assumptions.assumeTrue(pdfDocuments.fontFile() != null,
                    "no CJK TrueType font installed: Chinese text cannot be checked");
            assertThat(text).contains(b.name()).contains("逾期");
        }
    }

    /** A logged-in agent's session cookie, for a binary download. */
    private String sessionCookie() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
        assertThat(m.find()).isTrue();
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=agent&password=demo&_csrf=" + java.net.URLEncoder.encode(m.group(1), "UTF-8")))
                .build(), HttpResponse.BodyHandlers.ofString());
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, c) -> a + "; " + c).orElseThrow();
    }
}
