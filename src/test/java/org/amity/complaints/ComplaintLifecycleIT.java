package org.amity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.amity.contact.ContactHoldRequested;
import org.amity.contact.ContactHoldService;
import org.amity.messaging.Notice;
import org.amity.messaging.NotificationRequested;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** A case from intake to the regulator and back, with the guards that keep it honest, through the API. */
@AmityIntegrationTest
@RecordApplicationEvents
class ComplaintLifecycleIT {

    @LocalServerPort
    int port;
    @Autowired
    ComplaintService complaints;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ContactHoldService holds;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.amity.complaints.internal.CaseFileExport export;

    private Response post(String user, String path, String json) {
        return Api.as(port, user).post(path, json);
    }

    @Test
    void rejectedReReviewedMediatedEscalatedAndClosedWithEveryGuardHolding() {
        OverdueBorrower b = OverdueBorrower.book(port);
        String id = ComplaintFixtures.openId(port, b, "一天打了十几个催收电话，严重影响我工作");
        String c = "/api/v1/complaints/" + id;

        Response early = post("agent", c + "/resolution/answer", "{\"accept\":true}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("ILLEGAL_TRANSITION");

        assertThat(post("agent", c + "/acknowledge", "{}").text("status")).isEqualTo("IN_REVIEW");
        Response routed = post("agent", c + "/tasks", "{\"department\":\"collections\",\"instruction\":\"Pull the dialer logs for last week\"}");
        assertThat(routed.status()).as(routed.raw()).isEqualTo(201);
        assertThat(post("agent", c + "/notes", "{\"department\":\"COLLECTIONS\",\"body\":\"14 attempts on 11-18, cap breached by the old dialer\"}").status()).isEqualTo(201);
        assertThat(Api.as(port, "supervisor").get(c + "/notes").raw()).as("notes visible to every department").contains("14 attempts");
        assertThat(post("agent", c + "/tasks", "{\"department\":\"MARKETING\",\"instruction\":\"x\"}").text("code")).isEqualTo("UNKNOWN_DEPARTMENT");

        // above the CNY 2000 four-eyes threshold: the proposer cannot approve it
        Response proposed = post("supervisor", c + "/resolution", "{\"summary\":\"Apology and goodwill credit\",\"amount\":\"2500.00\"}");
        assertThat(proposed.text("status")).as(proposed.raw()).isEqualTo("AWAITING_APPROVAL");
        assertThat(post("supervisor", c + "/resolution/approve", "{}").text("code")).isEqualTo("FOUR_EYES");
        assertThat(post("agent", c + "/resolution/approve", "{}").status()).as("agents do not approve").isEqualTo(403);
        assertThat(post("admin", c + "/resolution/approve", "{}").text("status")).isEqualTo("RESOLUTION_PROPOSED");

        Response rejected = post("agent", c + "/resolution/answer", "{\"accept\":false,\"reason\":\"Not enough\"}");
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(post("supervisor", c + "/re-review", "{}").text("code")).isEqualTo("SAME_REVIEWER");
        assertThat(post("supervisor", c + "/mediation", "{\"organisation\":\"x\",\"reference\":\"y\"}").text("code")).isEqualTo("RE_REVIEW_FIRST");
        assertThat(post("agent", c + "/re-review", "{}").text("status")).isEqualTo("RE_REVIEW");
        assertThat(post("agent", c + "/resolution", "{\"summary\":\"Apology, fee refund and call cap fixed\",\"amount\":\"300\"}").text("status"))
                .isEqualTo("RESOLUTION_PROPOSED");
        assertThat(post("agent", c + "/resolution/answer", "{\"accept\":false,\"reason\":\"Still not enough\"}").text("status")).isEqualTo("REJECTED");

        Response mediation = post("compliance", c + "/mediation", "{\"organisation\":\"上海银行业纠纷调解中心\",\"reference\":\"TJ-2026-118\"}");
        assertThat(mediation.text("status")).as(mediation.raw()).isEqualTo("MEDIATION");
        assertThat(post("compliance", c + "/mediation/outcome", "{\"outcome\":\"No agreement\",\"settled\":false}").text("status")).isEqualTo("MEDIATION");
        Response regulator = post("compliance", c + "/regulator", "{\"reference\":\"NFRA-SH-2026-0042\",\"deadline\":\"2027-01-15T10:00:00Z\"}");
        assertThat(regulator.text("status")).isEqualTo("REGULATOR");
        assertThat(post("agent", c + "/survey", "{\"rating\":5}").text("code")).isEqualTo("CASE_NOT_CLOSED");
        Response closed = post("compliance", c + "/regulator/outcome", "{\"outcome\":\"Bank to refund fees; no further action\"}");
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(closed.text("resolvedAt")).isNotBlank();
        assertThat(holds.holdsOf(UUID.fromString(b.customerId()))).filteredOn(h -> h.source().equals("complaint:" + id))
                .singleElement().satisfies(h -> assertThat(h.liftedAt()).as("hold lifted on resolution").isNotNull());
        assertThat(post("agent", c + "/survey", "{\"rating\":6}").text("code")).isEqualTo("INVALID_RATING");
        assertThat(post("agent", c + "/survey", "{\"rating\":4,\"comment\":\"slow but fair\"}").body().path("surveyRating").asInt()).isEqualTo(4);

        String timeline = Api.as(port, "compliance").get(c + "/timeline").raw();
        assertThat(timeline).contains("RESOLUTION_APPROVED", "RE_REVIEW_STARTED", "MEDIATION_REFERRED", "REGULATOR_ESCALATED",
                "CLOSED", "COMPLAINT_SURVEY", "SURVEY_ANSWERED");
        String audit = Api.as(port, "compliance").get("/api/v1/audit/events?entityType=Complaint&entityId=" + id).raw();
        assertThat(audit).contains("COMPLAINT_RESOLUTION_APPROVED", "COMPLAINT_REFERRED_TO_MEDIATION", "COMPLAINT_ESCALATED_TO_REGULATOR");

        Response pdf = Api.as(port, "compliance").get(c + "/case-file.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.raw().getBytes(StandardCharsets.ISO_8859_1).length).isGreaterThan(1000);
        assertThat(pdf.raw()).startsWith("%PDF-");
        if (export.fontPath() != null) {
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(export.pdf(UUID.fromString(id)))) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                assertThat(text).as("Chinese text is readable in the case file").contains("投诉案卷", "上海银行业纠纷调解中心",
                        "NFRA-SH-2026-0042", "RESOLUTION_APPROVED");
                if (export.fontPath().contains("wqy-microhei")) {
                    assertThat(doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next()).getName())
                            .contains("WenQuanYi");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(Api.as(port, "agent").get(c + "/case-file.pdf").status()).isEqualTo(403);
    }

    @Autowired
    org.amity.complaints.internal.SlaWatch slaWatch;

    @Test
    void theDeadlineWarningsAndTheBreachAreRecordedOnceOnTheTimeline() {
        OverdueBorrower b = OverdueBorrower.book(port);
        String id = ComplaintFixtures.openId(port, b, "App一直登录不上，还款页面报错");
        Instant resolveBy = Instant.parse(Api.as(port, "agent").get("/api/v1/complaints/" + id).text("resolveBy"));
        Instant receivedAt = Instant.parse(Api.as(port, "agent").get("/api/v1/complaints/" + id).text("receivedAt"));
        Instant at80 = receivedAt.plus(java.time.Duration.between(receivedAt, resolveBy).multipliedBy(8).dividedBy(10));
        slaWatch.run(at80);
        slaWatch.run(at80);
        String timeline = Api.as(port, "agent").get("/api/v1/complaints/" + id + "/timeline").raw();
        assertThat(timeline.split("SLA_WARNING_75", -1)).as("once").hasSize(2);
        assertThat(timeline).doesNotContain("SLA_WARNING_90", "SLA_BREACHED");
        slaWatch.run(resolveBy.plusSeconds(60));
        assertThat(Api.as(port, "agent").get("/api/v1/complaints/" + id + "/timeline").raw()).contains("SLA_WARNING_90", "SLA_BREACHED");
    }

    @Test
    void onlyASupervisorExtendsTheDeadlineOnceWithAReason() {
        OverdueBorrower b = OverdueBorrower.book(port);
        String id = ComplaintFixtures.openId(port, b, "利息和合同约定的不一样，多收了费用");
        String c = "/api/v1/complaints/" + id;
        Instant before = Instant.parse(Api.as(port, "agent").get(c).text("resolveBy"));
        assertThat(post("agent", c + "/extension", "{\"reason\":\"complex\"}").status()).isEqualTo(403);
        assertThat(post("supervisor", c + "/extension", "{}").text("code")).isEqualTo("FIELD_REQUIRED");
        Response extended = post("supervisor", c + "/extension", "{\"reason\":\"需要调取三年的利息计算记录\"}");
        assertThat(Instant.parse(extended.text("resolveBy"))).isAfter(before.plusSeconds(14 * 86_400));
        assertThat(post("supervisor", c + "/extension", "{\"reason\":\"again\"}").text("code")).isEqualTo("ALREADY_EXTENDED");
    }

    @Test
    void anAgentsCategoryCorrectionIsAuditedAndBecomesTrainingData() {
        OverdueBorrower b = OverdueBorrower.book(port);
        String text = "Zebra crossings outside your branch are unsafe " + UUID.randomUUID();
        String id = ComplaintFixtures.openId(port, b, text);
        Response corrected = Api.as(port, "agent").put("/api/v1/complaints/" + id + "/category", "{\"category\":\"SERVICE_QUALITY\",\"reason\":\"branch safety\"}");
        assertThat(corrected.text("category")).as(corrected.raw()).isEqualTo("SERVICE_QUALITY");
        assertThat(Api.as(port, "compliance").get("/api/v1/audit/events?entityType=Complaint&entityId=" + id).raw()).contains("COMPLAINT_CATEGORY_CORRECTED");
        Response refreshed = post("supervisor", "/api/v1/complaints/triage/refresh", "{}");
        assertThat(refreshed.body().path("examples").asInt()).isGreaterThan(100);
        assertThat(post("agent", "/api/v1/complaints/triage", "{\"text\":\"" + text + "\"}").text("category")).isEqualTo("SERVICE_QUALITY");
    }

    @Test
    void aSubmittedComplaintOpensOneCasePerSourceAndAsksForTheAcknowledgement() {
        OverdueBorrower b = OverdueBorrower.book(port);
        String source = "assistant:" + UUID.randomUUID();
        ComplaintSubmitted submitted = new ComplaintSubmitted(UUID.fromString(b.customerId()), UUID.fromString(b.loanId()),
                ComplaintChannel.APP, "有人冒充律师说要起诉我并上门", Instant.now(), source);
        tx.executeWithoutResult(s -> publisher.publishEvent(submitted));
        tx.executeWithoutResult(s -> publisher.publishEvent(submitted));
        assertThat(complaints.ofCustomer(UUID.fromString(b.customerId()))).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(source);
            assertThat(c.category()).isEqualTo(ComplaintCategory.VISIT_OR_LEGAL_THREAT);
        });
        assertThat(events.stream(NotificationRequested.class))
                .anySatisfy(n -> {
                    assertThat(n.notice()).isEqualTo(Notice.COMPLAINT_ACKNOWLEDGED);
                    assertThat(n.customerId()).isEqualTo(UUID.fromString(b.customerId()));
                });
        assertThat(events.stream(ContactHoldRequested.class)).anySatisfy(h -> assertThat(h.customerId()).isEqualTo(UUID.fromString(b.customerId())));
        assertThat(events.stream(ComplaintOpened.class)).anySatisfy(o -> assertThat(o.customerId()).isEqualTo(UUID.fromString(b.customerId())));
    }
}
