package org.amity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.amity.support.Api;

/**
 * A CN borrower of the messaging tests, booked through the public API with a phone and e-mail of their own
 * (unique per call, so keyword opt-outs and inboxes never mix between tests) and a loan overdue by about a month.
 */
record Borrower(String customerId, String customerNumber, String name, String phone, String email, String loanId,
                String loanNumber) {

    static Borrower book(int port) {
        Api admin = Api.as(port, "admin");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String run = Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36 * 36), 36).toUpperCase();
        String phone = "+86139" + String.format("%08d", random.nextInt(100_000_000));
        String email = "m." + run.toLowerCase() + "@example.com";
        String name = "周敏" + run;
        Api.Response customer = admin.post("/api/v1/customers", """
                {"externalId":"C-MSG-%s","name":"%s","nationalId":"310101199001%s","language":"zh-CN",
                 "address":{"country":"CN","region":"上海市","city":"上海","line":"静安区南京西路 1 号","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"%s","verified":true,"owner":"SELF"},
                                  {"type":"EMAIL","value":"%s","verified":true,"owner":"SELF"}]}"""
                .formatted(run, name, String.format("%6s", run).replace(' ', '0'), phone, email));
        assertThat(customer.status()).as(customer.raw()).isEqualTo(201);
        String customerId = customer.text("id");
        LocalDate today = LocalDate.parse(admin.get("/api/v1/admin/clock").text("businessDate"));
        Api.Response loan = admin.post("/api/v1/loans", """
                {"externalId":"L-MSG-%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"12000.00",
                 "annualRate":"0.0600","termMonths":12,"method":"EQUAL_INSTALLMENT","disbursedOn":"%s",
                 "firstDueDate":"%s","graceDays":3}"""
                .formatted(run, customerId, today.minusMonths(2), today.minusMonths(1)));
        assertThat(loan.status()).as(loan.raw()).isEqualTo(201);
        return new Borrower(customerId, "C-MSG-" + run, name, phone, email, loan.text("id"), "L-MSG-" + run);
    }

    java.util.UUID id() {
        return java.util.UUID.fromString(customerId);
    }

    java.util.UUID loan() {
        return java.util.UUID.fromString(loanId);
    }
}
