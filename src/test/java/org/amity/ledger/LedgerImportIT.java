package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@AmityIntegrationTest
class LedgerImportIT {

    private static final String CUSTOMERS_HEADER = String.join(",", ImportKind.CUSTOMERS.columns());
    private static final String LOANS_HEADER = String.join(",", ImportKind.LOANS.columns());
    private static final String PAYMENTS_HEADER = String.join(",", ImportKind.PAYMENTS.columns());

    @LocalServerPort
    int port;

    @Autowired
    LoanService loans;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsAGoodFileOfEachKindAndTheDataIsReadableThroughTheApi() {
        String p = prefix();
        Api.Response customers = upload("admin", "customers", CUSTOMERS_HEADER + "\n"
                + p + "C1,Wang Fang,110101199003074514,zh-CN,CN,Beijing,Beijing,\"1 Chang'an Ave, Dongcheng\",Asia/Shanghai,13800138000,true,SELF,wang@example.cn,false\n"
                + p + "C2,Jane Doe,AB123456C,en,GB,,London,,Europe/London,+44 20 7946 0958,false,,,\n");
        assertThat(customers.status()).as(customers.raw()).isEqualTo(201);
        assertThat(customers.body().path("importedRows").asLong()).isEqualTo(2);

        Api.Response booked = upload("dialer", "loans", LOANS_HEADER + "\n"
                + p + "L1," + p + "C1,CONSUMER,CNY,12000.00,0.0600,12,EQUAL_INSTALLMENT,2025-12-15,2026-01-15,3\n"
                + p + "L2," + p + "C2,CARD,GBP,3000,0.12,6,equal_principal,2026-06-01,2026-07-01,\n");
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);

