package org.amity.assistant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import tools.jackson.databind.JsonNode;

/**
 * The preference centre (issue 4 §3) in Chromium: the customer changes channels and times in the portal, the agent
 * on the phone sees and changes the same preferences in the console, and the next decision follows at once.
 */
@AmityIntegrationTest
class PreferenceCentreBrowserIT {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;

    @Test
    void theCustomerSetsPreferencesInThePortalAndTheAgentSeesAndChangesThemInTheConsole() {
        OverdueBorrower b = OverdueBorrower.book(port);
        users.create(b.customerNumber(), "demo-password", Set.of(Role.CUSTOMER), b.name(), UUID.fromString(b.customerId()), false);

        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setLocale("en-GB")
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
            Page page = context.newPage();
            logIn(page, b.customerNumber(), "demo-password", "**/portal");
            page.navigate(url("/portal/preferences?lang=en"));
            assertThat(page.locator("#page-title")).hasText("Contact preferences");
            page.uncheck("#allow_REPAYMENT_REMINDER_SMS");
            page.uncheck("#allow_COLLECTION_VOICE");
            page.check("#marketing_EMAIL");
            page.selectOption("#preferredChannel", "EMAIL");
            page.locator("#pref-row-0 input[value='SAT']").check();
            page.locator("#pref-row-0 input[name='pref_from_0']").fill("10:00");
            page.locator("#pref-row-0 input[name='pref_to_0']").fill("12:00");
            page.locator("#inc-row-0 input[value='MON']").check();
            page.locator("#inc-row-0 input[value='TUE']").check();
            page.locator("#inc-row-0 input[name='inc_from_0']").fill("09:00");
            page.locator("#inc-row-0 input[name='inc_to_0']").fill("18:00");
            page.click("#save-preferences");
            assertThat(page.locator("#prefs-saved")).isVisible();
            assertThat(page.locator("#allow_REPAYMENT_REMINDER_SMS")).not().isChecked();
            assertThat(page.locator("#preferredChannel")).hasValue("EMAIL");
            Assertions.assertThat(((Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                    .as("horizontal overflow on a 390 px phone").isZero();
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/portal-preferences-390.png")).setFullPage(true));
        }

        JsonNode prefs = Api.as(port, "admin").get("/api/v1/customers/" + b.customerId() + "/contact-preferences").body();
        Assertions.assertThat(prefs.path("optOuts").toString()).contains("REPAYMENT_REMINDER").contains("COLLECTION");
        Assertions.assertThat(prefs.path("preferredTimes").toString()).contains("SAT");
        Assertions.assertThat(prefs.path("inconvenientTimes").toString()).contains("MON").contains("TUE");
        Assertions.assertThat(Api.as(port, "dialer").post("/api/v1/contact-decisions", """
                {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s"}"""
                .formatted(b.customerId(), b.loanId(), b.phone())).raw()).contains("CHANNEL_OPTED_OUT");

        try (BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900))) {
            Page page = context.newPage();
            logIn(page, "agent", "demo", "**/console");
            page.navigate(url("/console/customers/" + b.customerId() + "?lang=zh-CN"));
            page.click("#preferences-link");
            page.waitForURL("**/preferences");
            assertThat(page.locator("#page-title")).hasText("联系偏好");
            assertThat(page.locator("#allow_REPAYMENT_REMINDER_SMS")).not().isChecked();
            assertThat(page.locator("#marketing_EMAIL")).isChecked();
            // the customer calls and asks for collection calls again
            page.check("#allow_COLLECTION_VOICE");
            page.click("#save-preferences");
            assertThat(page.locator("#prefs-saved")).isVisible();
        }
        Assertions.assertThat(Api.as(port, "dialer").post("/api/v1/contact-decisions", """
                {"customerId":"%s","loanId":"%s","purpose":"COLLECTION","channel":"VOICE","destination":"%s"}"""
                .formatted(b.customerId(), b.loanId(), b.phone())).raw()).doesNotContain("CHANNEL_OPTED_OUT");
    }

    private void logIn(Page page, String username, String password, String landing) {
        HeadlessChromium.logIn(page, url("/login"), username, password, landing);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
