package org.amity.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactDecisionService;
import org.amity.contact.ContactDecisionService.DecisionRequest;
import org.amity.contact.ContactPurpose;
import org.amity.contact.ProgressContactAvoided;
import org.amity.identity.Role;
import org.amity.identity.UserAccounts;
import org.amity.ledger.CustomerService;
import org.amity.ledger.CustomerView;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;
import org.amity.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** The customer portal end to end: overview, application progress and upload, preference centre, data isolation. */
@AmityIntegrationTest
@RecordApplicationEvents
class PortalIT {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;
    @Autowired
    CustomerService customers;
    @Autowired
    ContactDecisionService decisions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    private WebSession portalOf(OverdueBorrower b) {
        users.create(b.customerNumber(), "demo-password", Set.of(Role.CUSTOMER), b.name(), UUID.fromString(b.customerId()), false);
        return WebSession.loggedIn(port, b.customerNumber(), "demo-password");
    }

    private String applicationOf(OverdueBorrower b) {
        return Api.as(port, "admin").get("/api/v1/customers/" + b.customerId() + "/applications").body().get(0).path("id").asText();
    }

    private JsonNode checklist(String applicationId) {
        return Api.as(port, "admin").get("/api/v1/applications/" + applicationId).body().path("checklist");
    }

    private static String stateOf(JsonNode checklist, String type) {
        for (JsonNode item : checklist) {
            if (item.path("type").asText().equals(type)) {
                return item.path("state").asText();
            }
        }
        return null;
    }

    @Test
    void theOverviewShowsTheNextDueDateAndAmountAndExplainsTheOverdueStatus() {
        OverdueBorrower b = OverdueBorrower.book(port);
        WebSession web = portalOf(b);
        JsonNode loan = Api.as(port, "admin").get("/api/v1/loans/" + b.loanId()).body();
        JsonNode d = Api.as(port, "admin").get("/api/v1/loans/" + b.loanId() + "/delinquency").body();

        String page = web.get("/portal?lang=en").body();

        assertThat(page).contains("id=\"loan-" + b.loanNumber() + "\"").contains("Next payment").contains("next-due-date");
        assertThat(page).contains("the oldest unpaid instalment was due " + d.path("oldestUnpaidDueDate").asText())
                .contains(d.path("daysPastDue").asText() + " days past due").contains("Days past due count from the due date");
        assertThat(page).contains("I have already paid").contains("href=\"/portal/applications\"").contains("href=\"/portal/hardship\"");
        assertThat(loan.path("externalId").asText()).isEqualTo(b.loanNumber());
    }

