package org.amity.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decision API end to end: facts come from the live ledger and contact tables, reservations book attempts,
 * and every refusal says why. The business clock is pinned to Tuesday 2026-11-24 10:00 in Shanghai.
 */
@AmityIntegrationTest
class ContactDecisionIT {

    static final String NOW = "2026-11-24T10:00:00+08:00";

    @LocalServerPort
    int port;

    Api admin;
    Api dialer;

    @BeforeEach
    void pinClock() {
        admin = Api.as(port, "admin");
        dialer = Api.as(port, "dialer");
        assertThat(admin.put("/api/v1/admin/clock", "{\"instant\":\"" + NOW + "\"}").status()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        admin.delete("/api/v1/admin/clock");
    }

    record Borrower(String customerId, String loanId, String phone) {
    }

    /** A CN borrower whose first instalment fell due {@code daysAgo} days before 2026-11-24 (negative: not yet due). */
    Borrower borrower(int daysAgo, String country, String zone, String phone) {
        Response c = admin.post("/api/v1/customers", """
                {"externalId":"CD-%s","name":"决策","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"%s","timeZone":"%s"},
                 "contactPoints":[{"type":"PHONE","value":"%s","verified":true,"owner":"SELF"},
                                  {"type":"PHONE","value":"%s","verified":true,"owner":"OTHER"}]}"""
                .formatted(UUID.randomUUID(), country, zone, phone, country.equals("CN") ? "+8613900000077" : "+12125550177"));
        assertThat(c.status()).as(c.raw()).isEqualTo(201);
        LocalDate firstDue = LocalDate.of(2026, 11, 24).minusDays(daysAgo);
        Response l = admin.post("/api/v1/loans", """
                {"externalId":"CDL-%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"12000.00",
                 "annualRate":"0.06","termMonths":12,"method":"EQUAL_INSTALLMENT","disbursedOn":"%s","firstDueDate":"%s","graceDays":3}"""
                .formatted(UUID.randomUUID(), c.text("id"), firstDue.minusMonths(1), firstDue));
        assertThat(l.status()).as(l.raw()).isEqualTo(201);
        return new Borrower(c.text("id"), l.text("id"), phone);
    }

    Borrower cnBorrower(int daysAgo) {
        return borrower(daysAgo, "CN", "Asia/Shanghai", "+8613800000077");
    }

    Response decide(Borrower b, String purpose, String channel, String destination, boolean reserve, String extra) {
        return dialer.post("/api/v1/contact-decisions", """
                {"customerId":"%s","loanId":"%s","purpose":"%s","channel":"%s","destination":%s,"reserve":%s%s}"""
                .formatted(b.customerId(), b.loanId(), purpose, channel, destination == null ? "null" : "\"" + destination + "\"",
                        reserve, extra == null ? "" : "," + extra));
    }

    static String codes(Response r) {
        return r.body().path("reasons").findValuesAsString("code").toString();
    }

    @Test
    void aCustomerWhoIsNotOverdueIsNotCalledAboutADebt() {
        Borrower b = cnBorrower(-5);
        Response r = decide(b, "COLLECTION", "VOICE", b.phone(), true, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().path("allowed").asBoolean()).isFalse();
        assertThat(codes(r)).contains("NOT_OVERDUE");
        assertThat(r.body().path("nextAllowedAt").isNull()).as("no time makes a current loan overdue").isTrue();
        assertThat(r.body().path("reasons").get(0).path("customerMessage").asText()).isNotBlank();
    }

    @Test
    void theAnswerNamesItsDecisionAndGoesOutWithItsLengthNotInChunks() throws Exception {
        Borrower b = cnBorrower(-5);
        String body = """
                {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s","reserve":true}"""
                .formatted(b.customerId(), b.loanId(), b.phone());
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/contact-decisions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("dialer:demo".getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(201);
        String id = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?s).*\"decisionId\":\"([^\"]+)\".*", "$1");
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/contact-decisions/" + id);
        assertThat(r.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().length);
    }

