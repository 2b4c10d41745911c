package org.amity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.amity.identity.Role;
import org.amity.identity.UserAccounts;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.OverdueBorrower;
import org.amity.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may open which console page, over real HTTP with the real login form. */
@AmityIntegrationTest
class ConsoleIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Test
    void anonymousVisitorIsSentToTheLoginPage() {
        HttpResponse<String> response = new WebSession(port).get("/console/customers");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void agentCannotOpenTheAuditTrail() {
        WebSession agent = WebSession.loggedIn(port, "agent", "demo");

        assertThat(agent.get("/console/audit").statusCode()).isEqualTo(403);
        assertThat(agent.get("/console/audit/verify").statusCode()).isEqualTo(403);
        assertThat(agent.get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void complianceOfficerSeesTheAuditTrailAndCanVerifyTheChain() {
        WebSession compliance = WebSession.loggedIn(port, "compliance", "demo");

        HttpResponse<String> page = compliance.get("/console/audit?entityType=Customer");
        HttpResponse<String> verification = compliance.get("/console/audit/verify", "HX-Request", "true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"audit-events\"", "CUSTOMER_CREATED");
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(verification.body()).contains("id=\"verify-valid\"").doesNotContain("<html");
    }

    @Test
    void liveSearchReturnsOnlyTheResultsTableToHtmxAndTheWholePageOtherwise() {
        OverdueBorrower borrower = OverdueBorrower.book(port);
        WebSession agent = WebSession.loggedIn(port, "agent", "demo");

        String fragment = agent.get("/console/customers?q=" + borrower.nationalIdLast4(), "HX-Request", "true").body();
        String page = agent.get("/console/customers?q=" + borrower.nationalIdLast4()).body();

        assertThat(fragment).contains(borrower.customerId()).doesNotContain("<html");
        assertThat(page).contains(borrower.customerId(), "<html");
    }

    @Test
    void customerIsSentToTheirPortalInsteadOfTheConsole() {
        OverdueBorrower borrower = OverdueBorrower.book(port);
        String username = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(username, "customer-password", Set.of(Role.CUSTOMER), borrower.name(), UUID.fromString(borrower.customerId()), false);
        WebSession customer = WebSession.loggedIn(port, username, "customer-password");

        HttpResponse<String> console = customer.get("/console");
        HttpResponse<String> portal = customer.get("/portal");

        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
        assertThat(customer.get("/console/customers/" + borrower.customerId()).statusCode()).isEqualTo(302);
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains(borrower.loanNumber(), "class=\"days-past-due\"");
    }

    @Test
    void staffMemberIsSentFromThePortalToTheConsole() {
        HttpResponse<String> portal = WebSession.loggedIn(port, "agent", "demo").get("/portal");

        assertThat(portal.statusCode()).isEqualTo(302);
        assertThat(portal.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));
    }
}
