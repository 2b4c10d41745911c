package org.amity.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Minimal borrowers booked through the public API, for tests that need a customer and say only what matters. */
public final class Borrowers {

    private Borrowers() {
    }

    /** A zh-CN customer in Shanghai with one verified phone of their own; returns the customer id. */
    public static String cnCustomer(Api admin, String externalId, String name, String phone) {
        Api.Response customer = admin.post("/api/v1/customers", """
                {"externalId":"%s","name":"%s","nationalId":"110101199003071234","language":"zh-CN",
                 "address":{"country":"CN","timeZone":"Asia/Shanghai"},
                 "contactPoints":[{"type":"PHONE","value":"%s","verified":true}]}""".formatted(externalId, name, phone));
        assertThat(customer.status()).as(customer.raw()).isEqualTo(201);
        return customer.text("id");
    }

    /**
     * A 12,000.00 CNY consumer loan over 12 months at 6 %, equal instalments of 1,032.80 from 10 February 2026 (the 10th
     * of each month), 3 grace days; returns the loan id.
     */
    public static String consumerLoanFromFebruary2026(Api admin, String externalId, String customerId) {
        Api.Response loan = admin.post("/api/v1/loans", """
                {"externalId":"%s","customerId":"%s","product":"CONSUMER","currency":"CNY","principal":"12000.00",
                 "annualRate":"0.06","termMonths":12,"method":"EQUAL_INSTALLMENT","disbursedOn":"2026-01-10",
                 "firstDueDate":"2026-02-10","graceDays":3}""".formatted(externalId, customerId));
        assertThat(loan.status()).as(loan.raw()).isEqualTo(201);
        return loan.text("id");
    }
}