    @Test
    void withinGraceIsNotYetCollection() {
        Response r = decide(cnBorrower(2), "COLLECTION", "VOICE", "+8613800000077", false, null);
        assertThat(codes(r)).contains("WITHIN_GRACE");
    }

    @Test
    void twoCallsADayThenTheDailyCapWithTheNextMorningAndAnAlternative() {
        Borrower b = cnBorrower(20);
        Response first = decide(b, "COLLECTION", "VOICE", b.phone(), true, null);
        assertThat(first.body().path("allowed").asBoolean()).as(first.raw()).isTrue();
        assertThat(dialer.get("/api/v1/contact-decisions/" + first.text("decisionId")).body())
                .as("the answer is exactly what was recorded").isEqualTo(first.body());
        assertThat(decide(b, "COLLECTION", "VOICE", b.phone(), true, null).body().path("allowed").asBoolean()).isTrue();
        Response third = decide(b, "COLLECTION", "VOICE", b.phone(), true, null);
        assertThat(third.body().path("allowed").asBoolean()).isFalse();
        assertThat(codes(third)).contains("DAILY_CAP");
        assertThat(third.text("nextAllowedAt")).startsWith("2026-11-25T00:00:00Z"); // 08:00 in Shanghai
        assertThat(third.body().path("alternatives").findValuesAsString("channel")).contains("SMS");
        assertThat(third.body().path("reserved").asBoolean()).isFalse();
    }

    @Test
    void onlyTheCustomersOwnVerifiedNumbersMayBeUsed() {
        Borrower b = cnBorrower(20);
        assertThat(codes(decide(b, "COLLECTION", "VOICE", "+8613900000077", false, null))).contains("THIRD_PARTY_DESTINATION");
        assertThat(codes(decide(b, "COLLECTION", "VOICE", "+8613700000001", false, null))).contains("THIRD_PARTY_DESTINATION");
        Response national = decide(b, "COLLECTION", "VOICE", "138 0000 0077", false, null);
        assertThat(national.body().path("allowed").asBoolean()).as("the own number written nationally: " + national.raw()).isTrue();
        assertThat(national.text("destination")).isEqualTo("+8613800000077");
        Response malformed = decide(b, "COLLECTION", "VOICE", "12", false, null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("field")).isEqualTo("destination");
    }

