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
}
