package org.amity.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, for the {@code *BrowserIT} tests: the distribution's browser, never a
 * downloaded one, because builds run offline. {@code AMITY_CHROMIUM} names another executable. A test class registers
 * it as {@code @RegisterExtension static final HeadlessChromium chromium = new HeadlessChromium();}: the browser is
 * launched before the class's tests and closed after them.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getenv().getOrDefault("AMITY_CHROMIUM", "/usr/bin/chromium")))
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"))
                .setHeadless(true));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public BrowserContext newContext(Browser.NewContextOptions options) {
        return browser.newContext(options);
    }

    /** Logs in through the real login form at {@code loginUrl} and waits until the application lands on {@code landing}. */
    public static void logIn(Page page, String loginUrl, String username, String password, String landing) {
        page.navigate(loginUrl);
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-button");
        page.waitForURL(landing);
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