    @Test
    void aWhatIfAtNightExplainsQuietHoursAndWhenItWillBeAllowed() {
        Borrower b = cnBorrower(20);
        Response night = decide(b, "COLLECTION", "VOICE", b.phone(), false, "\"at\":\"2026-11-24T22:30:00+08:00\"");
        assertThat(codes(night)).contains("QUIET_HOURS");
        assertThat(night.text("nextAllowedAt")).isEqualTo("2026-11-25T00:00:00Z");
        Response reserveWithAt = decide(b, "COLLECTION", "VOICE", b.phone(), true, "\"at\":\"2026-11-24T22:30:00+08:00\"");
        assertThat(reserveWithAt.status()).isEqualTo(400);
        assertThat(reserveWithAt.text("code")).isEqualTo("AT_WITH_RESERVE");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameDecision() {
        Borrower b = cnBorrower(20);
        String key = "\"idempotencyKey\":\"dialer-" + UUID.randomUUID() + "\"";
        Response first = decide(b, "COLLECTION", "VOICE", b.phone(), true, key);
        Response again = decide(b, "COLLECTION", "VOICE", b.phone(), true, key);
        assertThat(again.text("decisionId")).isEqualTo(first.text("decisionId"));
        Response third = decide(b, "COLLECTION", "VOICE", b.phone(), true, null);
        assertThat(third.body().path("allowed").asBoolean()).as("the repeated key booked one attempt, not two").isTrue();
        Response reused = decide(cnBorrower(20), "COLLECTION", "VOICE", "+8613800000077", true, key);
        assertThat(reused.status()).as("another customer's decision is never handed out under a reused key").isEqualTo(409);
        assertThat(reused.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void holdsOptOutsAndPaymentClaimsEachGiveTheirReason() {
        Borrower b = cnBorrower(20);
        admin.post("/api/v1/loans/" + b.loanId() + "/payment-claims", "{\"evidenceReference\":\"slip 9\",\"channel\":\"HOTLINE\"}");
        assertThat(codes(decide(b, "COLLECTION", "VOICE", b.phone(), false, null))).contains("PAYMENT_CLAIM_PENDING");

        Borrower held = cnBorrower(20);
        admin.post("/api/v1/customers/" + held.customerId() + "/contact-holds", "{\"type\":\"CEASE_REQUESTED\"}");
        Response r = decide(held, "COLLECTION", "VOICE", held.phone(), false, null);
        assertThat(codes(r)).contains("CONTACT_HOLD");
        assertThat(r.body().path("reasons").findValuesAsString("holdType")).contains("CEASE_REQUESTED");

        Borrower optedOut = cnBorrower(20);
        admin.put("/api/v1/customers/" + optedOut.customerId() + "/contact-preferences",
                "{\"optOuts\":[{\"channel\":\"VOICE\",\"purpose\":\"COLLECTION\"}]}");
        Response o = decide(optedOut, "COLLECTION", "VOICE", optedOut.phone(), false, null);
        assertThat(codes(o)).contains("CHANNEL_OPTED_OUT");
        assertThat(o.body().path("allowed").asBoolean()).isFalse();
    }

    @Test
    void aConversationStartsTheUsCooldownAndOutcomesAreRecordedOnce() {
        Borrower us = borrower(20, "US", "America/New_York", "+12125550123");
        String morningInNewYork = "\"at\":\"2026-11-24T10:00:00-05:00\"";
        assertThat(decide(us, "COLLECTION", "VOICE", us.phone(), false, morningInNewYork).body().path("allowed").asBoolean()).isTrue();
        // book one at the pinned clock (21:00 in New York is quiet hours, so record it through the clock)
        admin.put("/api/v1/admin/clock", "{\"instant\":\"2026-11-24T10:00:00-05:00\"}");
        Response call = decide(us, "COLLECTION", "VOICE", us.phone(), true, null);
        assertThat(call.body().path("allowed").asBoolean()).as(call.raw()).isTrue();
        Response outcome = dialer.post("/api/v1/contact-decisions/" + call.text("decisionId") + "/outcome",
                "{\"outcome\":\"RIGHT_PARTY_CONVERSATION\",\"occurredAt\":\"2026-11-24T10:05:00-05:00\"}");
        assertThat(outcome.status()).as(outcome.raw()).isEqualTo(200);
        assertThat(dialer.post("/api/v1/contact-decisions/" + call.text("decisionId") + "/outcome",
                "{\"outcome\":\"NO_ANSWER\"}").status()).isEqualTo(409);
        Response later = decide(us, "COLLECTION", "VOICE", us.phone(), false, "\"at\":\"2026-11-26T10:00:00-05:00\"");
        assertThat(codes(later)).contains("CONVERSATION_COOLDOWN");
        // 12 CFR 1006.14(b)(2)(i)(B): the conversation day is day 1, so day 8 (Dec 1) at 08:00 local is the first chance
        assertThat(later.text("nextAllowedAt")).isEqualTo("2026-12-01T13:00:00Z");
        Response history = Api.as(port, "agent").get("/api/v1/customers/" + us.customerId() + "/contact-decisions");
        assertThat(history.body()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void badRequestsAreProblems() {
        Borrower b = cnBorrower(20);
        Response purpose = dialer.post("/api/v1/contact-decisions", """
                {"customerId":"%s","purpose":"GOSSIP","channel":"VOICE","destination":"+8613800000077"}""".formatted(b.customerId()));
        assertThat(purpose.status()).isEqualTo(400);
        assertThat(purpose.body().path("allowedValues").toString()).contains("COLLECTION", "MARKETING");
        Response unknown = dialer.post("/api/v1/contact-decisions", """
                {"customerId":"%s","purpose":"SERVICE","channel":"VOICE","destination":"+8613800000077"}""".formatted(UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(Api.as(port, "agent").post("/api/v1/contact-decisions/" + UUID.randomUUID() + "/outcome",
                "{\"outcome\":\"DELIVERED\"}").status()).isEqualTo(404);
    }
}
