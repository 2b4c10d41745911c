package org.amity.messaging.plan;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A supervisor on a phone starts today's plan in Chinese and reads its report, also after reloading the page. */
@AmityIntegrationTest
class ContactPlanBrowserIT {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchChromium() {
        // the distribution's Chromium, never a downloaded one: builds run offline
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getenv().getOrDefault("AMITY_CHROMIUM", "/usr/bin/chromium")))
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"))
                .setHeadless(true));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void elevenInTheMorningInShanghai() {
        Api admin = Api.as(port, "admin");
        LocalDate date = LocalDate.parse(admin.get("/api/v1/admin/clock").text("businessDate"));
        admin.put("/api/v1/admin/clock", "{\"instant\":\"" + date + "T11:00:00+08:00\"}");
    }

    @AfterEach
    void resetClock() {
        Api.as(port, "admin").delete("/api/v1/admin/clock");
    }

    @Test
    void aSupervisorStartsThePlanOnAPhoneAndReadsTheReportInChinese() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            page.fill("#username", "supervisor");
            page.fill("#password", "demo");
            page.click("#login-button");
            page.waitForURL("**/console");
            page.click("#lang-zh");
            page.navigate("http://localhost:" + port + "/console/contact-plan");
            assertThat(page.locator("#page-title")).hasText("每日联系计划");

            page.click("#start-run");
            page.waitForURL("**/console/contact-plan?run=*");
            // htmx polls the status block until the run is done
            assertThat(page.locator("#plan-status")).hasText("已完成", new LocatorAssertions.HasTextOptions().setTimeout(90_000));
            assertThat(page.locator("#plan-sentences li").first()).isVisible();

            page.reload();
            assertThat(page.locator("#plan-status")).hasText("已完成");
            assertThat(page.locator("#plan-runs")).isVisible();
            assertThat(page.locator("#cadence-levels")).containsText("first call");
        }
    }
}
