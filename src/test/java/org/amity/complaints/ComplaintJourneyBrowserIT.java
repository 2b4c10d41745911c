package org.amity.complaints;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import org.amity.complaints.internal.StoredCalendars;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.HeadlessChromium;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole journey in Debian's Chromium: a customer complains in the portal on a phone; the agent proposes a home
 * visit; the customer refuses it and chooses a video call; the agent proposes a resolution; the customer rejects
 * it; a supervisor re-reviews and proposes another; the customer accepts and rates the handling.
 */
@AmityIntegrationTest
class ComplaintJourneyBrowserIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    StoredCalendars calendars;

    @Test
    void intakeVisitRefusedAlternativeRejectedReReviewedAcceptedAndRated() {
        try (BrowserContext phone = chromium.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
             BrowserContext desk = chromium.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900))) {
            Page customer = phone.newPage();
            logIn(customer, "DEMO-PARTIAL", "**/portal**");
            customer.navigate(url("/portal/complaints?lang=zh-CN"));
            customer.fill("#complaint-description", "客服态度很差，热线一直打不通，问题没人处理");
            customer.click("#complaint-submit");
            assertThat(customer.locator("#flash-notice")).hasText("您的投诉已受理。");
            String caseUrl = customer.url().replaceFirst("\\?.*$", "");
            String id = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
            Object overflow = customer.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assertions.assertThat(((Number) overflow).intValue()).as("the portal case page fits a phone").isZero();

            Page agent = desk.newPage();
            logIn(agent, "agent", "**/console");
            agent.navigate(url("/console/complaints/" + id));
            assertThat(agent.locator("#case-category")).hasText("服务质量");
            agent.fill("#visit-slot-1", slot());
            agent.check("input[name=officer][value=field]");
            agent.click("#visit-propose");
            assertThat(agent.locator("#flash-notice")).hasText("已提出上门时段并通知客户。");

            customer.navigate(caseUrl);
            assertThat(customer.locator("#portal-visit .visit-status")).hasText("待确认");
            customer.selectOption("#visit-alternative", "VIDEO_CALL");
            customer.click("#visit-refuse");
            assertThat(customer.locator("#flash-notice")).containsText("不会上门");
            assertThat(customer.locator("#portal-visit .visit-status")).hasText("客户拒绝 → 视频通话");

            agent.navigate(url("/console/complaints/" + id));
            agent.fill("#resolution-summary", "致歉并优化热线排班");
            agent.click("#resolution-propose");
            assertThat(agent.locator("#case-status")).hasText("已提出方案");

            customer.navigate(caseUrl);
            assertThat(customer.locator("#resolution-text")).hasText("致歉并优化热线排班");
            customer.fill("#resolution-reason", "只道歉不够，希望有人回电解决问题");
            customer.click("#resolution-reject");
            assertThat(customer.locator("#case-status")).hasText("复核中");

            Page supervisor = desk.newPage();
            logIn(supervisor, "supervisor", "**/console");
            supervisor.navigate(url("/console/complaints/" + id));
            supervisor.click("#start-re-review");
            assertThat(supervisor.locator("#case-status")).hasText("复核中");
            supervisor.fill("#resolution-summary", "专人回电解决问题，并赠送一个月免息");
            supervisor.click("#resolution-propose");
            assertThat(supervisor.locator("#case-status")).hasText("已提出方案");

            customer.navigate(caseUrl);
            assertThat(customer.locator("#resolution-text")).hasText("专人回电解决问题，并赠送一个月免息");
            customer.click("#resolution-accept");
            assertThat(customer.locator("#case-status")).hasText("已结案");
            customer.check("#rating-5");
            customer.fill("#survey-comment", "复核后很满意");
            customer.click("#survey-submit");
            assertThat(customer.locator("#survey-thanks")).hasText("感谢您的评价：5/5。");
            customer.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/complaint-portal-390.png")).setFullPage(true));

            supervisor.navigate(url("/console/complaints/" + id + "?lang=en"));
            assertThat(supervisor.locator("#case-status")).hasText("Closed");
            assertThat(supervisor.locator("#case-survey")).containsText("5/5");
            assertThat(supervisor.locator("#case-timeline")).containsText("VISIT_REFUSED");
            assertThat(supervisor.locator("#case-timeline")).containsText("RE_REVIEW_STARTED");
            supervisor.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/complaint-case.png")).setFullPage(true));
        }
    }

    /** 10:00 in Shenzhen (Asia/Shanghai) on a working day at least three days ahead, as the datetime-local input takes it. */
    private String slot() {
        LocalDate day = LocalDate.parse(Api.as(port, "admin").get("/api/v1/admin/clock").text("businessDate")).plusDays(3);
        while (!calendars.isWorkingDay("CN", day)) {
            day = day.plusDays(1);
        }
        return day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime().toString();
    }

    private void logIn(Page page, String username, String landing) {
        HeadlessChromium.logIn(page, url("/login"), username, "demo", landing);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
