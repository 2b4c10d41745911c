package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Regression: the first payment on a loan failed with 500 because "latest earlier payment" was a NULL max(). */
@AmityIntegrationTest
class FirstPaymentIT {

    @LocalServerPort
    int port;

    @Test
    void firstPaymentOnALoanIsPostedAndAllocated() {
        // OverdueBorrower posts a 500.00 payment as the loan's first and asserts 201
        OverdueBorrower borrower = OverdueBorrower.book(port);

        Api.Response loan = Api.as(port, "admin").get("/api/v1/loans/" + borrower.loanId());

        assertThat(loan.body().path("schedule").get(0).path("paid").asText()).isEqualTo("500.00");
    }
}
