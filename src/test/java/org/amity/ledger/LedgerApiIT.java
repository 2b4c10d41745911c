package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ledger's JSON API as an integrator uses it: real HTTP, HTTP Basic, problem details on bad input. */
@AmityIntegrationTest
class LedgerApiIT {

    @LocalServerPort
    int port;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String createCustomer(String externalId) {
        Response r = admin.post("/api/v1/customers", """
                {"externalId":"%s","name":"王芳","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","region":"内蒙古","city":"乌海","line":"海勃湾区 1 号","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"138 0000 0001","verified":true,"owner":"SELF"},
                                  {"type":"EMAIL","value":"Wang.Fang@Example.com","verified":false}]}""".formatted(externalId));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    String createLoan(String customerId, String externalId, String firstDueDate, int graceDays) {
        Response r = admin.post("/api/v1/loans", """
                {"externalId":"%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"12000.00",
                 "annualRate":"0.0600","termMonths":12,"method":"EQUAL_INSTALLMENT","disbursedOn":"2026-01-10",
                 "firstDueDate":"%s","graceDays":%d}""".formatted(externalId, customerId, firstDueDate, graceDays));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    @Test
    void createsACustomerWithNormalisedPhoneAndMaskedNationalId() {
        String id = createCustomer(unique("C"));
        Response r = admin.get("/api/v1/customers/" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("nationalIdMasked")).isEqualTo("1101**********1234");
        assertThat(r.raw()).doesNotContain("110101199003071234");
        assertThat(r.body().path("contactPoints").findValuesAsString("value")).contains("+8613800000001", "wang.fang@example.com");
        assertThat(r.body().path("address").path("timeZone").asText()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void refusesADuplicateCustomerExternalIdWith409() {
        String externalId = unique("C");
        createCustomer(externalId);
        Response again = admin.post("/api/v1/customers", """
                {"externalId":"%s","name":"X","nationalId":"110101199003071234","language":"en",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"}}""".formatted(externalId));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("code")).isEqualTo("DUPLICATE_EXTERNAL_ID");
    }

    @Test
    void explainsABadPhoneNumber() {
        Response r = admin.post("/api/v1/customers", """
                {"externalId":"%s","name":"X","nationalId":"110101199003071234","language":"en",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"12345","verified":true}]}""".formatted(unique("C")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("code")).isEqualTo("INVALID_PHONE");
        assertThat(r.text("field")).isEqualTo("contactPoints[0].value");
        assertThat(r.text("detail")).contains("12345");
    }

    @Test
    void listsTheAllowedValuesOfAnUnknownEnum() {
        Response r = admin.post("/api/v1/customers", """
                {"externalId":"%s","name":"X","nationalId":"110101199003071234","language":"en",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"FAX","value":"1"}]}""".formatted(unique("C")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("code")).isEqualTo("INVALID_ENUM_VALUE");
        assertThat(r.text("field")).isEqualTo("contactPoints[0].type");
        assertThat(r.body().path("allowedValues").findValuesAsString("")).isEmpty();
        assertThat(r.body().path("allowedValues").toString()).contains("PHONE", "EMAIL");
    }

    @Test
    void rejectsAnUnknownTimeZoneAndLanguage() {
        Response zone = admin.post("/api/v1/customers", """
                {"externalId":"%s","name":"X","nationalId":"110101199003071234","language":"en",
                 "address":{"country":"CN","timeZone":"Mars/Olympus"}}""".formatted(unique("C")));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.text("field")).isEqualTo("address.timeZone");
        Response language = admin.post("/api/v1/customers", """
                {"externalId":"%s","name":"X","nationalId":"110101199003071234","language":"fr",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"}}""".formatted(unique("C")));
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.body().path("allowedValues").toString()).contains("zh-CN", "en");
    }

    @Test
    void booksALoanWithTheDocumentedSchedule() {
        String loanId = createLoan(createCustomer(unique("C")), unique("L"), "2026-02-10", 3);
        Response r = admin.get("/api/v1/loans/" + loanId);
        assertThat(r.body().path("schedule")).hasSize(12);
        var first = r.body().path("schedule").get(0);
        assertThat(first.path("dueDate").asText()).isEqualTo("2026-02-10");
        assertThat(first.path("total").asText()).isEqualTo("1032.80");
        assertThat(first.path("interest").asText()).isEqualTo("60.00");
        assertThat(first.path("principal").asText()).isEqualTo("972.80");
        assertThat(r.body().path("principal").asText()).isEqualTo("12000.00");
    }

    @Test
    void booksAnExplicitScheduleAndChecksItsPrincipal() {
        String customerId = createCustomer(unique("C"));
        Response bad = admin.post("/api/v1/loans", """
                {"externalId":"%s","customerId":"%s","product":"HOUSING","currency":"CNY","principal":"1000.00",
                 "annualRate":"0.05","disbursedOn":"2026-01-01","graceDays":0,
                 "schedule":[{"dueDate":"2026-02-01","principal":"400.00","interest":"4.17"},
                             {"dueDate":"2026-03-01","principal":"500.00","interest":"2.50"}]}""".formatted(unique("L"), customerId));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("SCHEDULE_PRINCIPAL_MISMATCH");
        Response good = admin.post("/api/v1/loans", """
                {"externalId":"%s","customerId":"%s","product":"HOUSING","currency":"CNY","principal":"1000.00",
                 "annualRate":"0.05","disbursedOn":"2026-01-01","graceDays":0,
                 "schedule":[{"dueDate":"2026-02-01","principal":"400.00","interest":"4.17","fees":"1.00"},
                             {"dueDate":"2026-03-01","principal":"600.00","interest":"2.50"}]}""".formatted(unique("L"), customerId));
        assertThat(good.status()).as(good.raw()).isEqualTo(201);
        assertThat(good.text("method")).isEqualTo("EXPLICIT");
        assertThat(good.body().path("schedule").get(0).path("total").asText()).isEqualTo("405.17");
    }

    @Test
    void aPaymentPostedNowMakesTheLoanCurrentNow() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // the first instalment fell due 20 days ago, the second is not due yet
        String loanId = createLoan(createCustomer(unique("C")), unique("L"), today.minusDays(20).toString(), 3);
        Response before = admin.get("/api/v1/loans/" + loanId + "/delinquency");
        assertThat(before.body().path("daysPastDue").asInt()).isEqualTo(20);
        assertThat(before.text("bucket")).isEqualTo("M1");
        assertThat(before.text("overdueAmount")).isEqualTo("1032.80");
        assertThat(before.text("oldestUnpaidDueDate")).isEqualTo(today.minusDays(20).toString());

        Response paid = admin.post("/api/v1/loans/" + loanId + "/payments", """
                {"amount":"1032.80","reference":"%s"}""".formatted(unique("P")));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        assertThat(paid.text("id")).isNotBlank();

        Response after = admin.get("/api/v1/loans/" + loanId + "/delinquency");
        assertThat(after.body().path("daysPastDue").asInt()).isZero();
        assertThat(after.text("bucket")).isEqualTo("CURRENT");
        assertThat(after.text("overdueAmount")).isEqualTo("0.00");
    }

    @Test
    void delinquencyAsOfAPastInstantIgnoresLaterPayments() {
        String loanId = createLoan(createCustomer(unique("C")), unique("L"), "2026-02-10", 3);
        admin.post("/api/v1/loans/" + loanId + "/payments", """
                {"amount":"1032.80","reference":"%s","receivedAt":"2026-02-20T10:00:00+08:00"}""".formatted(unique("P")));
        Response beforePayment = admin.get("/api/v1/loans/" + loanId + "/delinquency?asOf=2026-02-19T12:00:00%2B08:00");
        assertThat(beforePayment.body().path("daysPastDue").asInt()).isEqualTo(9);
        Response afterPayment = admin.get("/api/v1/loans/" + loanId + "/delinquency?asOf=2026-02-21T12:00:00%2B08:00");
        assertThat(afterPayment.body().path("daysPastDue").asInt()).isZero();
        // bank-zone midnight: 2026-03-10 is due; 15:59:59Z is still the 10th in Shanghai, 16:00Z is the 11th
        Response dueDay = admin.get("/api/v1/loans/" + loanId + "/delinquency?asOf=2026-03-10T15:59:59Z");
        assertThat(dueDay.body().path("daysPastDue").asInt()).isZero();
        Response nextDay = admin.get("/api/v1/loans/" + loanId + "/delinquency?asOf=2026-03-10T16:00:00Z");
        assertThat(nextDay.body().path("daysPastDue").asInt()).isEqualTo(1);
    }

    @Test
    void thePaymentReferenceMakesPostingIdempotent() {
        String loanId = createLoan(createCustomer(unique("C")), unique("L"), "2026-02-10", 3);
        String reference = unique("P");
        Response first = admin.post("/api/v1/loans/" + loanId + "/payments", """
                {"amount":"500.00","reference":"%s","receivedAt":"2026-02-11T09:00:00+08:00"}""".formatted(reference));
        Response again = admin.post("/api/v1/loans/" + loanId + "/payments", """
                {"amount":"500.00","reference":"%s","receivedAt":"2026-02-11T09:00:00+08:00"}""".formatted(reference));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        Response conflict = admin.post("/api/v1/loans/" + loanId + "/payments", """
                {"amount":"501.00","reference":"%s"}""".formatted(reference));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("code")).isEqualTo("PAYMENT_REFERENCE_CONFLICT");
        assertThat(admin.get("/api/v1/loans/" + loanId + "/payments").body()).hasSize(1);
    }

    @Test
    void aReversalUndoesThePaymentAndReallocatesLaterOnes() {
        String loanId = createLoan(createCustomer(unique("C")), unique("L"), "2026-02-10", 3);
        Response p1 = admin.post("/api/v1/loans/" + loanId + "/payments", """
                {"amount":"1032.80","reference":"%s","receivedAt":"2026-02-10T09:00:00+08:00"}""".formatted(unique("P")));
        admin.post("/api/v1/loans/" + loanId + "/payments", """
                {"amount":"1032.80","reference":"%s","receivedAt":"2026-03-10T09:00:00+08:00"}""".formatted(unique("P")));
        Response reversed = admin.post("/api/v1/loans/" + loanId + "/payments/" + p1.text("id") + "/reversal", """
                {"reason":"cheque bounced"}""");
        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(200);
        assertThat(reversed.text("reversedAt")).isNotBlank();
        var schedule = admin.get("/api/v1/loans/" + loanId).body().path("schedule");
        // the March payment now pays the February instalment, oldest first
        assertThat(schedule.get(0).path("remaining").asText()).isEqualTo("0.00");
        assertThat(schedule.get(1).path("paid").asText()).isEqualTo("0.00");
        Response again = admin.post("/api/v1/loans/" + loanId + "/payments/" + p1.text("id") + "/reversal", """
                {"reason":"twice"}""");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anOverpaymentPaysTheNextInstalmentsAhead() {
        String loanId = createLoan(createCustomer(unique("C")), unique("L"), "2026-02-10", 3);
        admin.post("/api/v1/loans/" + loanId + "/payments", """
                {"amount":"1500.00","reference":"%s","receivedAt":"2026-02-09T09:00:00+08:00"}""".formatted(unique("P")));
        var schedule = admin.get("/api/v1/loans/" + loanId).body().path("schedule");
        assertThat(schedule.get(0).path("remaining").asText()).isEqualTo("0.00");
        assertThat(schedule.get(1).path("paid").asText()).isEqualTo("467.20");
    }

    @Test
    void anOpenPaymentClaimIsMatchedByAPayment() {
        String loanId = createLoan(createCustomer(unique("C")), unique("L"), "2026-02-10", 3);
        Response claim = admin.post("/api/v1/loans/" + loanId + "/payment-claims", """
                {"evidenceReference":"bank slip 0042","amount":"1032.80","channel":"HOTLINE"}""");
        assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
        assertThat(claim.text("status")).isEqualTo("OPEN");
        admin.post("/api/v1/loans/" + loanId + "/payments", """
                {"amount":"1032.80","reference":"%s"}""".formatted(unique("P")));
        Response claims = admin.get("/api/v1/loans/" + loanId + "/payment-claims");
        assertThat(claims.body().get(0).path("status").asText()).isEqualTo("MATCHED");
    }

    @Test
    void unknownLoanIsA404Problem() {
        Response r = admin.get("/api/v1/loans/" + UUID.randomUUID() + "/delinquency");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text("code")).isEqualTo("LOAN_NOT_FOUND");
        Response badId = admin.get("/api/v1/loans/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.text("code")).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void malformedJsonIsExplained() {
        Response r = admin.post("/api/v1/loans", "{\"externalId\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("code")).isIn("MALFORMED_JSON", "MALFORMED_REQUEST");
        Response badDate = admin.post("/api/v1/loans", """
                {"externalId":"x","customerId":"%s","disbursedOn":"10/01/2026"}""".formatted(UUID.randomUUID()));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("field")).isEqualTo("disbursedOn");
    }

    @Test
    void applicationsDeriveWhetherTheCustomerMustAct() {
        String customerId = createCustomer(unique("C"));
        Response app = admin.post("/api/v1/applications", """
                {"externalId":"%s","customerId":"%s","product":"HOUSING","amount":"800000.00","currency":"CNY",
                 "documents":["ID_CARD","INCOME_PROOF","PURCHASE_CONTRACT"]}""".formatted(unique("A"), customerId));
        assertThat(app.status()).as(app.raw()).isEqualTo(201);
        assertThat(app.body().path("customerActionRequired").asBoolean()).isTrue();
        String id = app.text("id");
        for (String doc : new String[]{"ID_CARD", "INCOME_PROOF", "PURCHASE_CONTRACT"}) {
            admin.put("/api/v1/applications/" + id + "/documents/" + doc, "{\"state\":\"RECEIVED\"}");
        }
        Response review = admin.post("/api/v1/applications/" + id + "/status", "{\"status\":\"UNDER_REVIEW\"}");
        assertThat(review.body().path("customerActionRequired").asBoolean()).isFalse();
        assertThat(review.body().path("timeline")).hasSize(2);
        Response illegal = admin.post("/api/v1/applications/" + id + "/status", "{\"status\":\"DISBURSED\"}");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.text("code")).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void everyWriteLandsInAVerifiableAuditTrail() {
        createCustomer(unique("C"));
        Response verify = Api.as(port, "compliance").get("/api/v1/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.body().path("valid").asBoolean()).isTrue();
        assertThat(verify.body().path("rowsChecked").asLong()).isPositive();
        Response events = Api.as(port, "compliance").get("/api/v1/audit/events?entityType=Customer&limit=5");
        assertThat(events.raw()).contains("CUSTOMER_CREATED").doesNotContain("110101199003071234").doesNotContain("+8613800000001");
    }
}
