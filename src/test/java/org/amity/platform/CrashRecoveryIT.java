package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.amity.support.Api;
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
        Path jar = packagedJar();
        int port = freePort();
        Process first = start(jar, port);
        Path dataDir = workDir.resolve("data/pg");
        try {
            waitUntilHealthy(port, first);
            String externalId = "CRASH-" + UUID.randomUUID();
            Api.Response created = Api.as(port, "admin").post("/api/v1/customers", """
                    {"externalId":"%s","name":"崩溃测试","nationalId":"110101199003071234","language":"zh-CN",
                     "address":{"country":"CN","timeZone":"Asia/Shanghai"}}""".formatted(externalId));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);

            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Optional<ProcessHandle> orphan = postmaster(dataDir);
            assertThat(orphan).as("the postmaster outlives a killed JVM").isPresent();

            Process second = start(jar, port);
            try {
                waitUntilHealthy(port, second);
                Api.Response found = Api.as(port, "admin").get("/api/v1/customers/" + created.text("id"));
                assertThat(found.status()).isEqualTo(200);
                assertThat(found.text("externalId")).isEqualTo(externalId);
                assertThat(orphan.get().isAlive()).as("the orphaned postmaster was stopped").isFalse();
            } finally {
                second.destroy(); // SIGTERM: graceful shutdown also stops PostgreSQL
                if (!second.waitFor(60, TimeUnit.SECONDS)) {
                    second.destroyForcibly();
                }
            }
            assertThat(postmaster(dataDir)).as("a graceful stop stops PostgreSQL too").isEmpty();
        } finally {
            first.destroyForcibly();
            postmaster(dataDir).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Process start(Path jar, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--amity.demo.customers=20", "--logging.level.root=WARN")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("amity-" + Instant.now().toEpochMilli() + ".log").toFile())
                .start();
    }

    private static void waitUntilHealthy(int port, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the application exited during start-up").isTrue();
            try {
                if (new Api(port, null, null).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Amity did not become healthy on port " + port);
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    private static Path packagedJar() {
        File[] jars = new File("target").listFiles((dir, name) -> name.matches("amity-.*\\.jar") && !name.endsWith("-plain.jar"));
        assertThat(jars).as("run through 'mvnw verify' so the jar is packaged first").isNotEmpty();
        return jars[0].toPath().toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
