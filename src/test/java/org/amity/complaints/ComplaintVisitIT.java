package org.amity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.amity.complaints.internal.StoredCalendars;
import org.amity.messaging.ClaimEvidence;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Consented home-verification visits: announced, at the registered address, in hours, through the contact engine. */
@AmityIntegrationTest
class ComplaintVisitIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    StoredCalendars calendars;
    @Autowired
    HomeVisits visits;

    @AfterEach
    void resetClock() {
        Api.as(port, "admin").delete("/api/v1/admin/clock");
    }

    /** 10:00 in Shanghai on the first working day at least {@code days} days after the business date. */
    private Instant slot(int days, int hour) {
        LocalDate day = LocalDate.parse(Api.as(port, "admin").get("/api/v1/admin/clock").text("businessDate")).plusDays(days);
        while (!calendars.isWorkingDay("CN", day)) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(hour, 0)).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aVisitIsProposedAheadConsentedAndStartedOnlyThroughTheEngine() {
        OverdueBorrower b = OverdueBorrower.book(port);
        String id = ComplaintFixtures.openId(port, b, "我已经还清了，你们还说我逾期，要求核实");
        String c = "/api/v1/complaints/" + id;
        Api agent = Api.as(port, "agent");

        Response tooSoon = agent.post(c + "/visits", "{\"slots\":[\"%s\"],\"officers\":[\"field\"]}".formatted(Instant.now().plusSeconds(3600)));
        assertThat(tooSoon.text("code")).as(tooSoon.raw()).isEqualTo("NOTICE_TOO_SHORT");
        Response night = agent.post(c + "/visits", "{\"slots\":[\"%s\"],\"officers\":[\"field\"]}".formatted(slot(4, 20)));
        assertThat(night.text("code")).isEqualTo("OUTSIDE_VISIT_HOURS");
        Response notOfficer = agent.post(c + "/visits", "{\"slots\":[\"%s\"],\"officers\":[\"agent\"]}".formatted(slot(4, 10)));
        assertThat(notOfficer.text("code")).isEqualTo("NOT_A_FIELD_OFFICER");

        Instant first = slot(4, 10);
        Instant second = slot(5, 14);
        Response proposed = agent.post(c + "/visits", "{\"slots\":[\"%s\",\"%s\"],\"officers\":[\"field\"]}".formatted(first, second));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
        assertThat(proposed.body().get(0).path("address").asText()).as("the registered address").contains("浦东新区世纪大道 100 号");
        assertThat(agent.get(c + "/timeline").raw()).contains("COMPLAINT_VISIT_PROPOSED");
        assertThat(visits.supports(UUID.fromString(b.loanId()), ClaimEvidence.Claim.HOME_VISIT, Instant.now())).isTrue();
        assertThat(visits.supports(UUID.randomUUID(), ClaimEvidence.Claim.HOME_VISIT, Instant.now())).isFalse();

        String chosen = proposed.body().get(0).path("id").asText();
        Response consent = agent.post(c + "/visits/answer", "{\"visitId\":\"%s\",\"answer\":\"CONSENT\"}".formatted(chosen));
        assertThat(consent.status()).as(consent.raw()).isEqualTo(200);
        Api field = Api.as(port, "field");
        assertThat(field.post("/api/v1/visits/" + chosen + "/start", "{}").text("code")).as("not yet").isEqualTo("OUTSIDE_CONSENTED_SLOT");

        Api.as(port, "admin").put("/api/v1/admin/clock", "{\"instant\":\"%s\"}".formatted(first.plusSeconds(300)));
        Response started = field.post("/api/v1/visits/" + chosen + "/start", "{}");
        assertThat(started.text("status")).as(started.raw()).isEqualTo("IN_PROGRESS");
        String decisionId = started.text("decisionId");
        Response decision = Api.as(port, "compliance").get("/api/v1/contact-decisions/" + decisionId);
        assertThat(decision.text("channel")).isEqualTo("VISIT");
        assertThat(decision.body().path("reserved").asBoolean()).isTrue();
        Response recorded = field.post("/api/v1/visits/" + chosen + "/record",
                "{\"findings\":\"Customer showed bank receipts; payment on time\",\"acknowledgement\":\"本人确认 李\",\"customerMet\":true}");
        assertThat(recorded.text("status")).as(recorded.raw()).isEqualTo("DONE");
        assertThat(Api.as(port, "compliance").get("/api/v1/contact-decisions/" + decisionId).text("outcome")).isEqualTo("RIGHT_PARTY_CONVERSATION");
        assertThat(agent.get(c + "/timeline").raw()).contains("VISIT_CONSENTED", "VISIT_STARTED", "VISIT_RECORDED");
    }

    @Test
    void aRefusalOffersAnAlternativeAndTheDeadlineKeepsRunning() {
        OverdueBorrower b = OverdueBorrower.book(port);
        String id = ComplaintFixtures.openId(port, b, "催收电话太频繁了，一个小时打了五次");
        String c = "/api/v1/complaints/" + id;
        Api agent = Api.as(port, "agent");
        String resolveBy = agent.get(c).text("resolveBy");
        assertThat(agent.post(c + "/visits", "{\"slots\":[\"%s\"],\"officers\":[\"field\"]}".formatted(slot(4, 11))).status()).isEqualTo(201);
        Response noAlternative = agent.post(c + "/visits/answer", "{\"answer\":\"REFUSE\"}");
        assertThat(noAlternative.text("code")).isEqualTo("ALTERNATIVE_REQUIRED");
        assertThat(noAlternative.raw()).contains("VIDEO_CALL", "BRANCH_APPOINTMENT", "PHONE");
        Response refused = agent.post(c + "/visits/answer", "{\"answer\":\"REFUSE\",\"alternative\":\"VIDEO_CALL\"}");
        assertThat(refused.body().get(0).path("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.body().get(0).path("alternative").asText()).isEqualTo("VIDEO_CALL");
        assertThat(agent.get(c).text("resolveBy")).isEqualTo(resolveBy);
        assertThat(agent.get(c).text("status")).isEqualTo("OPEN");
        assertThat(visits.supports(UUID.fromString(b.loanId()), ClaimEvidence.Claim.HOME_VISIT, Instant.now())).as("no visit planned any more").isFalse();
    }

    @Test
    void aHighSeverityCaseNeedsTwoFieldOfficers() {
        OverdueBorrower b = OverdueBorrower.book(port);
        String id = ComplaintFixtures.openId(port, b, "你们打电话给我的同事和领导说我欠钱");
        Response one = Api.as(port, "agent").post("/api/v1/complaints/" + id + "/visits",
                "{\"slots\":[\"%s\"],\"officers\":[\"field\"]}".formatted(slot(4, 10)));
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.text("code")).isEqualTo("OFFICERS_REQUIRED");
    }
}
