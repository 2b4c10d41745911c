package org.amity.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.OverdueBorrower;
import org.amity.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A hardship request taken on the phone: the agent quotes and proposes, a supervisor approves, the agent records acceptance. */
@AmityIntegrationTest
class ArrangementConsoleIT {

    @LocalServerPort
    int port;

    @Test
    void anAgentProposesOnThePhoneASupervisorApprovesAndTheAgentRecordsTheCustomersAcceptance() {
        OverdueBorrower b = OverdueBorrower.book(port);
        WebSession agent = WebSession.loggedIn(port, "agent", "demo");
        assertThat(agent.get("/console/arrangements").statusCode()).isEqualTo(200);

        HttpResponse<String> bad = agent.postForm("/console/arrangements/new", "/console/arrangements/quote",
                Map.of("loan", b.loanNumber(), "reason", "INCOME_LOSS", "monthlyIncome", "20000.00", "monthlyEssentialExpenses", "5000.00",
                        "dependants", "31"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("INVALID_DEPENDANTS");

        HttpResponse<String> quoted = agent.postForm("/console/arrangements/new", "/console/arrangements/quote",
                Map.of("loan", b.loanNumber(), "reason", "INCOME_LOSS", "monthlyIncome", "20000.00", "monthlyEssentialExpenses", "5000.00",
                        "dependants", "1"));
        assertThat(quoted.statusCode()).isEqualTo(302);
        String quotePage = quoted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String page = agent.get(quotePage).body();
        Matcher option = Pattern.compile("id=\"option-(RATE_REDUCTION-\\d+)\"").matcher(page);
        assertThat(option.find()).as(page).isTrue();

        HttpResponse<String> proposed = agent.postForm(quotePage, quotePage + "/propose", Map.of("optionId", option.group(1)));
        String detail = proposed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(detail).matches("/console/arrangements/[0-9a-f-]{36}");
        String id = detail.substring(detail.lastIndexOf('/') + 1);
        assertThat(Api.as(port, "agent").get("/api/v1/arrangements/" + id).text("status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(agent.get("/console/arrangements").body()).contains(id);

        WebSession supervisor = WebSession.loggedIn(port, "supervisor", "demo");
        assertThat(supervisor.postForm(detail, detail + "/approval", Map.of("approved", "true", "note", "payslips seen")).statusCode())
                .isEqualTo(302);
        assertThat(agent.postForm(detail, detail + "/acceptance", Map.of("channel", "HOTLINE")).statusCode()).isEqualTo(302);

        var a = Api.as(port, "admin").get("/api/v1/arrangements/" + id);
        assertThat(a.text("status")).isEqualTo("ACTIVE");
        assertThat(a.text("approvedBy")).isEqualTo("supervisor");
        assertThat(a.text("acceptedBy")).isEqualTo("agent");
        assertThat(a.text("acceptedChannel")).isEqualTo("HOTLINE");
        assertThat(agent.get(detail).body()).contains("FOLLOW_UP").contains("ACCEPTED");
        var audit = Api.as(port, "admin").get("/api/v1/audit/events?entityType=Arrangement&entityId=" + id);
        assertThat(audit.raw()).contains("ARRANGEMENT_PROPOSED").contains("ARRANGEMENT_APPROVED").contains("ARRANGEMENT_ACCEPTED");
    }
}
