package org.amity.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.amity.identity.UserAccounts;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;
import org.amity.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal pages in Chinese, and a customer never reaches another customer's quote or arrangement. */
@AmityIntegrationTest
class HardshipPortalIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Test
    void theJourneyReadsInChineseAndAnotherCustomersQuoteOrArrangementIsNotFound() {
        OverdueBorrower owner = Borrowers.withLogin(port, accounts);
        OverdueBorrower other = Borrowers.withLogin(port, accounts);
        WebSession session = WebSession.loggedIn(port, owner.customerNumber(), "demo");
        String page = session.get("/portal/hardship?lang=zh-CN").body();
        assertThat(page).contains("还款有困难？").contains("失去收入").contains(owner.loanNumber()).contains("还款困难");

        HttpResponse<String> refused = session.postForm("/portal/hardship", "/portal/hardship/quote",
                Map.of("loanId", owner.loanId(), "reason", "ILLNESS", "monthlyIncome", "9000.00", "monthlyEssentialExpenses", "-1",
                        "dependants", "1"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("金额须为不小于 0").contains("value=\"9000.00\"");

        HttpResponse<String> quoted = session.postForm("/portal/hardship", "/portal/hardship/quote",
                Map.of("loanId", owner.loanId(), "reason", "ILLNESS", "monthlyIncome", "9000.00", "monthlyEssentialExpenses", "4000.00",
                        "dependants", "1"));
        assertThat(quoted.statusCode()).isEqualTo(302);
        String quotePage = quoted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(session.get(quotePage).body()).contains("可选方案").contains("分期还款").contains("与现有计划相比");

        String quoteId = quotePage.substring(quotePage.lastIndexOf('/') + 1);
        String optionId = Api.as(port, "agent").get("/api/v1/arrangements/quotes/" + quoteId).body().path("options").get(0)
                .path("optionId").asText();
        HttpResponse<String> chosen = session.postForm(quotePage, quotePage + "/choose", Map.of("optionId", optionId));
        String arrangementPage = chosen.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(session.get(arrangementPage).body()).contains("我接受此方案");

        WebSession intruder = WebSession.loggedIn(port, other.customerNumber(), "demo");
        assertThat(intruder.get(quotePage).statusCode()).isEqualTo(404);
        assertThat(intruder.get(arrangementPage).statusCode()).isEqualTo(404);
        assertThat(intruder.postForm("/portal/hardship", arrangementPage + "/accept", Map.of()).statusCode()).isEqualTo(404);
        assertThat(intruder.postForm("/portal/hardship", quotePage + "/choose", Map.of("optionId", optionId)).statusCode()).isEqualTo(404);
        assertThat(Api.as(port, "admin").get("/api/v1/arrangements/" + arrangementPage.substring(arrangementPage.lastIndexOf('/') + 1))
                .text("status")).isEqualTo("AWAITING_ACCEPTANCE");
        // staff have their own console; the portal is for customers only
        assertThat(WebSession.loggedIn(port, "agent", "demo").get("/portal/hardship").statusCode()).isIn(302, 403);
    }
}
