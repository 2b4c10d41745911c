package org.amity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.amity.support.Api;
import org.amity.support.PackagedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar dispatches messages to a local SMS provider, is killed with SIGKILL in the middle of it and
 * started again on the same data: every message is delivered, none is lost, and — the provider honouring the
 * Idempotency-Key (the message id) — none reaches the phone twice. Messages in flight at the kill are sent again
 * with the same key once their claim's lease lapses.
 */
class DispatcherCrashIT {

    static final int MESSAGES = 200;

    @TempDir
    Path workDir;

    @Test
    void aKilledDispatcherResumesWithNoMessageLostAndNoneDeliveredTwice() throws Exception {
        PackagedApp app = new PackagedApp(workDir);
        int port = app.port();
        try (ProviderStub sms = new ProviderStub(true)) {
            sms.delayMillis.set(400); // slower than queueing, so the kill lands mid-dispatch
            Process first = start(app, sms);
            Instant clockAt;
            Instant realAt;
            String customerId;
            try {
                app.waitUntilHealthy(first);
                Api admin = Api.as(port, "admin");
                // tomorrow 10:00 in Shanghai: inside contact hours whenever the test runs
                clockAt = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
                realAt = Instant.now();
                assertThat(admin.put("/api/v1/admin/clock", "{\"instant\":\"" + clockAt + "\"}").status()).isEqualTo(200);
                Api.Response customer = admin.post("/api/v1/customers", """
                        {"externalId":"C-CRASH-1","name":"崩溃恢复","nationalId":"310101199001019999","language":"zh-CN",
                         "address":{"country":"CN","city":"上海","timeZone":"Asia/Shanghai"},
                         "contactPoints":[{"type":"PHONE","value":"+8613912345678","verified":true,"owner":"SELF"}]}""");
                assertThat(customer.status()).as(customer.raw()).isEqualTo(201);
                customerId = customer.text("id");
                for (int i = 0; i < MESSAGES; i++) {
                    Api.Response queued = admin.post("/api/v1/messaging/messages", """
                            {"customerId":"%s","purpose":"SERVICE","channel":"SMS","variables":{"text":"消息 %d"},
                             "idempotencyKey":"crash-%d"}""".formatted(customerId, i, i));
                    assertThat(queued.status()).as(queued.raw()).isEqualTo(201);
                }
                Instant deadline = Instant.now().plusSeconds(60);
                while (sms.total.get() < 30 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                assertThat(sms.total.get()).as("dispatching had started").isGreaterThanOrEqualTo(30);
            } finally {
                first.destroyForcibly(); // SIGKILL mid-dispatch: requests are in flight, claims are held
                first.waitFor(30, TimeUnit.SECONDS);
            }
            long beforeRestart = sms.total.get();
            assertThat(beforeRestart).as("killed before everything was sent").isLessThan(MESSAGES);
            sms.delayMillis.set(0);

            Process second = start(app, sms);
            try {
                app.waitUntilHealthy(second);
                Api admin = Api.as(port, "admin");
                Instant continued = clockAt.plus(Duration.between(realAt, Instant.now()));
                assertThat(admin.put("/api/v1/admin/clock", "{\"instant\":\"" + continued + "\"}").status()).isEqualTo(200);
                Instant deadline = Instant.now().plusSeconds(120);
                long sent = 0;
                JsonNode list = null;
                while (Instant.now().isBefore(deadline)) {
                    list = admin.get("/api/v1/customers/" + customerId + "/messages?limit=500").body();
                    sent = 0;
                    for (JsonNode m : list) {
                        if ("SENT".equals(m.path("status").asText())) {
                            sent++;
                        }
                    }
                    if (sent == MESSAGES) {
                        break;
                    }
                    Thread.sleep(250);
                }
                assertThat(sent).as("every message was sent after the restart").isEqualTo(MESSAGES);
                Set<String> ids = new HashSet<>();
                list.forEach(m -> ids.add(m.path("id").asText()));
                assertThat(ids).hasSize(MESSAGES);
                assertThat(sms.deliveries.keySet()).as("the provider got every message, under its own id").isEqualTo(ids);
                long resent = sms.deliveries.values().stream().filter(n -> n.get() > 1).count();
                List<String> keys = sms.requests.stream().map(ProviderStub.Request::idempotencyKey).distinct().toList();
                assertThat(keys).hasSize(MESSAGES);
                System.out.printf("crash-resume: %d requests before the kill, %d after; %d message(s) sent again with the same key "
                        + "(deduplicated by the provider)%n", beforeRestart, sms.total.get() - beforeRestart, resent);
                assertThat(sms.total.get()).as("the restarted node sent what was left").isGreaterThan(beforeRestart);
            } finally {
                PackagedApp.stop(second);
            }
        } finally {
            app.postmaster().ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static Process start(PackagedApp app, ProviderStub sms) throws IOException {
        return app.start("--amity.messaging.sms.base-url=" + sms.baseUrl(),
                "--amity.messaging.dispatcher.batch-size=40", "--amity.messaging.dispatcher.threads=8",
                "--amity.messaging.dispatcher.lease=5s", "--amity.messaging.dispatcher.poll-interval=100ms");
    }
}
