package org.amity.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A CN borrower booked through the public API, as an integrator would: a loan whose first instalment fell due
 * three months before the business date (so it is overdue), a small payment, an "I have paid" claim and an
 * application waiting for a document. Names and ids are unique per call so tests can share the database.
 */
public record OverdueBorrower(String customerId, String customerNumber, String name, String nationalId,
                              String phone, String loanId, String loanNumber) {

    public static final String PHONE = "+8613800000001";

    public static OverdueBorrower book(int port) {
        Api admin = Api.as(port, "admin");
        String run = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36).toUpperCase();
        // the last four characters are unique to this run so the last-4 search finds exactly this customer
        String nationalId = "11010119900307" + String.format("%4s", run.substring(Math.max(0, run.length() - 4))).replace(' ', 'K');
        String name = "林晓 Lin Xiao " + run;
        Api.Response customer = admin.post("/api/v1/customers", """
                {"externalId":"C-UI-%s","name":"%s","nationalId":"%s","language":"zh-CN",
                 "address":{"country":"CN","region":"上海市","city":"上海","line":"浦东新区世纪大道 100 号","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"%s","verified":true,"owner":"SELF"},
                                  {"type":"EMAIL","value":"lin.xiao.%s@example.com","verified":false,"owner":"SELF"}]}"""
                .formatted(run, name, nationalId, PHONE, run.toLowerCase()));
        assertThat(customer.status()).as(customer.raw()).isEqualTo(201);
        String customerId = customer.text("id");

        LocalDate today = LocalDate.parse(admin.get("/api/v1/admin/clock").text("businessDate"));
        Api.Response loan = admin.post("/api/v1/loans", """
                {"externalId":"L-UI-%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"12000.00",
                 "annualRate":"0.0600","termMonths":12,"method":"EQUAL_INSTALLMENT","disbursedOn":"%s",
                 "firstDueDate":"%s","graceDays":3}"""
                .formatted(run, customerId, today.minusMonths(4), today.minusMonths(3)));
        assertThat(loan.status()).as(loan.raw()).isEqualTo(201);
        String loanId = loan.text("id");

        Api.Response payment = admin.post("/api/v1/loans/" + loanId + "/payments",
                "{\"amount\":\"500.00\",\"currency\":\"CNY\",\"reference\":\"PAY-UI-" + run + "\"}");
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        Api.Response claim = admin.post("/api/v1/loans/" + loanId + "/payment-claims",
                "{\"evidenceReference\":\"WeChat Pay receipt 4200001\",\"amount\":\"1032.80\",\"paidOn\":\"%s\",\"channel\":\"HOTLINE\"}"
                        .formatted(today));
        assertThat(claim.status()).as(claim.raw()).isEqualTo(201);
        Api.Response application = admin.post("/api/v1/applications", """
                {"externalId":"A-UI-%s","customerId":"%s","product":"CONSUMER","amount":"30000.00","currency":"CNY",
                 "documents":["ID_CARD","INCOME_PROOF"]}""".formatted(run, customerId));
        assertThat(application.status()).as(application.raw()).isEqualTo(201);

        return new OverdueBorrower(customerId, "C-UI-" + run, name, nationalId, PHONE, loanId, "L-UI-" + run);
    }

    public UUID customerUuid() {
        return UUID.fromString(customerId);
    }

    public UUID loanUuid() {
        return UUID.fromString(loanId);
    }

    public String nationalIdLast4() {
        return nationalId.substring(nationalId.length() - 4);
    }
}
