package org.amity.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.amity.identity.UserAccounts;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The arrangement API as an integrator, an agent, a supervisor and a customer use it. */
@AmityIntegrationTest
class ArrangementApiIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    /** Every event published while a test runs (on any thread), to check what other modules are told. */
    private final List<Object> published = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> recorder = e -> {
        if (e instanceof org.springframework.context.PayloadApplicationEvent<?> p) {
            published.add(p.getPayload());
        }
    };

    @org.junit.jupiter.api.BeforeEach
    void recordEvents() {
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void resetClock() {
        context.getBean(org.springframework.context.event.ApplicationEventMulticaster.class).removeApplicationListener(recorder);
        Api.as(port, "admin").delete("/api/v1/admin/clock");
    }

    private <T> List<T> events(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Api customer(OverdueBorrower b) {
        return Api.as(port, b.customerNumber());
    }

    private static JsonNode option(JsonNode quote, String type) {
        return StreamSupport.stream(quote.path("options").spliterator(), false).filter(o -> o.path("type").asText().equals(type))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + quote));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void aQuoteAnswersExactlyTheDocumentedShapeWithMoneyAsDecimalStrings() {
        OverdueBorrower b = Borrowers.withLogin(port, accounts);
        Api.Response r = customer(b).post("/api/v1/arrangements/quotes", Borrowers.hardship(b.loanId(), "9000.00", "4000.00"));

        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(fields(r.body())).containsExactly("quoteId", "options", "notOffered", "policyVersion");
        assertThat(r.text("policyVersion")).isEqualTo("2026.11-1");
        assertThat(r.body().path("options").size()).isPositive();
        for (JsonNode o : r.body().path("options")) {
            assertThat(fields(o)).containsExactly("optionId", "type", "termMonths", "monthlyPayment", "totalPayable", "waivedAmount",
                    "affordable", "schedule");
            assertThat(o.path("monthlyPayment").isString()).isTrue();
            assertThat(o.path("totalPayable").asText()).matches("\\d+\\.\\d{2}");
            assertThat(o.path("schedule").size()).isEqualTo(o.path("termMonths").asInt());
        }
        for (JsonNode n : r.body().path("notOffered")) {
            assertThat(fields(n)).containsExactly("type", "reason");
        }
        // the instalment plan re-amortises the whole balance: 12 months of 1032.80 less 500.00 paid, plus arrears interest
        JsonNode plan = option(r.body(), "INSTALMENT_PLAN");
        assertThat(plan.path("affordable").asBoolean()).isTrue();
    }

    @Test
    void twoCustomersWithTheSameFactsGetTheSameOptionsWhoeverTheyAre() {
        // two different people (names, national ids, phones, customer numbers), the same loan, payments and hardship
        OverdueBorrower first = Borrowers.withLogin(port, accounts);
        OverdueBorrower second = Borrowers.withLogin(port, accounts);
        Api.Response a = customer(first).post("/api/v1/arrangements/quotes", Borrowers.hardship(first.loanId(), "7300.00", "4100.00"));
        Api.Response b = Api.as(port, "agent").post("/api/v1/arrangements/quotes", Borrowers.hardship(second.loanId(), "7300.00", "4100.00"));
        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(a.text("quoteId")).isNotEqualTo(b.text("quoteId"));
        assertThat(a.body().path("options")).isEqualTo(b.body().path("options"));
        assertThat(a.body().path("notOffered")).isEqualTo(b.body().path("notOffered"));
        assertThat(a.text("policyVersion")).isEqualTo(b.text("policyVersion"));
    }

    @ParameterizedTest(name = "{2} on {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"hardship\":{\"reason\":\"INCOME_LOSS\",\"monthlyIncome\":\"1\",\"monthlyEssentialExpenses\":\"1\",\"dependants\":0}}|loanId|FIELD_REQUIRED",
            "{\"loanId\":\"LOAN\"}|hardship|FIELD_REQUIRED",
            "{\"loanId\":\"LOAN\",\"hardship\":{\"reason\":\"BORED\",\"monthlyIncome\":\"1\",\"monthlyEssentialExpenses\":\"1\",\"dependants\":0}}|hardship.reason|INVALID_HARDSHIP_REASON",
            "{\"loanId\":\"LOAN\",\"hardship\":{\"reason\":\"ILLNESS\",\"monthlyIncome\":\"-5\",\"monthlyEssentialExpenses\":\"1\",\"dependants\":0}}|hardship.monthlyIncome|INVALID_AMOUNT",
            "{\"loanId\":\"LOAN\",\"hardship\":{\"reason\":\"ILLNESS\",\"monthlyIncome\":\"5\",\"monthlyEssentialExpenses\":\"1.005\",\"dependants\":0}}|hardship.monthlyEssentialExpenses|INVALID_AMOUNT",
            "{\"loanId\":\"LOAN\",\"hardship\":{\"reason\":\"ILLNESS\",\"monthlyIncome\":\"5\",\"monthlyEssentialExpenses\":\"1\"}}|hardship.dependants|FIELD_REQUIRED",
            "{\"loanId\":\"LOAN\",\"hardship\":{\"reason\":\"ILLNESS\",\"monthlyIncome\":\"5\",\"monthlyEssentialExpenses\":\"1\",\"dependants\":-1}}|hardship.dependants|INVALID_DEPENDANTS",
    })
    void badQuoteRequestsAreProblemsNamingTheFieldAndStoreNothing(String body, String field, String code) {
        OverdueBorrower b = OverdueBorrower.book(port);
        Api agent = Api.as(port, "agent");
        Api.Response r = agent.post("/api/v1/arrangements/quotes", body.replace("LOAN", b.loanId()));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("code")).isEqualTo(code);
        assertThat(r.text("field")).isEqualTo(field);
        assertThat(agent.get("/api/v1/arrangements?customerId=" + b.customerId()).body().size()).isZero();
    }

    @Test
    void aCustomerCanNeitherQuoteNorChooseNorReadAnotherCustomersLoanOrArrangement() {
        OverdueBorrower owner = Borrowers.withLogin(port, accounts);
        OverdueBorrower other = Borrowers.withLogin(port, accounts);
        Api.Response quote = customer(owner).post("/api/v1/arrangements/quotes", Borrowers.hardship(owner.loanId(), "9000.00", "4000.00"));
        String quoteId = quote.text("quoteId");
        Api.Response chosen = customer(owner).post("/api/v1/arrangements",
                "{\"quoteId\":\"%s\",\"optionId\":\"%s\"}".formatted(quoteId, option(quote.body(), "INSTALMENT_PLAN").path("optionId").asText()));
        assertThat(chosen.status()).as(chosen.raw()).isEqualTo(201);
        String id = chosen.text("id");

        Api intruder = customer(other);
        assertThat(intruder.post("/api/v1/arrangements/quotes", Borrowers.hardship(owner.loanId(), "9000.00", "4000.00")).status()).isEqualTo(404);
        assertThat(intruder.get("/api/v1/arrangements/quotes/" + quoteId).status()).isEqualTo(404);
        assertThat(intruder.get("/api/v1/arrangements/" + id).status()).isEqualTo(404);
        assertThat(intruder.post("/api/v1/arrangements/" + id + "/acceptance", "{}").status()).isEqualTo(404);
        assertThat(intruder.post("/api/v1/arrangements", "{\"quoteId\":\"%s\",\"optionId\":\"x\"}".formatted(quoteId)).status()).isEqualTo(404);
        assertThat(intruder.get("/api/v1/arrangements?customerId=" + owner.customerId()).status()).isEqualTo(404);
        assertThat(customer(owner).get("/api/v1/arrangements/" + id).text("status")).isEqualTo("AWAITING_ACCEPTANCE");
    }

    @Test
    void anUnaffordablePlanIsMarkedAndCannotBeProposed() {
        OverdueBorrower b = Borrowers.withLogin(port, accounts);
        // 100.00 a month to spare: half of it is the most an instalment may take (CONC 7.3.10R)
        Api.Response quote = Api.as(port, "agent").post("/api/v1/arrangements/quotes", Borrowers.hardship(b.loanId(), "3000.00", "2900.00"));
        JsonNode plan = option(quote.body(), "INSTALMENT_PLAN");
        assertThat(plan.path("affordable").asBoolean()).isFalse();
        Api.Response r = Api.as(port, "agent").post("/api/v1/arrangements",
                "{\"quoteId\":\"%s\",\"optionId\":\"%s\"}".formatted(quote.text("quoteId"), plan.path("optionId").asText()));
        assertThat(r.status()).as(r.raw()).isEqualTo(409);
        assertThat(r.text("code")).isEqualTo("OPTION_NOT_AFFORDABLE");
    }

    @Test
    void aSupervisorApprovesWhatAnotherProposedThenTheCustomersAcceptanceReschedulesTheLoanAndPlacesAHold() {
        OverdueBorrower b = Borrowers.withLogin(port, accounts);
        Api supervisor = Api.as(port, "supervisor");
        Api admin = Api.as(port, "admin");
        Api.Response quote = supervisor.post("/api/v1/arrangements/quotes", Borrowers.hardship(b.loanId(), "20000.00", "5000.00"));
        JsonNode reduction = option(quote.body(), "RATE_REDUCTION"); // the CONSUMER policy needs approval for it
        Api.Response proposed = supervisor.post("/api/v1/arrangements",
                "{\"quoteId\":\"%s\",\"optionId\":\"%s\"}".formatted(quote.text("quoteId"), reduction.path("optionId").asText()));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
        assertThat(proposed.text("status")).isEqualTo("AWAITING_APPROVAL");
        String id = proposed.text("id");

        assertThat(customer(b).post("/api/v1/arrangements/" + id + "/acceptance", "{}").text("code")).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(Api.as(port, "agent").post("/api/v1/arrangements/" + id + "/approval", "{\"approved\":true}").status()).isEqualTo(403);
        Api.Response own = supervisor.post("/api/v1/arrangements/" + id + "/approval", "{\"approved\":true}");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.text("code")).isEqualTo("MAKER_CHECKER");
        Api.Response approved = admin.post("/api/v1/arrangements/" + id + "/approval", "{\"approved\":true,\"note\":\"hardship evidenced\"}");
        assertThat(approved.text("status")).as(approved.raw()).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(approved.text("approvedBy")).isEqualTo("admin");

        int overdueBefore = admin.get("/api/v1/loans/" + b.loanId() + "/delinquency").body().path("daysPastDue").asInt();
        assertThat(overdueBefore).isPositive();
        Instant beforeAcceptance = Instant.parse(admin.get("/api/v1/admin/clock").text("instant"));
        Api.Response accepted = customer(b).post("/api/v1/arrangements/" + id + "/acceptance", "{}");
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACTIVE");
        assertThat(accepted.text("acceptedChannel")).isEqualTo("APP");
        assertThat(accepted.text("acceptedAt")).isNotBlank();
        assertThat(accepted.body().path("tasks").size()).isEqualTo(2);
        assertThat(customer(b).post("/api/v1/arrangements/" + id + "/acceptance", "{}").text("code")).isEqualTo("ILLEGAL_TRANSITION");

        // the ledger now follows the plan: not overdue from the agreement, yet overdue as it stood before it
        assertThat(admin.get("/api/v1/loans/" + b.loanId() + "/delinquency").body().path("daysPastDue").asInt()).isZero();
        assertThat(admin.get("/api/v1/loans/" + b.loanId() + "/delinquency?asOf=" + beforeAcceptance.minusSeconds(1))
                .body().path("daysPastDue").asInt()).isEqualTo(overdueBefore);
        JsonNode schedule = admin.get("/api/v1/loans/" + b.loanId()).body().path("schedule");
        JsonNode first = reduction.path("schedule").get(0);
        assertThat(StreamSupport.stream(schedule.spliterator(), false)
                .anyMatch(i -> i.path("dueDate").asText().equals(first.path("dueDate").asText())
                        && i.path("total").asText().equals(first.path("total").asText()))).isTrue();

        JsonNode holds = admin.get("/api/v1/customers/" + b.customerId() + "/contact-holds").body();
        assertThat(StreamSupport.stream(holds.spliterator(), false).filter(h -> h.path("source").asText().equals("arrangement:" + id)
                && h.path("type").asText().equals("ARRANGEMENT_IN_GOOD_STANDING") && h.path("liftedAt").isNull())).hasSize(1);
        assertThat(StreamSupport.stream(accepted.body().path("steps").spliterator(), false).map(s -> s.path("step").asText()))
                .containsExactly("PROPOSED", "APPROVED", "ACCEPTED");
    }

    @Test
    void aPaidInstalmentIsKeptAndAMissedOneBreaksThePlanLiftsTheHoldAndOpensTheWayToEscalation() throws Exception {
        OverdueBorrower b = Borrowers.withLogin(port, accounts);
        Api admin = Api.as(port, "admin");
        Api.Response quote = customer(b).post("/api/v1/arrangements/quotes", Borrowers.hardship(b.loanId(), "9000.00", "4000.00"));
        JsonNode plan = option(quote.body(), "INSTALMENT_PLAN");
        String id = customer(b).post("/api/v1/arrangements",
                "{\"quoteId\":\"%s\",\"optionId\":\"%s\"}".formatted(quote.text("quoteId"), plan.path("optionId").asText())).text("id");
        assertThat(customer(b).post("/api/v1/arrangements/" + id + "/acceptance", "{}").text("status")).isEqualTo("ACTIVE");
        assertThat(events(org.amity.contact.ContactHoldRequested.class)).anySatisfy(h -> {
            assertThat(h.source()).isEqualTo("arrangement:" + id);
            assertThat(h.type()).isEqualTo(org.amity.contact.HoldType.ARRANGEMENT_IN_GOOD_STANDING);
        });
        assertThat(events(org.amity.messaging.NotificationRequested.class)).anySatisfy(n -> {
            assertThat(n.notice()).isEqualTo(org.amity.messaging.Notice.ARRANGEMENT_AGREED);
            assertThat(n.idempotencyKey()).isEqualTo("arrangement:" + id + ":agreed");
        });
        assertThat(events(ArrangementAgreed.class)).anySatisfy(a -> assertThat(a.arrangementId().toString()).isEqualTo(id));

        JsonNode first = plan.path("schedule").get(0);
        LocalDate firstDue = LocalDate.parse(first.path("dueDate").asText());
        admin.put("/api/v1/admin/clock", "{\"instant\":\"%sT04:00:00Z\"}".formatted(firstDue));
        Api.Response paid = admin.post("/api/v1/loans/" + b.loanId() + "/payments",
                "{\"amount\":\"%s\",\"currency\":\"CNY\",\"reference\":\"PLAN-1-%s\"}".formatted(first.path("total").asText(), id));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        JsonNode instalment1 = null;
        for (int i = 0; i < 50; i++) { // the payment event is handled after the payment commits
            instalment1 = admin.get("/api/v1/arrangements/" + id).body().path("instalments").get(0);
            if (instalment1.path("status").asText().equals("KEPT")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(instalment1.path("status").asText()).isEqualTo("KEPT");

        LocalDate secondDue = LocalDate.parse(plan.path("schedule").get(1).path("dueDate").asText());
        // grace is 5 days (CONSUMER policy): on the 5th day after the due date the plan still stands
        admin.put("/api/v1/admin/clock", "{\"instant\":\"%sT04:00:00Z\"}".formatted(secondDue.plusDays(5)));
        Api.Response run = admin.post("/api/v1/arrangements/monitoring-runs", "{}");
        assertThat(run.status()).as(run.raw()).isEqualTo(200);
        JsonNode stillActive = admin.get("/api/v1/arrangements/" + id).body();
        assertThat(stillActive.path("status").asText()).isEqualTo("ACTIVE");
        // the bank checks back: the follow-up fell due a week after the agreement, and the customer was sent a notice once
        assertThat(StreamSupport.stream(stillActive.path("steps").spliterator(), false)
                .filter(st -> st.path("step").asText().equals("FOLLOW_UP_NOTICE"))).hasSize(1);
        admin.put("/api/v1/admin/clock", "{\"instant\":\"%sT04:00:00Z\"}".formatted(secondDue.plusDays(6)));
        run = admin.post("/api/v1/arrangements/monitoring-runs", "{}");
        assertThat(run.status()).as(run.raw()).isEqualTo(200);
        assertThat(run.body().path("changed").asInt()).isPositive();
        JsonNode broken = admin.get("/api/v1/arrangements/" + id).body();
        assertThat(broken.path("status").asText()).isEqualTo("BROKEN");
        assertThat(broken.path("instalments").get(1).path("status").asText()).isEqualTo("BROKEN");
        assertThat(events(ArrangementBroken.class)).anySatisfy(e -> {
            assertThat(e.arrangementId().toString()).isEqualTo(id);
            assertThat(e.instalmentNumber()).isEqualTo(2);
        });
        assertThat(events(org.amity.contact.ContactHoldReleased.class)).anySatisfy(r -> assertThat(r.source()).isEqualTo("arrangement:" + id));
        assertThat(events(org.amity.messaging.NotificationRequested.class)).anySatisfy(n -> {
            assertThat(n.notice()).isEqualTo(org.amity.messaging.Notice.ARRANGEMENT_BROKEN);
            assertThat(n.idempotencyKey()).isEqualTo("arrangement:" + id + ":broken");
        });
        JsonNode holds = admin.get("/api/v1/customers/" + b.customerId() + "/contact-holds").body();
        assertThat(StreamSupport.stream(holds.spliterator(), false).filter(h -> h.path("source").asText().equals("arrangement:" + id))
                .allMatch(h -> !h.path("liftedAt").isNull())).isTrue();

        // dissatisfied: re-review by someone else, mediation, then the regulator
        Api supervisor = Api.as(port, "supervisor");
        assertThat(supervisor.post("/api/v1/arrangements/" + id + "/mediation", "{\"organisation\":\"x\",\"reference\":\"y\"}")
                .text("code")).isEqualTo("ILLEGAL_ESCALATION");
        assertThat(customer(b).post("/api/v1/arrangements/" + id + "/re-review", "{\"reason\":\"I lost my job after agreeing\"}")
                .text("escalation")).isEqualTo("RE_REVIEW");
        assertThat(supervisor.post("/api/v1/arrangements/" + id + "/re-review/outcome", "{\"outcome\":\"UPHELD\",\"note\":\"plan was fair\"}")
                .text("escalation")).isEqualTo("RE_REVIEWED");
        assertThat(supervisor.post("/api/v1/arrangements/" + id + "/mediation",
                "{\"organisation\":\"上海银行业纠纷调解中心\",\"reference\":\"MED-2026-001\"}").text("escalation")).isEqualTo("MEDIATION");
        assertThat(supervisor.post("/api/v1/arrangements/" + id + "/mediation/outcome", "{\"outcome\":\"No agreement\"}")
                .text("escalation")).isEqualTo("MEDIATED");
        Api.Response referred = customer(b).post("/api/v1/arrangements/" + id + "/regulator-referral",
                "{\"description\":\"I ask the regulator to review my arrangement\"}");
        assertThat(referred.text("escalation")).as(referred.raw()).isEqualTo("REGULATOR");
        assertThat(referred.text("mediationReference")).isEqualTo("MED-2026-001");
        assertThat(events(org.amity.complaints.ComplaintSubmitted.class)).anySatisfy(c -> {
            assertThat(c.channel()).isEqualTo(org.amity.complaints.ComplaintChannel.REGULATOR_REFERRAL);
            assertThat(c.source()).isEqualTo("arrangement:" + id);
            assertThat(c.description()).contains("MED-2026-001").contains("I ask the regulator");
        });
    }

    @Test
    void theReReviewerMustBeSomeoneOtherThanTheProposerOrApprover() {
        OverdueBorrower b = Borrowers.withLogin(port, accounts);
        Api agent = Api.as(port, "agent");
        Api.Response quote = agent.post("/api/v1/arrangements/quotes", Borrowers.hardship(b.loanId(), "20000.00", "5000.00"));
        String id = agent.post("/api/v1/arrangements", "{\"quoteId\":\"%s\",\"optionId\":\"%s\"}".formatted(quote.text("quoteId"),
                option(quote.body(), "RATE_REDUCTION").path("optionId").asText())).text("id");
        Api supervisor = Api.as(port, "supervisor");
        assertThat(supervisor.post("/api/v1/arrangements/" + id + "/approval", "{\"approved\":false}").text("code")).isEqualTo("FIELD_REQUIRED");
        assertThat(supervisor.post("/api/v1/arrangements/" + id + "/approval", "{\"approved\":false,\"note\":\"income not evidenced\"}")
                .text("status")).isEqualTo("DECLINED");
        customer(b).post("/api/v1/arrangements/" + id + "/re-review", "{\"reason\":\"I sent my payslips\"}");
        Api.Response same = supervisor.post("/api/v1/arrangements/" + id + "/re-review/outcome", "{\"outcome\":\"UPHELD\",\"note\":\"x\"}");
        assertThat(same.text("code")).isEqualTo("REVIEWER_NOT_INDEPENDENT");
        assertThat(Api.as(port, "admin").post("/api/v1/arrangements/" + id + "/re-review/outcome",
                "{\"outcome\":\"REVISED\",\"note\":\"payslips received\"}").text("reviewOutcome")).isEqualTo("REVISED");
    }

    @Test
    void aNewPolicyVersionIsValidatedStoredWithHistoryAndUsedByTheNextQuote() {
        Api compliance = Api.as(port, "compliance");
        String current = compliance.get("/api/v1/arrangement-policies/CREDIT_CARD").body().get(0).path("yaml").asText();
        assertThat(current).contains("第七十条");
        Api.Response bad = compliance.post("/api/v1/arrangement-policies/CREDIT_CARD", Api.JSON.writeValueAsString(
                java.util.Map.of("yaml", current.replace("maxTermMonths: 60", "maxTermMonths: 700"), "comment", "typo")));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("INVALID_POLICY");
        assertThat(bad.text("field")).isEqualTo("maxTermMonths");
        assertThat(Api.as(port, "agent").post("/api/v1/arrangement-policies/CREDIT_CARD", "{}").status()).isEqualTo(403);

        String next = current.replace("version: \"2026.11-1\"", "version: \"2026.12-IT\"").replace("graceDays: 3", "graceDays: 4");
        Api.Response published = compliance.post("/api/v1/arrangement-policies/CREDIT_CARD", Api.JSON.writeValueAsString(
                java.util.Map.of("yaml", next, "comment", "grace 4 days")));
        assertThat(published.status()).as(published.raw()).isEqualTo(201);
        JsonNode history = compliance.get("/api/v1/arrangement-policies/CREDIT_CARD").body();
        assertThat(StreamSupport.stream(history.spliterator(), false).map(v -> v.path("version").asText()))
                .containsExactly("2026.12-IT", "2026.11-1");
        assertThat(compliance.post("/api/v1/arrangement-policies/CREDIT_CARD", Api.JSON.writeValueAsString(
                java.util.Map.of("yaml", next))).text("code")).isEqualTo("DUPLICATE_POLICY_VERSION");
    }

    @Test
    void documentsAreRecognisedByTheirBytesAndARefusedFileLosesNothingElse() throws Exception {
        OverdueBorrower b = Borrowers.withLogin(port, accounts);
        Api.as(port, "agent").post("/api/v1/arrangements/quotes", Borrowers.hardship(b.loanId(), "9000.00", "4000.00"));
        String requestId = requestIdOf(b);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
        assertThat(upload(b, requestId, "payslip.png", png).statusCode()).isEqualTo(201);
        HttpResponse<String> fake = upload(b, requestId, "payslip.pdf", "this is not a pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.statusCode()).isEqualTo(400);
        assertThat(fake.body()).contains("UNSUPPORTED_DOCUMENT").contains("payslip.pdf is not a PDF, JPEG or PNG file");
        assertThat(upload(b, requestId, "scan.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)).statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM hardship_document WHERE request_id = ?::uuid").param(requestId)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String requestIdOf(OverdueBorrower b) {
        return jdbc.sql("SELECT id::text FROM hardship_request WHERE loan_id = ?::uuid ORDER BY created_at DESC LIMIT 1")
                .param(b.loanId()).query(String.class).single();
    }

    private HttpResponse<String> upload(OverdueBorrower b, String requestId, String name, byte[] bytes) throws Exception {
        String boundary = "----amity" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/hardship-requests/" + requestId + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((b.customerNumber() + ":demo").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(30)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