    @Test
    void anUploadedPngMarksTheMissingDocumentReceivedInTheLedgerAndIsAudited() {
        OverdueBorrower b = OverdueBorrower.book(port);
        WebSession web = portalOf(b);
        String app = applicationOf(b);
        assertThat(stateOf(checklist(app), "INCOME_PROOF")).isEqualTo("REQUIRED");
        assertThat(web.get("/portal/applications?lang=zh-CN").body()).contains("需要您补充材料").contains("收入证明");

        HttpResponse<String> upload = web.postMultipartBytes("/portal/applications", "/portal/applications/" + app + "/documents",
                Map.of("type", "INCOME_PROOF"), "file", "salary.png", "image/png", PNG);

        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(stateOf(checklist(app), "INCOME_PROOF")).isEqualTo("RECEIVED");
        assertThat(stateOf(checklist(app), "ID_CARD")).isEqualTo("REQUIRED");
        assertThat(jdbc.sql("SELECT media_type FROM portal_document_upload WHERE application_id = ?").param(UUID.fromString(app))
                .query(String.class).single()).isEqualTo("image/png");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_id = ? AND action IN ('DOCUMENT_UPLOADED', 'APPLICATION_DOCUMENT_UPDATED')")
                .param(app).query(Long.class).single()).isEqualTo(2);
        assertThat(web.get("/portal/applications?lang=en").body()).contains("Received: INCOME_PROOF");
    }

    @Test
    void aFileThatIsNotReallyAPdfJpegOrPngOrIsOverTenMegabytesIsRefusedAndChangesNothing() {
        OverdueBorrower b = OverdueBorrower.book(port);
        WebSession web = portalOf(b);
        String app = applicationOf(b);

        HttpResponse<String> disguised = web.postMultipartBytes("/portal/applications", "/portal/applications/" + app + "/documents",
                Map.of("type", "ID_CARD"), "file", "id.pdf", "application/pdf", "MZ not a pdf at all".getBytes());
        assertThat(disguised.statusCode()).isEqualTo(302);
        assertThat(web.get("/portal/applications?lang=en").body()).contains("Only PDF, JPEG or PNG documents are accepted");

        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.7".getBytes(), 0, huge, 0, 8);
        web.postMultipartBytes("/portal/applications", "/portal/applications/" + app + "/documents",
                Map.of("type", "ID_CARD"), "file", "big.pdf", "application/pdf", huge);
        assertThat(web.get("/portal/applications?lang=en").body()).contains("at most 10 MB");

        assertThat(stateOf(checklist(app), "ID_CARD")).isEqualTo("REQUIRED");
        assertThat(jdbc.sql("SELECT count(*) FROM portal_document_upload WHERE application_id = ?").param(UUID.fromString(app))
                .query(Long.class).single()).isZero();
    }

    @Test
    void customerACannotReadOrTouchCustomerBsLoansApplicationsOrConversationThroughTheUiOrTheApi() {
        OverdueBorrower a = OverdueBorrower.book(port);
        OverdueBorrower b = OverdueBorrower.book(port);
        WebSession webA = portalOf(a);
        users.create(b.customerNumber(), "demo-password", Set.of(Role.CUSTOMER), b.name(), UUID.fromString(b.customerId()), false);
        Api apiA = new Api(port, a.customerNumber(), "demo-password");
        Api apiB = new Api(port, b.customerNumber(), "demo-password");
        String appB = applicationOf(b);

        // UI: the overview and the applications page list only A's own data
        assertThat(webA.get("/portal").body()).contains(a.loanNumber()).doesNotContain(b.loanNumber());
        assertThat(webA.get("/portal/applications").body()).doesNotContain(appB);
        // UI: acting on B's application or loan is "not found", and changes nothing
        assertThat(webA.postMultipartBytes("/portal/applications", "/portal/applications/" + appB + "/documents",
                Map.of("type", "ID_CARD"), "file", "x.png", "image/png", PNG).statusCode()).isEqualTo(404);
        assertThat(stateOf(checklist(appB), "ID_CARD")).isEqualTo("REQUIRED");
        assertThat(webA.postForm("/portal", "/portal/loans/" + b.loanId() + "/payment-claims",
                Map.of("evidenceReference", "stolen")).statusCode()).isEqualTo(404);
        // API: B's loan, delinquency, applications and customer record are "not found" for A
        assertThat(apiA.get("/api/v1/loans/" + b.loanId()).status()).isEqualTo(404);
        assertThat(apiA.get("/api/v1/loans/" + b.loanId() + "/delinquency").status()).isEqualTo(404);
        assertThat(apiA.get("/api/v1/applications/" + appB).status()).isEqualTo(404);
        assertThat(apiA.get("/api/v1/customers/" + b.customerId() + "/applications").status()).isEqualTo(404);
        assertThat(apiA.get("/api/v1/customers/" + b.customerId()).status()).isEqualTo(404);
        // assistant messages: B's conversation stays B's; A's answers come only from A's ledger
        Api.Response bSays = apiB.post("/api/v1/assistant/messages", "{\"text\":\"我要投诉 B 的秘密\",\"language\":\"zh-CN\"}");
        assertThat(bSays.status()).isEqualTo(200);
        Api.Response aAsks = apiA.post("/api/v1/assistant/messages", "{\"text\":\"am I overdue?\",\"language\":\"en\"}");
        assertThat(aAsks.raw()).doesNotContain(b.loanNumber()).doesNotContain("秘密");
        assertThat(aAsks.text("conversationId")).isNotEqualTo(bSays.text("conversationId"));
        assertThat(apiA.post("/api/v1/assistant/messages", "{\"text\":\"yes\"}").raw()).doesNotContain("DONE");
        assertThat(webA.get("/portal/assistant").body()).doesNotContain("秘密");
    }

    @Test
    void theCustomerOptsOutOfCollectionCallsInThePreferenceCentreAndTheNextDecisionFollowsIt() {
        OverdueBorrower b = OverdueBorrower.book(port);
        WebSession web = portalOf(b);
        assertThat(web.get("/portal/preferences?lang=zh-CN").body()).contains("联系偏好").contains("逾期催收");

        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String purpose : new String[]{"COLLECTION", "REPAYMENT_REMINDER", "APPLICATION_PROGRESS", "SERVICE", "COMPLAINT_FOLLOW_UP", "NEGOTIATION"}) {
            for (String channel : new String[]{"VOICE", "SMS", "EMAIL", "PUSH", "LETTER"}) {
                if (!(purpose.equals("COLLECTION") && channel.equals("VOICE"))) {
                    form.put("allow_" + purpose + "_" + channel, "on");
                }
            }
        }
        form.put("preferredChannel", "SMS");
        form.put("language", "zh-CN");
        form.put("pref_days_0", "SAT");
        form.put("pref_from_0", "10:00");
        form.put("pref_to_0", "12:00");
        form.put("inc_days_0", "MON");
        form.put("inc_from_0", "09:00");
        form.put("inc_to_0", "18:00");
        assertThat(web.postForm("/portal/preferences", "/portal/preferences", form).statusCode()).isEqualTo(302);

        JsonNode prefs = Api.as(port, "admin").get("/api/v1/customers/" + b.customerId() + "/contact-preferences").body();
        assertThat(prefs.path("optOuts")).hasSize(1);
        assertThat(prefs.path("optOuts").get(0).path("channel").asText()).isEqualTo("VOICE");
        assertThat(prefs.path("optOuts").get(0).path("purpose").asText()).isEqualTo("COLLECTION");
        assertThat(prefs.path("preferredChannel").asText()).isEqualTo("SMS");
        assertThat(prefs.path("preferredTimes").toString()).contains("SAT").contains("10:00");
        assertThat(prefs.path("inconvenientTimes").toString()).contains("MON").contains("09:00");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'CONTACT_PREFERENCES_CHANGED' AND entity_id = ? AND actor = ?")
                .params(b.customerId(), b.customerNumber()).query(Long.class).single()).isEqualTo(1);

        var decision = decisions.decide(new DecisionRequest(UUID.fromString(b.customerId()), UUID.fromString(b.loanId()),
                ContactPurpose.COLLECTION, ContactChannel.VOICE, b.phone(), false, null, null), "en");
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).extracting(ContactDecisionService.ReasonView::code).contains("CHANNEL_OPTED_OUT");

        // a bad period is a readable error and saves nothing
        form.put("inc_from_0", "25:99");
        web.postForm("/portal/preferences", "/portal/preferences", form);
        assertThat(web.get("/portal/preferences?lang=en").body()).contains("is not a time");
    }

    @Test
    void anAgentEditsACustomersPreferencesInTheConsoleAndACustomerCannotOpenTheConsolePage() {
        OverdueBorrower b = OverdueBorrower.book(port);
        WebSession agent = WebSession.loggedIn(port, "agent", "demo");
        String path = "/console/customers/" + b.customerId() + "/preferences";
        assertThat(agent.get("/console/customers/" + b.customerId()).body()).contains(path);
        assertThat(agent.get(path + "?lang=en").body()).contains("Contact preferences").contains(b.name());

        assertThat(agent.postForm(path, path, Map.of("marketing_EMAIL", "on", "language", "en")).statusCode()).isEqualTo(302);

        JsonNode prefs = Api.as(port, "admin").get("/api/v1/customers/" + b.customerId() + "/contact-preferences").body();
        assertThat(prefs.path("marketingOptIns").toString()).contains("EMAIL");
        assertThat(prefs.path("language").asText()).isEqualTo("en");
        assertThat(prefs.path("optOuts").size()).as("every unticked channel is an opt-out").isEqualTo(30);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'CONTACT_PREFERENCES_CHANGED' AND entity_id = ? AND actor = 'agent'")
                .param(b.customerId()).query(Long.class).single()).isEqualTo(1);

        WebSession customer = portalOf(b);
        HttpResponse<String> denied = customer.get(path);
        assertThat(denied.statusCode()).isEqualTo(302);
        assertThat(denied.headers().firstValue("Location").orElse("")).endsWith("/portal");
    }

    @Test
    void aProgressCallForAnApplicationThatNeedsNoActionIsRefusedAndPointsToTheApplicationsPage() {
        CustomerView paidYesterday = customers.findByExternalId("DEMO-PAID-YESTERDAY").orElseThrow();
        String phone = paidYesterday.contactPoints().stream().filter(p -> p.type() == CustomerView.ContactType.PHONE)
                .findFirst().orElseThrow().value();

        var decision = decisions.decide(new DecisionRequest(paidYesterday.id(), null, ContactPurpose.APPLICATION_PROGRESS,
                ContactChannel.VOICE, phone, false, null, null), "en");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).extracting(ContactDecisionService.ReasonView::code).contains("NO_ACTION_REQUIRED");
        assertThat(events.stream(ProgressContactAvoided.class)).singleElement()
                .satisfies(e -> assertThat(e.customerId()).isEqualTo(paidYesterday.id()));
        // the self-service page the portal link points to shows the same application, needing nothing
        String page = WebSession.loggedIn(port, "DEMO-PAID-YESTERDAY", "demo").get("/portal/applications?lang=en").body();
        assertThat(page).contains("APP-REVIEW-DEMO").contains("Under review").contains("Nothing is needed from you now");
    }
}
