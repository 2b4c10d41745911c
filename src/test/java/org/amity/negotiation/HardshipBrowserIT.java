package org.amity.negotiation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import org.amity.identity.UserAccounts;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.HeadlessChromium;
import org.amity.support.OverdueBorrower;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The self-serve hardship journey on a phone, in Debian's Chromium: quote → choose → accept → first instalment paid → kept. */
@AmityIntegrationTest
class HardshipBrowserIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @AfterEach
    void resetClock() {
        Api.as(port, "admin").delete("/api/v1/admin/clock");
    }

    @Test
    void aCustomerAgreesAnAffordablePlanOnTheirPhoneAndSeesTheFirstInstalmentKept() {
        OverdueBorrower b = Borrowers.withLogin(port, accounts);
        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page page = context.newPage();
            HeadlessChromium.logIn(page, url("/login?lang=en"), b.customerNumber(), "demo", "**/portal**");
            page.click("#nav-hardship");
            assertThat(page.locator("#page-title")).hasText("Difficulty repaying?");

            page.selectOption("#reason", "INCOME_LOSS");
            page.fill("#monthlyIncome", "9000.00");
            page.fill("#monthlyEssentialExpenses", "4000.00");
            page.fill("#dependants", "2");
            // a file that only claims to be a PDF is refused, and nothing typed is lost
            page.setInputFiles("#documents", new FilePayload("payslip.pdf", "application/pdf",
                    "not really a pdf".getBytes(StandardCharsets.UTF_8)));
            page.click("#get-options");
            assertThat(page.locator("#form-error")).containsText("not a PDF, JPEG or PNG");
            assertThat(page.locator("#monthlyIncome")).hasValue("9000.00");
            assertThat(page.locator("#monthlyEssentialExpenses")).hasValue("4000.00");
            page.setInputFiles("#documents", new FilePayload("payslip.pdf", "application/pdf",
                    "%PDF-1.7\n% payslip".getBytes(StandardCharsets.US_ASCII)));
            page.click("#get-options");

            page.waitForURL("**/portal/hardship/quotes/**");
            assertThat(page.locator("#affordable-limit")).containsText("2,500.00");
            Assertions.assertThat(page.locator("input[type=radio]:checked").count()).as("nothing is pre-selected").isZero();
            Locator plan = page.locator("section.option[id^='option-INSTALMENT_PLAN']");
            assertThat(plan.locator(".badge")).hasText("Affordable");
            String monthly = plan.locator(".monthly").textContent();
            plan.locator("button.choose").click();

            page.waitForURL("**/portal/hardship/arrangements/**");
            assertThat(page.locator("#status")).hasText("Waiting for you");
            page.click("#accept");
            assertThat(page.locator("#status")).hasText("In place");
            assertThat(page.locator("#accepted-at")).containsText("website");
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assertions.assertThat(((Number) overflow).intValue()).as("horizontal overflow on a 390 px phone").isZero();

            String arrangementId = page.url().substring(page.url().lastIndexOf('/') + 1);
            Api admin = Api.as(port, "admin");
            var first = admin.get("/api/v1/arrangements/" + arrangementId).body().path("instalments").get(0);
            Assertions.assertThat(monthly).startsWith(first.path("amount").asText().replaceAll("(\\d)(?=(\\d{3})+\\.)", "$1,"));
            admin.put("/api/v1/admin/clock", "{\"instant\":\"%sT03:00:00Z\"}".formatted(first.path("dueDate").asText()));
            Api.Response paid = admin.post("/api/v1/loans/" + b.loanId() + "/payments",
                    "{\"amount\":\"%s\",\"currency\":\"CNY\",\"reference\":\"BROWSER-%s\"}".formatted(first.path("amount").asText(), arrangementId));
            Assertions.assertThat(paid.status()).as(paid.raw()).isEqualTo(201);

            Locator firstState = page.locator("#instalment-1 .instalment-status");
            for (int i = 0; i < 30 && !firstState.textContent().contains("Paid"); i++) {
                page.waitForTimeout(200);
                page.reload();
            }
            assertThat(firstState).hasText("Paid ✓");
            assertThat(page.locator("#instalment-2 .instalment-status")).hasText("To pay");
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/portal-hardship-390.png")).setFullPage(true));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
