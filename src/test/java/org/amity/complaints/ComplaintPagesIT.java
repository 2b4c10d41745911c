package org.amity.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.OverdueBorrower;
import org.amity.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console queue and case page, hotline intake, the portal form, in both languages; a refused file keeps the complaint. */
@AmityIntegrationTest
class ComplaintPagesIT {

    @LocalServerPort
    int port;

    @Test
    void anAgentOpensAHotlineComplaintAndSeesItInTheQueueAndOnItsPage() {
        OverdueBorrower b = OverdueBorrower.book(port);
        WebSession agent = WebSession.loggedIn(port, "agent", "demo");
        HttpResponse<String> opened = agent.postForm("/console/complaints", "/console/complaints", Map.of("customer", b.customerNumber(),
                "loan", b.loanNumber(), "channel", "HOTLINE", "description", "你们打电话给我的同事说我欠钱"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/console/complaints/");
        String page = agent.get(location.replaceFirst("^https?://[^/]+", "") + "?lang=zh-CN").body();
        assertThat(page).contains("联系第三方", "处理时限", "上门核实", "id=\"contact-evidence\"");
        String queue = agent.get("/console/complaints?lang=en&q=" + b.customerNumber()).body();
        assertThat(queue).contains("Third-party contact", "complaint-row");
        HttpResponse<String> unknown = agent.postForm("/console/complaints", "/console/complaints",
                Map.of("customer", "NOPE-1", "channel", "HOTLINE", "description", "x"));
        assertThat(agent.get("/console/complaints").body()).contains("No customer with number NOPE-1");
        assertThat(unknown.statusCode()).isEqualTo(302);
    }

    @Test
    void aCustomerFilesInThePortalAndARefusedFileKeepsTheComplaint() {
        WebSession customer = WebSession.loggedIn(port, "DEMO-PAID-YESTERDAY", "demo");
        assertThat(customer.get("/portal/complaints?lang=zh-CN").body()).contains("我要投诉", "nav-my-complaints");
        HttpResponse<String> filed = customer.postMultipart("/portal/complaints", "/portal/complaints",
                Map.of("description", "昨天已经还清了，今天又收到逾期短信"), "file", "receipt.pdf", "this is not a pdf");
        assertThat(filed.statusCode()).isEqualTo(302);
        String location = filed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String page = customer.get(location + (location.contains("?") ? "&" : "?") + "lang=en").body();
        assertThat(page).contains("receipt.pdf is not a PDF, JPEG or PNG", "Received");
        assertThat(customer.get("/portal/complaints").body()).contains("昨天已经还清了");
        assertThat(WebSession.loggedIn(port, "DEMO-PARTIAL", "demo").get(location).statusCode()).isEqualTo(404);
    }

    @Test
    void theFieldOfficerHasAPhoneSizedVisitList() {
        WebSession field = WebSession.loggedIn(port, "field", "demo");
        HttpResponse<String> visits = field.get("/console/visits?lang=zh-CN");
        assertThat(visits.statusCode()).isEqualTo(200);
        assertThat(visits.body()).contains("我的外访", "class=\"phone\"");
        assertThat(field.get("/console/complaints").statusCode()).isEqualTo(403);
    }
}