        Api.Response paid = upload("admin", "payments", PAYMENTS_HEADER + "\n"
                + p + "L1,P1,1032.80,2026-01-15T10:00:00+08:00\n");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);

        UUID loanId = loans.findByExternalId(p + "L1").orElseThrow().id();
        Api api = Api.as(port, "admin");
        JsonNode loan = api.get("/api/v1/loans/" + loanId).body();
        assertThat(loan.path("schedule")).hasSize(12);
        assertThat(loan.path("schedule").get(0).path("remaining").asText()).isEqualTo("0.00");
        assertThat(loan.path("schedule").get(1).path("paid").asText()).isEqualTo("0.00");
        JsonNode delinquency = api.get("/api/v1/loans/" + loanId + "/delinquency?asOf=2026-03-01T12:00:00%2B08:00").body();
        assertThat(delinquency.path("oldestUnpaidDueDate").asText()).isEqualTo("2026-02-15");
        assertThat(delinquency.path("daysPastDue").asInt()).isEqualTo(14);

        JsonNode customer = api.get("/api/v1/customers/" + loan.path("customerId").asText()).body();
        assertThat(customer.path("contactPoints")).hasSize(2);
        assertThat(customer.path("contactPoints").toString()).contains("+8613800138000");
    }

    @Test
    void reportsEveryErrorWithLineAndColumnAndWritesNothing() {
        String p = prefix();
        long customersBefore = count("customer");
        long contactsBefore = count("contact_point");
        Api.Response response = upload("admin", "customers", CUSTOMERS_HEADER + "\n"
                + p + "C1,Good Row,110101199003074514,zh-CN,CN,,,,Asia/Shanghai,,,,,\n"
                + p + "C2,Bad Zone,110101199003074515,zh-CN,CN,,,,Mars/Olympus,,,,,\n"
                + p + "C3,Bad Language,110101199003074516,fr,CN,,,,Asia/Shanghai,,,,,\n"
                + p + "C4,\"Quoted\nacross lines\",110101199003074517,en,CN,,,,Asia/Shanghai,12,maybe,,,\n"
                + p + "C1,Duplicate,110101199003074518,en,CN,,,,Asia/Shanghai,,,,not-an-email,\n");
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("IMPORT_REJECTED");
        List<String> errors = new ArrayList<>();
        response.body().path("errors").forEach(e -> errors.add(e.path("line").asLong() + ":" + e.path("column").asText()
                + ":" + e.path("code").asText()));
        assertThat(errors).containsExactly(
                "3:time_zone:INVALID_TIME_ZONE",
                "4:language:INVALID_ENUM_VALUE",
                "5:phone_verified:INVALID_VALUE",
                "7:email:INVALID_EMAIL");
        assertThat(count("customer")).isEqualTo(customersBefore);
        assertThat(count("contact_point")).isEqualTo(contactsBefore);

        Api.Response duplicate = upload("admin", "customers", CUSTOMERS_HEADER + "\n"
                + p + "C1,First,110101199003074514,zh-CN,CN,,,,Asia/Shanghai,,,,,\n"
                + p + "C1,Again,110101199003074514,zh-CN,CN,,,,Asia/Shanghai,,,,,\n");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body().path("errors").get(0).path("line").asLong()).isEqualTo(3);
        assertThat(duplicate.body().path("errors").get(0).path("code").asText()).isEqualTo("DUPLICATE_EXTERNAL_ID");
        assertThat(count("customer")).isEqualTo(customersBefore);
    }

    @Test
    void loanAndPaymentErrorsNameTheColumnAndRollBackEverything() {
        String p = prefix();
        importCustomer(p + "C1");
        long loansBefore = count("loan");
        long instalmentsBefore = count("instalment");
        Api.Response response = upload("admin", "loans", LOANS_HEADER + "\n"
                + p + "L1," + p + "C1,CONSUMER,CNY,12000.00,0.06,12,EQUAL_INSTALLMENT,2026-01-01,2026-02-01,0\n"
                + p + "L2," + p + "NOBODY,CONSUMER,CNY,12000.00,0.06,12,EQUAL_INSTALLMENT,2026-01-01,2026-02-01,0\n"
                + p + "L3," + p + "C1,CONSUMER,CNY,12000.001,6%,12,BALLOON,2026-01-01,2026-02-01,0\n"
                + p + "L4," + p + "C1,CONSUMER,XYZ,12000.00,0.06,12,EQUAL_INSTALLMENT,2026-01-01,2026-02-01,0\n");
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        response.body().path("errors").forEach(e -> errors.add(e.path("line").asLong() + ":" + e.path("column").asText()
                + ":" + e.path("code").asText()));
        assertThat(errors).containsExactly(
                "3:customer_external_id:UNKNOWN_CUSTOMER",
                "4:annual_rate:INVALID_VALUE",
                "4:method:INVALID_ENUM_VALUE",
                "5:currency:INVALID_CURRENCY");
        assertThat(count("loan")).isEqualTo(loansBefore);
        assertThat(count("instalment")).isEqualTo(instalmentsBefore);

        long paymentsBefore = count("payment");
        Api.Response payments = upload("admin", "payments", PAYMENTS_HEADER + "\n"
                + p + "NOLOAN,R1,10.00,2026-01-01T00:00:00Z\n"
                + p + "L9,R2,-5,2026-01-01T00:00:00Z\n"
                + p + "L9,R3,5,2099-01-01T00:00:00Z\n");
        assertThat(payments.status()).isEqualTo(422);
        assertThat(payments.body().path("errorCount").asLong()).isEqualTo(3);
        assertThat(payments.body().path("errors").get(0).path("column").asText()).isEqualTo("loan_external_id");
        assertThat(payments.body().path("errors").get(1).path("code").asText()).isEqualTo("INVALID_AMOUNT");
        assertThat(payments.body().path("errors").get(2).path("code").asText()).isEqualTo("RECEIVED_IN_FUTURE");
        assertThat(count("payment")).isEqualTo(paymentsBefore);
    }

    @Test
    void importedPaymentsAreAllocatedExactlyLikePaymentsPostedOneByOneAndReimportIsIdempotent() {
        String p = prefix();
        importCustomer(p + "C1");
        Api.Response booked = upload("admin", "loans", LOANS_HEADER + "\n"
                + p + "POSTED," + p + "C1,CONSUMER,CNY,6000.00,0.0800,6,EQUAL_PRINCIPAL,2025-12-01,2026-01-01,0\n"
                + p + "IMPORTED," + p + "C1,CONSUMER,CNY,6000.00,0.0800,6,EQUAL_PRINCIPAL,2025-12-01,2026-01-01,0\n");
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        // out of order, partial, an overpayment that pays ahead, and more than the whole schedule
        String[][] payments = {
                {"R1", "500.00", "2026-02-03T09:00:00+08:00"},
                {"R2", "40.00", "2026-01-02T09:00:00+08:00"},
                {"R3", "2500.55", "2026-03-01T09:00:00+08:00"},
                {"R4", "10.00", "2026-03-01T09:00:00+08:00"},
                {"R5", "5000.00", "2026-04-01T09:00:00+08:00"}};
        UUID posted = loans.findByExternalId(p + "POSTED").orElseThrow().id();
        UUID imported = loans.findByExternalId(p + "IMPORTED").orElseThrow().id();
        Api api = Api.as(port, "admin");
        StringBuilder file = new StringBuilder(PAYMENTS_HEADER + "\n");
        for (String[] pay : payments) {
            Api.Response r = api.post("/api/v1/loans/" + posted + "/payments",
                    "{\"reference\":\"" + pay[0] + "\",\"amount\":\"" + pay[1] + "\",\"receivedAt\":\"" + pay[2] + "\"}");
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            file.append(p).append("IMPORTED,").append(String.join(",", pay)).append('\n');
        }
        Api.Response first = upload("admin", "payments", file.toString());
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().path("importedRows").asLong()).isEqualTo(5);

        assertSameAllocation(api, posted, imported);
        for (String asOf : List.of("2026-01-20T00:00:00Z", "2026-02-20T00:00:00Z", "2026-03-20T00:00:00Z")) {
            JsonNode a = api.get("/api/v1/loans/" + posted + "/delinquency?asOf=" + asOf).body();
            JsonNode b = api.get("/api/v1/loans/" + imported + "/delinquency?asOf=" + asOf).body();
            assertThat(b.path("daysPastDue")).isEqualTo(a.path("daysPastDue"));
            assertThat(b.path("overdueAmount")).isEqualTo(a.path("overdueAmount"));
        }
        List<String> unallocatedPosted = unallocated(posted);
        assertThat(unallocated(imported)).isEqualTo(unallocatedPosted).containsExactly("R5:1910.55"); // 8050.55 paid against a 6140.00 schedule

        Api.Response again = upload("admin", "payments", file.toString());
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.body().path("importedRows").asLong()).isZero();
        assertThat(again.body().path("skippedRows").asLong()).isEqualTo(5);
        assertSameAllocation(api, posted, imported);

        Api.Response conflict = upload("admin", "payments", PAYMENTS_HEADER + "\n" + p + "IMPORTED,R1,501.00,2026-02-03T09:00:00+08:00\n");
        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.body().path("errors").get(0).path("code").asText()).isEqualTo("PAYMENT_REFERENCE_CONFLICT");
        assertThat(conflict.body().path("errors").get(0).path("column").asText()).isEqualTo("reference");
    }

    @Test
    void acceptsAMultipartUploadAndAnswersAtOnceWithAJobToPoll() throws Exception {
        String p = prefix();
        String boundary = "----amity" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CUSTOMERS_HEADER + "\n" + p + "M1,Multi Part,110101199003074514,en,CN,,,,Asia/Shanghai,,,,,\n"
                + "\r\n--" + boundary + "--\r\n";
        Api.Response started = Api.as(port, "supervisor").send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/CUSTOMERS"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.text("fileName")).isEqualTo("c.csv");
        String id = started.text("id");
        JsonNode job = started.body();
        for (int i = 0; i < 50 && job.path("status").asText().equals("RUNNING"); i++) {
            Thread.sleep(100);
            job = Api.as(port, "supervisor").get("/api/v1/imports/" + id).body();
        }
        assertThat(job.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("percent").asInt()).isEqualTo(100);
        assertThat(job.path("importedRows").asLong()).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownKindAndRolesThatMayNotImport() {
        Api.Response unknown = Api.as(port, "admin").send(csv("/api/v1/imports/contracts", "a,b\n"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("INVALID_ENUM_VALUE");
        assertThat(unknown.body().path("allowedValues").toString()).contains("CUSTOMERS", "LOANS", "PAYMENTS");
        Api.Response agent = Api.as(port, "agent").send(csv("/api/v1/imports/customers", CUSTOMERS_HEADER + "\n"));
        assertThat(agent.status()).isEqualTo(403);
    }

    private void assertSameAllocation(Api api, UUID posted, UUID imported) {
        JsonNode a = api.get("/api/v1/loans/" + posted).body().path("schedule");
        JsonNode b = api.get("/api/v1/loans/" + imported).body().path("schedule");
        assertThat(b).isEqualTo(a);
        String allocations = "SELECT p.reference || ':' || a.instalment_number || ':' || a.component || ':' || a.amount "
                + "FROM payment_allocation a JOIN payment p ON p.id = a.payment_id WHERE a.loan_id = ? ORDER BY 1";
        assertThat(jdbc.sql(allocations).param(imported).query(String.class).list())
                .isEqualTo(jdbc.sql(allocations).param(posted).query(String.class).list())
                .isNotEmpty();
    }

    private List<String> unallocated(UUID loan) {
        return jdbc.sql("SELECT reference || ':' || unallocated FROM payment WHERE loan_id = ? AND unallocated <> 0 ORDER BY 1")
                .param(loan).query(String.class).list();
    }

    private void importCustomer(String externalId) {
        Api.Response r = upload("admin", "customers", CUSTOMERS_HEADER + "\n"
                + externalId + ",Li Lei,110101199003074514,zh-CN,CN,,,,Asia/Shanghai,,,,,\n");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private Api.Response upload(String user, String kind, String csv) {
        return Api.as(port, user).send(csv("/api/v1/imports/" + kind + "?wait=true", csv));
    }

    private HttpRequest.Builder csv(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static String prefix() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
    }
}
