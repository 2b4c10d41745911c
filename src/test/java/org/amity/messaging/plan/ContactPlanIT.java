package org.amity.messaging.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.amity.contact.BatchDecisions;
import org.amity.contact.ContactChannel;
import org.amity.contact.ContactPurpose;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily contact plan end to end through the API: selection by the cadence (reminder offsets, ladder levels),
 * every candidate through the contact engine, the customer's preferred and then the least intrusive allowed channel,
 * messages queued, calls listed for the dialer, blocked contacts counted by reason, and a re-run of the same date
 * contacting nobody twice. The clock stands at 11:00 in Shanghai so CN customers are inside contact hours.
 */
@AmityIntegrationTest
class ContactPlanIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchDecisions batch;
    @Autowired
    TransactionTemplate tx;

    Api admin;
    Api supervisor;
    LocalDate today;
    String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36).toUpperCase();
    int phones = ThreadLocalRandom.current().nextInt(1000, 9000);

    @BeforeEach
    void elevenInTheMorningInShanghai() {
        admin = Api.as(port, "admin");
        supervisor = Api.as(port, "supervisor");
        LocalDate date = LocalDate.parse(admin.get("/api/v1/admin/clock").text("businessDate"));
        assertThat(admin.put("/api/v1/admin/clock", "{\"instant\":\"" + date + "T11:00:00+08:00\"}").status()).isEqualTo(200);
        today = date;
    }

    @AfterEach
    void resetClock() {
        admin.delete("/api/v1/admin/clock");
    }

    private String customer(String preferred, String... optOutChannels) {
        String suffix = run + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String phone = "+86139" + String.format("%08d", phones++ * 1000 + ThreadLocalRandom.current().nextInt(1000));
        Response c = admin.post("/api/v1/customers", """
                {"externalId":"C-PLAN-%s","name":"计划 %s","nationalId":"11010119900307%04d","language":"zh-CN",
                 "address":{"country":"CN","region":"上海市","city":"上海","line":"世纪大道 1 号","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"%s","verified":true,"owner":"SELF"},
                                  {"type":"EMAIL","value":"plan.%s@example.cn","verified":true,"owner":"SELF"}]}"""
                .formatted(suffix, suffix, ThreadLocalRandom.current().nextInt(10_000), phone, suffix.toLowerCase()));
        assertThat(c.status()).as(c.raw()).isEqualTo(201);
        String id = c.text("id");
        StringBuilder optOuts = new StringBuilder();
        for (String ch : optOutChannels) {
            optOuts.append(optOuts.isEmpty() ? "" : ",").append("{\"channel\":\"").append(ch).append("\",\"purpose\":\"COLLECTION\"}");
        }
        Response p = admin.put("/api/v1/customers/" + id + "/contact-preferences", """
                {"optOuts":[%s],"marketingOptIns":[],"preferredChannel":%s,"inconvenientTimes":[],"language":"zh-CN"}"""
                .formatted(optOuts, preferred == null ? "null" : "\"" + preferred + "\""));
        assertThat(p.status()).as(p.raw()).isEqualTo(200);
        return id;
    }

    /** A loan of two instalments, the first due on {@code firstDue}, so its days past due is today − firstDue. */
    private String loan(String customerId, LocalDate firstDue) {
        Response l = admin.post("/api/v1/loans", """
                {"externalId":"L-PLAN-%s-%d","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"2000.00",
                 "annualRate":"0.05","disbursedOn":"%s","graceDays":3,
                 "schedule":[{"dueDate":"%s","principal":"1000.00","interest":"8.00"},
                             {"dueDate":"%s","principal":"1000.00","interest":"4.00"}]}"""
                .formatted(run, ThreadLocalRandom.current().nextInt(1_000_000), customerId, firstDue.minusMonths(1), firstDue,
                        firstDue.plusMonths(1)));
        assertThat(l.status()).as(l.raw()).isEqualTo(201);
        return l.text("id");
    }

    private Response runPlan() {
        Response started = supervisor.post("/api/v1/contact-plan/runs", "{\"businessDate\":\"" + today + "\"}");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String id = started.text("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Response r = supervisor.get("/api/v1/contact-plan/runs/" + id);
            String status = r.body().path("run").path("status").asText();
            if (!status.equals("RUNNING")) {
                assertThat(status).as(r.raw()).isEqualTo("COMPLETED");
                return r;
            }
            sleep(200);
        }
        throw new AssertionError("the plan run did not finish in 90 s");
    }

    private Map<String, Object> item(String loanId, String purpose) {
        return jdbc.sql("SELECT status, channel, array_to_string(reasons, ',') AS reasons, level FROM contact_plan_item WHERE business_date = ? AND loan_id = ? AND purpose = ?")
                .params(today, UUID.fromString(loanId), purpose).query().listOfRows().stream().findFirst().orElse(null);
    }

    private long messages(String loanId) {
        return jdbc.sql("SELECT count(*) FROM message_outbox WHERE loan_id = ?").param(UUID.fromString(loanId)).query(Long.class).single();
    }

    @Test
    void selectsByTheCadenceAndQueuesThroughThePreferredThenLeastIntrusiveAllowedChannel() {
        String prefersEmail = customer("EMAIL");
        String noPreference = customer(null);
        String prefersVoice = customer("VOICE");
        String level1Email = loan(prefersEmail, today.minusDays(4));      // level 1 (SMS, PUSH, EMAIL): preferred EMAIL
        String level1Push = loan(noPreference, today.minusDays(4));       // level 1, no preference: PUSH, the least intrusive
        String level1NotVoice = loan(prefersVoice, today.minusDays(4));   // preferred VOICE is not a level-1 channel: PUSH
        String dpd5 = loan(noPreference, today.minusDays(5));             // 5 days past due: no level fires
        String reminder3 = loan(noPreference, today.plusDays(3));         // due in 3 days: reminder
        String reminder0 = loan(noPreference, today);                     // due today: reminder
        String reminder2 = loan(noPreference, today.plusDays(2));         // due in 2 days: not a reminder day
        String call = loan(noPreference, today.minusDays(10));            // level 3: VOICE only → dialer

        Response report = runPlan();

        assertThat(item(level1Email, "COLLECTION")).containsEntry("status", "PLANNED").containsEntry("channel", "EMAIL").containsEntry("level", 1);
        assertThat(item(level1Push, "COLLECTION")).containsEntry("status", "PLANNED").containsEntry("channel", "PUSH");
        assertThat(item(level1NotVoice, "COLLECTION")).containsEntry("status", "PLANNED").containsEntry("channel", "PUSH");
        assertThat(item(dpd5, "COLLECTION")).isNull();
        assertThat(item(reminder3, "REPAYMENT_REMINDER")).containsEntry("status", "PLANNED").containsEntry("channel", "PUSH");
        assertThat(item(reminder0, "REPAYMENT_REMINDER")).containsEntry("status", "PLANNED");
        assertThat(item(reminder2, "REPAYMENT_REMINDER")).isNull();
        assertThat(item(call, "COLLECTION")).containsEntry("status", "PLANNED").containsEntry("channel", "VOICE");

        Map<String, Object> queued = jdbc.sql("SELECT channel, destination, language, template_key, variables::text AS variables, idempotency_key FROM message_outbox WHERE loan_id = ?")
                .param(UUID.fromString(level1Email)).query().singleRow();
        assertThat(queued).containsEntry("channel", "EMAIL").containsEntry("language", "zh-CN").containsEntry("idempotency_key",
                "plan:" + today + ":" + level1Email + ":COLLECTION");
        assertThat((String) queued.get("destination")).endsWith("@example.cn");
        assertThat(queued.get("template_key")).isNull();
        assertThat((String) queued.get("variables")).contains("\"daysPastDue\": \"4\"", "\"amountDue\": \"1008.00\"", "\"currency\": \"CNY\"");
        // a message is written with the allowing, booked decision
        Map<String, Object> decision = jdbc.sql("SELECT d.allowed, d.reserved FROM contact_decision d JOIN message_outbox m ON m.decision_id = d.id WHERE m.loan_id = ?")
                .param(UUID.fromString(level1Email)).query().singleRow();
        assertThat(decision).containsEntry("allowed", true).containsEntry("reserved", true);
        // the call is listed, not booked: it is booked when dialled
        assertThat(messages(call)).isZero();
        assertThat(jdbc.sql("SELECT d.reserved FROM dialer_task t JOIN contact_decision d ON d.id = t.plan_decision_id WHERE t.loan_id = ?")
                .param(UUID.fromString(call)).query(Boolean.class).single()).isFalse();
        assertThat(report.body().path("run").path("report").path("queued").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void countsBlockedContactsByReasonAndSaysWhyInPlainWords() {
        String optedOut = customer(null, "PUSH", "SMS", "EMAIL");
        String complained = customer(null);
        String blockedLoan = loan(optedOut, today.minusDays(7));          // level 2: every allowed channel opted out
        String heldLoan = loan(complained, today.minusDays(10));          // level 3 call, complaint open
        assertThat(admin.post("/api/v1/customers/" + complained + "/contact-holds",
                "{\"type\":\"COMPLAINT_OPEN\",\"reason\":\"complaint about calls\"}").status()).isEqualTo(201);

        Response report = runPlan();

        assertThat(item(blockedLoan, "COLLECTION")).containsEntry("status", "BLOCKED").containsEntry("channel", "PUSH")
                .containsEntry("reasons", "CHANNEL_OPTED_OUT");
        assertThat(item(heldLoan, "COLLECTION")).containsEntry("status", "BLOCKED").containsEntry("channel", "VOICE")
                .containsEntry("reasons", "CONTACT_HOLD");
        assertThat(messages(blockedLoan)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM dialer_task WHERE loan_id = ?").param(UUID.fromString(heldLoan)).query(Long.class).single()).isZero();

        List<String> english = new java.util.ArrayList<>();
        report.body().path("summary").forEach(s -> english.add(s.asText()));
        assertThat(english).anyMatch(s -> s.matches("[\\d,]+ collection app notifications not sent because the customer opted out of that channel"));
        assertThat(english).anyMatch(s -> s.matches("[\\d,]+ collection calls not made because contact is on hold .*"));
        Response chinese = new Api(port, "supervisor", "demo").send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/contact-plan/runs/" + report.body().path("run").path("id").asText()))
                .header("Accept-Language", "zh-CN").GET());
        List<String> zh = new java.util.ArrayList<>();
        chinese.body().path("summary").forEach(s -> zh.add(s.asText()));
        assertThat(zh).anyMatch(s -> s.matches("因联系已暂停（投诉、争议、停止联系请求或还款安排），未拨打 [\\d,]+ 通催收电话"));
    }

    @Test
    void aPaidUpCustomerIsNotCalledEvenWhenSelectedBeforeTheyPaid() {
        // The engine reads the ledger at decision time: a loan selected while overdue and paid a moment later is refused.
        String customer = customer(null);
        String loanId = loan(customer, today.minusDays(10));
        Response paid = admin.post("/api/v1/loans/" + loanId + "/payments", "{\"amount\":\"1008.00\",\"reference\":\"PLAN-PAID-" + run + "\"}");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("it", null, List.of()));
        try {
            List<BatchDecisions.Result> results = tx.execute(s -> batch.decide(List.of(new BatchDecisions.Candidate(UUID.fromString(customer),
                    UUID.fromString(loanId), ContactPurpose.COLLECTION, List.of(ContactChannel.VOICE), java.util.Set.of(), null))));
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.decision().allowed()).isFalse();
                assertThat(r.decision().reasons()).extracting(reason -> reason.code()).containsExactly("NOT_OVERDUE");
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
        // and the plan does not select it at all: its snapshot is taken at the start of the run
        runPlan();
        assertThat(item(loanId, "COLLECTION")).isNull();
    }

    @Test
    void reRunningTheSameDateContactsNobodyTwice() {
        String customer = customer(null);
        String collect = loan(customer, today.minusDays(4));
        String call = loan(customer(null), today.minusDays(10));
        runPlan();
        long decisionsBefore = jdbc.sql("SELECT count(*) FROM contact_decision WHERE loan_id IN (?, ?)")
                .params(UUID.fromString(collect), UUID.fromString(call)).query(Long.class).single();

        Response second = runPlan();

        assertThat(messages(collect)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM dialer_task WHERE loan_id = ?").param(UUID.fromString(call)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM contact_decision WHERE loan_id IN (?, ?)")
                .params(UUID.fromString(collect), UUID.fromString(call)).query(Long.class).single()).isEqualTo(decisionsBefore);
        assertThat(second.body().path("run").path("report").path("alreadyPlanned").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(second.body().path("summary").toString()).contains("already");
    }

    @Test
    void theDialerListsClaimsAndRecordsTheOutcomeOfThePlannedCall() {
        String customer = customer(null);
        String call = loan(customer, today.minusDays(10));
        runPlan();
        Api agent = Api.as(port, "agent");
        Response asAgent = agent.get("/api/v1/dialer/tasks?date=" + today);
        assertThat(asAgent.status()).as(asAgent.raw()).isEqualTo(200);
        var task = java.util.stream.StreamSupport.stream(asAgent.body().spliterator(), false)
                .filter(t -> t.path("loanId").asText().equals(call)).findFirst().orElseThrow();
        assertThat(task.path("destination").asText()).contains("*");
        assertThat(task.path("status").asText()).isEqualTo("OPEN");
        String taskId = task.path("id").asText();
        Response asDialer = Api.as(port, "dialer").get("/api/v1/dialer/tasks?date=" + today);
        assertThat(asDialer.raw()).contains(taskId);
        var full = java.util.stream.StreamSupport.stream(asDialer.body().spliterator(), false)
                .filter(t -> t.path("id").asText().equals(taskId)).findFirst().orElseThrow();
        assertThat(full.path("destination").asText()).startsWith("+86139").doesNotContain("*");

        Response csv = agent.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/api/v1/dialer/tasks.csv?date=" + today)).GET());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).startsWith("task_id,business_date,status,purpose,level,customer_id,loan_id,loan_number,days_past_due")
                .contains(taskId).doesNotContain(full.path("destination").asText());
        assertThat(Api.as(port, "compliance").get("/api/v1/dialer/tasks?date=" + today).status()).isEqualTo(403);

        Response claim = agent.post("/api/v1/dialer/tasks/" + taskId + "/claim", "");
        assertThat(claim.status()).as(claim.raw()).isEqualTo(200);
        assertThat(claim.body().path("allowed").asBoolean()).isTrue();
        assertThat(claim.text("destination")).isEqualTo(full.path("destination").asText());
        String decisionId = claim.body().path("task").path("decisionId").asText();
        assertThat(admin.get("/api/v1/contact-decisions/" + decisionId).body().path("reserved").asBoolean()).isTrue();
        assertThat(supervisor.post("/api/v1/dialer/tasks/" + taskId + "/claim", "").text("code")).isEqualTo("DIALER_TASK_NOT_OPEN");

        Response outcome = agent.post("/api/v1/dialer/tasks/" + taskId + "/outcome", "{\"outcome\":\"RIGHT_PARTY_CONVERSATION\"}");
        assertThat(outcome.status()).as(outcome.raw()).isEqualTo(200);
        assertThat(outcome.text("status")).isEqualTo("DONE");
        assertThat(admin.get("/api/v1/contact-decisions/" + decisionId).text("outcome")).isEqualTo("RIGHT_PARTY_CONVERSATION");
    }

    @Test
    void aCustomerWhoPaysAfterThePlanIsNotCalledWhenTheTaskIsClaimed() {
        String customer = customer(null);
        String call = loan(customer, today.minusDays(10));
        runPlan();
        String taskId = jdbc.sql("SELECT id FROM dialer_task WHERE loan_id = ?").param(UUID.fromString(call)).query(UUID.class).single().toString();
        assertThat(admin.post("/api/v1/loans/" + call + "/payments", "{\"amount\":\"1008.00\",\"reference\":\"PLAN-LATE-" + run + "\"}")
                .status()).isEqualTo(201);

        Response claim = Api.as(port, "dialer").post("/api/v1/dialer/tasks/" + taskId + "/claim", "");

        assertThat(claim.status()).as(claim.raw()).isEqualTo(200);
        assertThat(claim.body().path("allowed").asBoolean()).isFalse();
        assertThat(claim.body().path("reasons").get(0).path("code").asText()).isEqualTo("NOT_OVERDUE");
        assertThat(claim.body().path("destination").isNull()).isTrue();
        assertThat(claim.body().path("task").path("status").asText()).isEqualTo("BLOCKED");
        assertThat(Api.as(port, "dialer").post("/api/v1/dialer/tasks/" + taskId + "/outcome", "{\"outcome\":\"NO_ANSWER\"}").text("code"))
                .isEqualTo("DIALER_TASK_NOT_CLAIMED");
    }

    @Test
    void onlyComplianceOrAnAdministratorChangesTheCadenceAndABadOneIsRefusedWithItsPath() {
        String bad = "{\"yaml\":\"version: x\\nsource: s\\nreminders: {daysBefore: [3], channels: [SMS]}\\ncollection: [{level: 1, name: a, daysPastDue: 0, channels: [SMS]}]\"}";
        Response refused = Api.as(port, "compliance").post("/api/v1/contact-plan/cadence", bad);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("INVALID_CADENCE");
        assertThat(refused.text("detail")).startsWith("collection[0].daysPastDue");
        assertThat(supervisor.post("/api/v1/contact-plan/cadence", bad).status()).isEqualTo(403);
        assertThat(supervisor.get("/api/v1/contact-plan/cadence").body().get(0).path("version").asText()).isNotBlank();
    }

    @Test
    void theDailyCallCapCountsTheCallsThePlanLists() {
        // house rule: at most 2 voice calls per customer per local day, all purposes (contact/house.yaml DAILY_CAP)
        String customer = customer(null);
        List<String> loans = List.of(loan(customer, today.minusDays(10)), loan(customer, today.minusDays(10)), loan(customer, today.minusDays(10)));

        runPlan();

        List<Map<String, Object>> items = loans.stream().map(l -> item(l, "COLLECTION")).toList();
        assertThat(items).filteredOn(i -> "PLANNED".equals(i.get("status"))).hasSize(2);
        assertThat(items).filteredOn(i -> "BLOCKED".equals(i.get("status"))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("reasons", "DAILY_CAP"));
    }

    @Test
    void refusesAnotherDayAndASecondRunOfTheSameDateWhileOneIsRunning() {
        Response other = supervisor.post("/api/v1/contact-plan/runs", "{\"businessDate\":\"" + today.plusDays(1) + "\"}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.text("code")).isEqualTo("PLAN_DATE_NOT_TODAY");
        assertThat(Api.as(port, "agent").post("/api/v1/contact-plan/runs", "{}").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/v1/contact-plan/runs/" + UUID.randomUUID()).text("code")).isEqualTo("PLAN_RUN_NOT_FOUND");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
