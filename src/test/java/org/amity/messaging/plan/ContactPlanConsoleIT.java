package org.amity.messaging.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amity.support.AmityIntegrationTest;
import org.amity.support.Api;
import org.amity.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console page: a supervisor starts today's run and follows it; compliance reads and versions the cadence. */
@AmityIntegrationTest
class ContactPlanConsoleIT {

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void elevenInTheMorningInShanghai() {
        admin = Api.as(port, "admin");
        LocalDate date = LocalDate.parse(admin.get("/api/v1/admin/clock").text("businessDate"));
        admin.put("/api/v1/admin/clock", "{\"instant\":\"" + date + "T11:00:00+08:00\"}");
    }

    @AfterEach
    void resetClock() {
        admin.delete("/api/v1/admin/clock");
    }

    @Test
    void aSupervisorStartsARunAndThePageFollowsItToItsReportAfterAReload() {
        WebSession supervisor = WebSession.loggedIn(port, "supervisor", "demo");
        HttpResponse<String> page = supervisor.get("/console/contact-plan?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Daily contact plan", "id=\"start-run\"", "id=\"cadence-levels\"", "first notice");

        HttpResponse<String> started = supervisor.postForm("/console/contact-plan", "/console/contact-plan/runs", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        Matcher id = Pattern.compile("run=([0-9a-f-]{36})").matcher(location);
        assertThat(id.find()).as(location).isTrue();

        // the status block polls itself while running; a fresh page load (a reload) shows the same run
        String status = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            status = supervisor.get("/console/contact-plan/runs/" + id.group(1) + "/status").body();
            if (!status.contains("hx-trigger")) {
                break;
            }
            sleep(200);
        }
        assertThat(status).doesNotContain("hx-trigger").contains("id=\"plan-sentences\"", "id=\"plan-queued\"");
        HttpResponse<String> reloaded = supervisor.get("/console/contact-plan?run=" + id.group(1));
        assertThat(reloaded.body()).contains("id=\"plan-totals\"", id.group(1));
        assertThat(WebSession.loggedIn(port, "agent", "demo").get("/console/contact-plan").statusCode()).isEqualTo(403);
    }

    @Test
    void complianceSavesANewCadenceVersionAndABadOneIsExplained() {
        WebSession compliance = WebSession.loggedIn(port, "compliance", "demo");
        String version = "it-" + System.nanoTime();
        String yaml = """
                version: "%s"
                source: "house rule: test cadence"
                reminders: {daysBefore: [3], channels: [SMS]}
                collection:
                  - {level: 1, name: "first notice", daysPastDue: 4, channels: [SMS]}
                """.formatted(version);
        HttpResponse<String> bad = compliance.postForm("/console/contact-plan", "/console/contact-plan/cadence",
                Map.of("yaml", yaml.replace("channels: [SMS]}", "channels: [VISIT]}")));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(compliance.get("/console/contact-plan").body()).contains("id=\"cadence-error\"", "channels[0]: the plan never uses VISIT");

        HttpResponse<String> saved = compliance.postForm("/console/contact-plan", "/console/contact-plan/cadence",
                Map.of("yaml", yaml, "effectiveFrom", "2099-01-01T00:00:00Z", "comment", "scheduled for a test"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(compliance.get("/console/contact-plan").body()).contains("id=\"cadence-saved\"", version);
        assertThat(admin.get("/api/v1/audit/events?entityType=ContactCadence&entityId=" + version).raw()).contains("CONTACT_CADENCE_CHANGED");
        // scheduled for later: the cadence in effect now is unchanged
        assertThat(Api.as(port, "compliance").get("/api/v1/contact-plan/cadence").raw()).contains(version);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
