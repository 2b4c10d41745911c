package org.amity.assistant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.util.Set;
import java.util.UUID;
import org.amity.identity.Role;
import org.amity.identity.UserAccounts;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.HeadlessChromium;
import org.amity.support.OverdueBorrower;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A borrower on a phone, in Debian's Chromium: logs in, reads why the loan is overdue, asks the assistant in Chinese
 * how the application is going, and stops collection calls by confirming the assistant's proposal.
 */
@AmityIntegrationTest
class PortalBrowserIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;

    @Test
    void aBorrowerReadsTheOverdueExplanationAsksAboutTheApplicationInChineseAndStopsCollectionCalls() {
        OverdueBorrower b = OverdueBorrower.book(port);
        users.create(b.customerNumber(), "demo-password", Set.of(Role.CUSTOMER), b.name(), UUID.fromString(b.customerId()), false);
        int daysPastDue = Api.as(port, "admin").get("/api/v1/loans/" + b.loanId() + "/delinquency").body().path("daysPastDue").asInt();

        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
            Page page = context.newPage();
            HeadlessChromium.logIn(page, url("/login?lang=zh-CN"), b.customerNumber(), "demo-password", "**/portal");

            // the overview: overdue as of now, and the sentence saying how that was computed
            Locator loan = page.locator("#loan-" + b.loanNumber());
            assertThat(loan.locator(".standing")).hasText("逾期");
            assertThat(loan.locator(".explain-sentence")).containsText("已逾期 " + daysPastDue + " 天");
            assertThat(loan.locator(".explain .hint")).containsText("逾期天数从最早一期未还清款项的到期日起算");
            assertThat(loan.locator(".next-due-date")).isVisible();
            Assertions.assertThat(((Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                    .as("horizontal overflow on a 390 px phone").isZero();
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/portal-overview-390.png")).setFullPage(true));

            // the assistant, in Chinese, about the application
            page.click("#nav-assistant");
            page.waitForURL("**/portal/assistant");
            page.fill("#chat-text", "我的贷款申请审批到哪一步了？");
            page.click("#chat-send");
            Locator reply = page.locator(".bubble.reply").last();
            assertThat(reply).containsText("申请 A-UI-");
            assertThat(reply).containsText("还需要您提供：身份证、收入证明");
            Assertions.assertThat(reply.getAttribute("data-intent")).isEqualTo("APPLICATION_PROGRESS");
            assertThat(page.locator("#chat-text")).hasValue("");

            // "stop calling me": proposed, explained, and run only after confirming
            page.fill("#chat-text", "别再打电话催收了");
            page.click("#chat-send");
            assertThat(page.locator(".bubble.reply").last()).containsText("这不会停止短信提醒");
            page.locator("button[data-action='CONFIRM:OPT_OUT_VOICE_COLLECTION']").last().click();
            assertThat(page.locator(".bubble.reply").last()).containsText("已办理");
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/portal-assistant-390.png")).setFullPage(true));

            // the preference centre shows the opt-out at once
            page.click("#nav-preferences");
            page.waitForURL("**/portal/preferences");
            assertThat(page.locator("#allow_COLLECTION_VOICE")).not().isChecked();
            assertThat(page.locator("#allow_COLLECTION_SMS")).isChecked();
        }
        Assertions.assertThat(Api.as(port, "dialer").post("/api/v1/contact-decisions", """
                {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s"}"""
                .formatted(b.customerId(), b.loanId(), b.phone())).raw()).contains("CHANNEL_OPTED_OUT");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
