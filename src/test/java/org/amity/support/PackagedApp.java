package org.amity.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run the way a user does ({@code java -jar}, in a directory of its own, embedded PostgreSQL and
 * demo mode by default), on a free port, for tests that kill it and start it again on the same data.
 */
public final class PackagedApp {

    private final Path jar;
    private final Path workDir;
    private final int port;

    public PackagedApp(Path workDir) throws IOException {
        this.jar = packagedJar();
        this.workDir = workDir;
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    /** Where the embedded PostgreSQL keeps its data, under the working directory. */
    public Path dataDir() {
        return workDir.resolve("data/pg");
    }

    /** Starts the jar with {@code extraArgs} after the common ones; each start logs to its own file in the working directory. */
    public Process start(String... extraArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--amity.demo.customers=20", "--logging.level.root=WARN"));
        command.addAll(List.of(extraArgs));
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("amity-" + Instant.now().toEpochMilli() + ".log").toFile())
                .start();
    }

    public void waitUntilHealthy(Process process) throws InterruptedException {
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

    /** SIGTERM, so the graceful shutdown also stops PostgreSQL; SIGKILL if that takes over a minute. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The embedded PostgreSQL server still running on the data directory, by its pid file. */
    public Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir().resolve("postmaster.pid");
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
