package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedPostgresEnvironmentTest {

    @Test
    void passesFurtherSettingsByTheirPostgresqlNamesIncludingDottedOnes() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("amity.embedded-postgres.server-config.shared_preload_libraries", "pg_stat_statements")
                .withProperty("amity.embedded-postgres.server-config.pg_stat_statements.track_planning", "on")
                .withProperty("amity.embedded-postgres.data-dir", "data/pg");

        assertThat(EmbeddedPostgresEnvironment.serverConfig(environment)).isEqualTo(Map.of(
                "shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track_planning", "on"));
    }

    @Test
    void noFurtherSettingsByDefault() {
        assertThat(EmbeddedPostgresEnvironment.serverConfig(new MockEnvironment())).isEmpty();
    }
}
