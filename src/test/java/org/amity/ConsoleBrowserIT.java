package org.amity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.amity.platform.PersonalData;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.HeadlessChromium;
import org.amity.support.OverdueBorrower;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An agent's day in the console, in Debian's Chromium: log in, switch language, find a borrower, read their page. */
@AmityIntegrationTest
class ConsoleBrowserIT {

    private static final Path SCREENSHOT = Paths.get("target/console-customer.png") /* copied to docs/images for the README */;

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;

    @Test
    void agentSearchesInChineseAndReadsTheLiveDelinquencyOfACustomer() throws Exception {
        OverdueBorrower borrower = OverdueBorrower.book(port);
        int daysPastDue = Api.as(port, "agent").get("/api/v1/loans/" + borrower.loanId() + "/delinquency")
                .body().path("daysPastDue").asInt();
        Assertions.assertThat(daysPastDue).as("the fixture loan must be overdue").isGreaterThan(60);

        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 900))) {
            Page page = context.newPage();
            logIn(page, "agent");

            page.click("#lang-zh");
            assertThat(page.locator("#page-title")).hasText("工作台");

            page.navigate(url("/console/customers"));
            assertThat(page.locator("#page-title")).hasText("查找客户");
            Locator byLast4 = search(page, borrower.nationalIdLast4(), borrower.name());
            assertThat(byLast4).hasCount(1);
            search(page, "138 0000 0001", borrower.name()); // any spelling of the phone finds the same customer
            search(page, borrower.phone(), borrower.name()).click();

            page.waitForURL("**/console/customers/" + borrower.customerId());
            assertThat(page.locator("#customer-name")).hasText(borrower.name());
            Locator loan = page.locator("#loan-" + borrower.loanNumber());
            assertThat(loan.locator(".days-past-due")).hasText(String.valueOf(daysPastDue));
            assertThat(loan.locator(".explain-sentence")).containsText("逾期 " + daysPastDue + " 天");
            assertThat(loan.locator(".standing")).hasText("逾期");
            assertThat(page.locator("#national-id")).hasText(PersonalData.maskNationalId(borrower.nationalId()));
            Assertions.assertThat(page.content()).doesNotContain(borrower.nationalId());

            page.click("#lang-en");
            assertThat(loan.locator(".explain-sentence")).containsText("so the loan is " + daysPastDue + " days past due");
            assertThat(loan.locator(".standing")).hasText("Overdue");

            SCREENSHOT.getParent().toFile().mkdirs();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT).setFullPage(true));
        }
    }

    @Test
    void customerPageFitsA390PixelPhoneWithTablesScrollingInsideTheirWrapper() {
        OverdueBorrower borrower = OverdueBorrower.book(port);

        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true))) {
            Page page = context.newPage();
            logIn(page, "agent");
            page.navigate(url("/console/customers/" + borrower.customerId()));
            assertThat(page.locator("#customer-name")).hasText(borrower.name());

            Object pageOverflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Object tablesScrolling = page.evaluate("() => [...document.querySelectorAll('.table-wrap')]"
                    + ".filter(w => w.offsetParent !== null && w.scrollWidth > w.clientWidth).length");

            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/console-customer-390.png")).setFullPage(true));
            Assertions.assertThat(((Number) pageOverflow).intValue()).as("horizontal overflow of the page, px").isZero();
            Assertions.assertThat(((Number) tablesScrolling).intValue()).as("wide tables scroll inside .table-wrap").isPositive();
        }
    }

    private void logIn(Page page, String username) {
        HeadlessChromium.logIn(page, url("/login"), username, "demo", "**/console");
    }

    /** Types into the live-search box and waits for htmx to show the customer among the results. */
    private static Locator search(Page page, String query, String expectedName) {
        page.fill("#customer-search", query);
        Locator hit = page.locator("#hits a", new Page.LocatorOptions().setHasText(expectedName));
        assertThat(hit).isVisible();
        return hit;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
