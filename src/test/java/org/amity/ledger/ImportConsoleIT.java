package org.amity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.support.AmityIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AmityIntegrationTest
class ImportConsoleIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void aSupervisorUploadsAFileWithTheFormAndSeesTheErrorsWithLineAndColumn() throws Exception {
        String login = get("/login");
        post("/login", "application/x-www-form-urlencoded",
                "username=supervisor&password=demo&_csrf=" + csrf(login));
        String page = get("/console/imports?lang=en");
        assertThat(page).contains("Import from CSV", "name=\"file\"");

        String boundary = "----amity" + UUID.randomUUID();
        String csv = String.join(",", ImportKind.CUSTOMERS.columns()) + "\n"
                + "X" + UUID.randomUUID().toString().substring(0, 8) + ",Li Lei,110101199003074514,zh-CN,CN,,,,Mars/Base,,,,,\n";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(page) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nCUSTOMERS\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bad.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> job = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(job.statusCode()).isEqualTo(200);
        assertThat(job.uri().getPath()).startsWith("/console/imports/");
        assertThat(job.body()).contains("<progress");

        String status = job.body();
        for (int i = 0; i < 50 && status.contains("every 1s"); i++) {
            Thread.sleep(100);
            status = get(job.uri().getPath() + "/status");
        }
        assertThat(status).doesNotContain("every 1s").contains("import-errors", "time_zone", "INVALID_TIME_ZONE", ">2<");
    }

    private String get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void post(String path, String type, String body) throws Exception {
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in " + html).isTrue();
        return m.group(1);
    }
}
