package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.amity.support.Api;
import org.amity.support.PackagedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar the way a user does ({@code java -jar}, in another directory, embedded PostgreSQL and
 * demo mode by default), kills it with SIGKILL after a committed write, starts it again on the same data
 * directory and finds the write. The kill leaves the postmaster orphaned with its pid file, which is exactly
 * the situation the restart must handle.
 */
class CrashRecoveryIT {

    @TempDir
    Path workDir;

    @Test
    void aRestartAfterKillMinus9KeepsCommittedData() throws Exception {
        PackagedApp app = new PackagedApp(workDir);
        int port = app.port();
        Process first = app.start();
        try {
            app.waitUntilHealthy(first);
            String externalId = "CRASH-" + UUID.randomUUID();
            Api.Response created = Api.as(port, "admin").post("/api/v1/customers", """
                    {"externalId":"%s","name":"崩溃测试","nationalId":"110101199003071234","language":"zh-CN",
                     "address":{"country":"CN","timeZone":"Asia/Shanghai"}}""".formatted(externalId));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);

            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Optional<ProcessHandle> orphan = app.postmaster();
            assertThat(orphan).as("the postmaster outlives a killed JVM").isPresent();

            Process second = app.start();
            try {
                app.waitUntilHealthy(second);
                Api.Response found = Api.as(port, "admin").get("/api/v1/customers/" + created.text("id"));
                assertThat(found.status()).isEqualTo(200);
                assertThat(found.text("externalId")).isEqualTo(externalId);
                assertThat(orphan.get().isAlive()).as("the orphaned postmaster was stopped").isFalse();
            } finally {
                PackagedApp.stop(second); // SIGTERM: graceful shutdown also stops PostgreSQL
            }
            assertThat(app.postmaster()).as("a graceful stop stops PostgreSQL too").isEmpty();
        } finally {
            first.destroyForcibly();
            app.postmaster().ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
