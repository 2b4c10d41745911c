package org.amity.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.amity.complaints.ComplaintChannel;
import org.amity.complaints.ComplaintSubmitted;
import org.amity.identity.Role;
import org.amity.identity.UserAccounts;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * Every intent's answer and action through the public API as a logged-in customer (HTTP Basic with the portal
 * login), and the rule that nothing changes before the customer says yes.
 */
@AmityIntegrationTest
@RecordApplicationEvents
class AssistantIT {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;
    @Autowired
    AssistantService assistant;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    /** A fresh overdue borrower with a portal login of their own, so tests never disturb the demo customers. */
    private Api borrowerWithLogin(OverdueBorrower b) {
        users.create(b.customerNumber(), "demo-password", Set.of(Role.CUSTOMER), b.name(), UUID.fromString(b.customerId()), false);
        return new Api(port, b.customerNumber(), "demo-password");
    }

    private static Api.Response say(Api api, String text, String language) {
        Api.Response r = api.post("/api/v1/assistant/messages", language == null
                ? "{\"text\":" + Api.JSON.writeValueAsString(text) + "}"
                : "{\"text\":" + Api.JSON.writeValueAsString(text) + ",\"language\":\"" + language + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    private static boolean hasAction(Api.Response r, String type, String name) {
        for (JsonNode a : r.body().path("actions")) {
            if (a.path("type").asText().equals(type) && a.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aCustomerWhoIsNotOverdueHearsSoWithTheNextDueDateAndAmountFromTheLedger() {
        Api customer = Api.as(port, "DEMO-PAID-YESTERDAY");
        Api.Response r = say(customer, "我的贷款逾期了吗", "zh-CN");

        assertThat(r.text("intent")).isEqualTo("ACCOUNT_STATUS");
        assertThat(r.body().path("confidence").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(r.text("reply")).startsWith("您的贷款目前没有逾期，下一期 ").contains(" 应还 ").contains(" 元");
        assertThat(r.text("language")).isEqualTo("zh-Hans");
    }

    @Test
    void anOverdueCustomerHearsDaysPastDueAndTheOverdueAmountAndTheNextPaymentInEnglish() {
        OverdueBorrower b = OverdueBorrower.book(port);
        Api api = borrowerWithLogin(b);
        JsonNode d = Api.as(port, "admin").get("/api/v1/loans/" + b.loanId() + "/delinquency").body();

        Api.Response status = say(api, "am I overdue?", "en");
        assertThat(status.text("intent")).isEqualTo("ACCOUNT_STATUS");
        assertThat(status.text("reply")).contains(d.path("daysPastDue").asText() + " days past due")
                .contains(d.path("oldestUnpaidDueDate").asText());

        Api.Response next = say(api, "when is my next payment due", "en");
        assertThat(next.text("intent")).isEqualTo("NEXT_PAYMENT");
        assertThat(next.text("reply")).contains("The next instalment of your loan is due on").contains("CNY").contains("overdue");
    }

    @Test
    void traditionalChineseIsAnsweredInTraditionalCharacters() {
        Api.Response r = say(Api.as(port, "DEMO-PAID-YESTERDAY"), "我的貸款逾期了嗎", null);
        assertThat(r.text("intent")).isEqualTo("ACCOUNT_STATUS");
        assertThat(r.text("language")).isEqualTo("zh-Hant");
        assertThat(r.text("reply")).contains("您的貸款目前沒有逾期");
    }

    @Test
    void stopCallingMeProposesTheVoiceOptOutForCollectionAndRunsItOnlyAfterYes() {
        OverdueBorrower b = OverdueBorrower.book(port);
        Api api = borrowerWithLogin(b);
        Api admin = Api.as(port, "admin");

        Api.Response proposal = say(api, "别再给我打电话了", "zh-CN");
        assertThat(proposal.text("intent")).isEqualTo("STOP_CONTACT");
        assertThat(proposal.text("pending")).isEqualTo("OPT_OUT_VOICE_COLLECTION");
        assertThat(proposal.text("reply")).contains("短信提醒").contains("法律要求");
        assertThat(hasAction(proposal, "CONFIRM", "OPT_OUT_VOICE_COLLECTION")).isTrue();
        assertThat(admin.get("/api/v1/customers/" + b.customerId() + "/contact-preferences").raw()).doesNotContain("COLLECTION");

        Api.Response done = say(api, "确认", "zh-CN");
        assertThat(hasAction(done, "DONE", "OPT_OUT_VOICE_COLLECTION")).isTrue();
        JsonNode prefs = admin.get("/api/v1/customers/" + b.customerId() + "/contact-preferences").body();
        assertThat(prefs.path("optOuts").toString()).contains("\"channel\":\"VOICE\"").contains("\"purpose\":\"COLLECTION\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ASSISTANT_ACTION_CONFIRMED' AND after_state LIKE '%OPT_OUT_VOICE_COLLECTION%' AND entity_id = ?")
                .param(proposal.text("conversationId")).query(Long.class).single()).isEqualTo(1);

        // effective for the very next decision: a collection call is now refused, an SMS reminder is not affected by it
        Api.Response call = Api.as(port, "dialer").post("/api/v1/contact-decisions", """
                {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s"}"""
                .formatted(b.customerId(), b.loanId(), b.phone()));
        assertThat(call.raw()).contains("CHANNEL_OPTED_OUT");

        assertThat(say(api, "stop calling me", "en").text("reply")).contains("already opted out");
    }

    @Test
    void sayingNoCancelsAndABareYesWithNothingProposedChangesNothing() {
        OverdueBorrower b = OverdueBorrower.book(port);
        Api api = borrowerWithLogin(b);

        Api.Response yes = say(api, "yes", "en");
        assertThat(yes.text("intent")).isEqualTo("UNKNOWN");
        assertThat(yes.text("reply")).contains("nothing waiting");

        say(api, "stop calling me", "en");
        Api.Response no = say(api, "no", "en");
        assertThat(no.text("reply")).contains("not changed anything");
        Api.Response lateYes = say(api, "yes", "en");
        assertThat(lateYes.body().path("actions").toString()).doesNotContain("DONE");
        assertThat(Api.as(port, "admin").get("/api/v1/customers/" + b.customerId() + "/contact-preferences").raw())
                .doesNotContain("COLLECTION");
    }

    @Test
    void aComplaintIsHandedToTheComplaintsModuleAfterConfirmationWithItsConversationAsSource() {
        OverdueBorrower b = OverdueBorrower.book(port);
        UUID customer = UUID.fromString(b.customerId());
        AssistantReply proposal = assistant.reply(customer, "it:complaint:" + b.customerId(), "催收员态度太差了，我要投诉", "zh-CN",
                ComplaintChannel.PORTAL);
        assertThat(proposal.intent()).isEqualTo(Intent.FILE_COMPLAINT);
        assertThat(proposal.pending()).isEqualTo(PendingAction.FILE_COMPLAINT);
        assertThat(events.stream(ComplaintSubmitted.class)).isEmpty();

        AssistantReply done = assistant.reply(customer, "it:complaint:" + b.customerId(), "确认", "zh-CN", ComplaintChannel.PORTAL);

        assertThat(events.stream(ComplaintSubmitted.class)).singleElement().satisfies(e -> {
            assertThat(e.customerId()).isEqualTo(customer);
            assertThat(e.channel()).isEqualTo(ComplaintChannel.PORTAL);
            assertThat(e.description()).isEqualTo("催收员态度太差了，我要投诉");
            assertThat(e.source()).isEqualTo("assistant:" + proposal.conversationId() + ":" + proposal.turn());
        });
        assertThat(done.actions()).anySatisfy(a -> assertThat(a.href()).isEqualTo("/portal/complaints"));
    }

    @Test
    void disputingTheOverdueStatusExplainsHowItIsComputedAndOffersAPaymentClaimOrAComplaint() {
        OverdueBorrower b = OverdueBorrower.book(port);
        Api api = borrowerWithLogin(b);
        JsonNode d = Api.as(port, "admin").get("/api/v1/loans/" + b.loanId() + "/delinquency").body();

        Api.Response r = say(api, "我已经还款了为什么还显示逾期", "zh-CN");

        assertThat(r.text("intent")).isEqualTo("DISPUTE_OVERDUE");
        assertThat(r.text("reply")).contains("最早一期未还款的到期日是 " + d.path("oldestUnpaidDueDate").asText())
                .contains("已逾期 " + d.path("daysPastDue").asText() + " 天").contains("逾期天数从最早一期未还清款项的到期日起算");
        assertThat(hasAction(r, "LINK", "PAYMENT_CLAIM")).isTrue();
        assertThat(hasAction(r, "CONFIRM", "FILE_COMPLAINT")).isTrue();
        assertThat(say(api, "取消", "zh-CN").text("reply")).contains("没有做任何更改");
    }

    @Test
    void aCustomerWhoWantsAPersonGetsTheHotlineAndACallbackAgentsCanSee() {
        OverdueBorrower b = OverdueBorrower.book(port);
        Api api = borrowerWithLogin(b);

        Api.Response proposal = say(api, "转人工", "zh-CN");
        assertThat(proposal.text("intent")).isEqualTo("HUMAN_AGENT");
        assertThat(hasAction(proposal, "CALL", "HOTLINE")).isTrue();
        Api.Response done = say(api, "好的", "zh-CN");
        assertThat(done.text("reply")).contains("已预约回电").contains("****");

        assertThat(Api.as(port, "agent").get("/api/v1/assistant/callbacks").raw()).contains(b.customerId());
        assertThat(api.get("/api/v1/assistant/callbacks").status()).isEqualTo(403);
    }

    @Test
    void hardshipPreferencesPaymentAndApplicationQuestionsLeadToTheirPages() {
        Api api = Api.as(port, "DEMO-PAID-YESTERDAY");

        Api.Response hardship = say(api, "I lost my job and can't pay", "en");
        assertThat(hardship.text("intent")).isEqualTo("REQUEST_NEGOTIATION");
        assertThat(hasAction(hardship, "LINK", "HARDSHIP")).isTrue();
        assertThat(hardship.raw()).contains("/portal/hardship");

        Api.Response prefs = say(api, "我想改成短信通知", "zh-CN");
        assertThat(prefs.text("intent")).isEqualTo("CHANGE_PREFERENCES");
        assertThat(prefs.raw()).contains("/portal/preferences");

        Api.Response pay = say(api, "怎么还款", "zh-CN");
        assertThat(pay.text("intent")).isEqualTo("HOW_TO_PAY");
        assertThat(pay.text("reply")).contains("L-PAID-YESTERDAY");

        Api.Response progress = say(api, "我的申请进度怎么样", "zh-CN");
        assertThat(progress.text("intent")).isEqualTo("APPLICATION_PROGRESS");
        assertThat(progress.text("reply")).contains("APP-REVIEW-DEMO").contains("审核中").contains("不需要您做任何事");
        assertThat(progress.raw()).contains("/portal/applications");
    }

    @Test
    void aGreetingIsAnsweredAndGibberishGetsAQuestionNotAnAction() {
        Api api = Api.as(port, "DEMO-PAID-YESTERDAY");
        Api.Response hello = say(api, "你好", "zh-CN");
        assertThat(hello.text("intent")).isEqualTo("GREETING");
        assertThat(hello.text("reply")).contains("王芳");

        Api.Response unclear = say(api, "xyzzy plugh", "en");
        assertThat(unclear.text("intent")).isEqualTo("UNKNOWN");
        assertThat(unclear.body().path("pending").isNull() || unclear.body().path("pending").isMissingNode()).isTrue();
        assertThat(hasAction(unclear, "SUGGEST", "HUMAN_AGENT")).isTrue();

        Api.Response weather = say(api, "what's the weather like today", "en");
        assertThat(weather.text("intent")).isEqualTo("UNKNOWN");
        assertThat(weather.raw()).doesNotContain("CONFIRM");
    }

    @Test
    void classificationIsForAdminAndComplianceAndBadInputIsAClearError() {
        Api.Response r = Api.as(port, "compliance").post("/api/v1/assistant/classify", "{\"text\":\"停止催收電話\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("intent")).isEqualTo("STOP_CONTACT");
        assertThat(r.body().path("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(Api.as(port, "agent").post("/api/v1/assistant/classify", "{\"text\":\"hi\"}").status()).isEqualTo(403);
        assertThat(Api.as(port, "DEMO-PAID-YESTERDAY").post("/api/v1/assistant/classify", "{\"text\":\"hi\"}").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").post("/api/v1/assistant/messages", "{\"text\":\"hi\"}").status()).isEqualTo(403);

        Api.Response blank = Api.as(port, "DEMO-PAID-YESTERDAY").post("/api/v1/assistant/messages", "{\"text\":\"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text("code")).isEqualTo("TEXT_REQUIRED");
        Api.Response tooLong = Api.as(port, "DEMO-PAID-YESTERDAY").post("/api/v1/assistant/messages",
                "{\"text\":\"" + "a".repeat(501) + "\"}");
        assertThat(tooLong.text("code")).isEqualTo("TEXT_TOO_LONG");
        Api.Response badLanguage = Api.as(port, "DEMO-PAID-YESTERDAY").post("/api/v1/assistant/messages",
                "{\"text\":\"hi\",\"language\":\"fr\"}");
        assertThat(badLanguage.text("code")).isEqualTo("INVALID_ENUM_VALUE");
    }
}
