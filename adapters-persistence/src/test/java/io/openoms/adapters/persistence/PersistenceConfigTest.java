package io.openoms.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersistenceConfigTest {
    private static final PersistenceConfig EMBEDDED = PersistenceConfig.embedded(Path.of("/var/lib/openoms"));

    @Test
    void embedded_defaults_use_an_h2_file_database_in_postgresql_mode() {
        assertThat(EMBEDDED.jdbcUrl()).isEmpty();
        assertThat(EMBEDDED.effectiveJdbcUrl())
                .isEqualTo(
                        "jdbc:h2:file:/var/lib/openoms/openoms;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        assertThat(EMBEDDED.isPostgres()).isFalse();
        assertThat(EMBEDDED.poolSize()).isEqualTo(8);
        assertThat(EMBEDDED.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(EMBEDDED.journalBatchSize()).isEqualTo(512);
        assertThat(EMBEDDED.journalMaxWait()).isEqualTo(Duration.ofMillis(1));
        assertThat(EMBEDDED.migrateOnStart()).isTrue();
        assertThat(EMBEDDED.brokerName()).isEqualTo("mock");
    }

    @Test
    void an_h2_url_always_commits_to_the_file_before_it_returns() {
        PersistenceConfig given = EMBEDDED.withJdbcUrl("jdbc:h2:file:/tmp/x;MODE=PostgreSQL");
        assertThat(given.effectiveJdbcUrl()).isEqualTo("jdbc:h2:file:/tmp/x;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThatThrownBy(() -> EMBEDDED.withJdbcUrl("jdbc:h2:file:/tmp/x;write_delay=500"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WRITE_DELAY");
    }

    @Test
    void a_server_url_is_used_as_given() {
        PersistenceConfig config = PersistenceConfig.server("jdbc:postgresql://db:5432/oms", "oms", "pw");
        assertThat(config.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/oms");
        assertThat(config.isPostgres()).isTrue();
    }

    @Test
    void the_password_never_shows() {
        PersistenceConfig config =
                PersistenceConfig.server("jdbc:postgresql://db/oms?user=x&password=hunter2", "oms", "s3cret");
        assertThat(config.toString())
                .doesNotContain("hunter2")
                .doesNotContain("s3cret")
                .contains("password=***");
        assertThat(EMBEDDED.toString()).contains("password=(none)");
    }

    @Test
    void every_key_is_validated_with_its_name_in_the_message() {
        assertThatThrownBy(() -> EMBEDDED.withJdbcUrl("jdbc:mysql://x?password=p"))
                .hasMessageContaining("jdbcUrl")
                .hasMessageNotContaining("=p'");
        assertThatThrownBy(() -> EMBEDDED.withPoolSize(0)).hasMessageContaining("poolSize");
        assertThatThrownBy(() -> EMBEDDED.withPoolSize(101)).hasMessageContaining("poolSize");
        assertThatThrownBy(() -> EMBEDDED.withConnectionTimeout(Duration.ofMillis(10)))
                .hasMessageContaining("connectionTimeout");
        assertThatThrownBy(() -> EMBEDDED.withJournal(0, Duration.ZERO)).hasMessageContaining("journalBatchSize");
        assertThatThrownBy(() -> EMBEDDED.withJournal(10, Duration.ofSeconds(2)))
                .hasMessageContaining("journalMaxWait");
        assertThatThrownBy(() -> EMBEDDED.withJournal(10, Duration.ofMillis(-1)))
                .hasMessageContaining("journalMaxWait");
        assertThatThrownBy(() -> EMBEDDED.withBrokerName("Zerodha Kite")).hasMessageContaining("brokerName");
        assertThatThrownBy(() -> new PersistenceConfig(
                        Optional.empty(), null, "", "", 1, Duration.ofSeconds(1), 1, Duration.ZERO, true, "mock"))
                .hasMessageContaining("dataDirectory");
    }

    @Test
    void withers_change_one_key() {
        PersistenceConfig changed = EMBEDDED.withJournal(100, Duration.ZERO).withMigrateOnStart(false);
        assertThat(changed.journalBatchSize()).isEqualTo(100);
        assertThat(changed.journalMaxWait()).isZero();
        assertThat(changed.migrateOnStart()).isFalse();
        assertThat(changed.poolSize()).isEqualTo(EMBEDDED.poolSize());
    }
}
