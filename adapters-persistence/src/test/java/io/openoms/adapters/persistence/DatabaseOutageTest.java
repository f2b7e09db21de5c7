package io.openoms.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.JournalException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A database nobody answers at: every read and append fails clearly, and no secret leaks. */
class DatabaseOutageTest {
    private static final PersistenceConfig UNREACHABLE = PersistenceConfig.server(
                    "jdbc:postgresql://127.0.0.1:1/openoms?password=url-secret", "oms", "config-secret")
            .withConnectionTimeout(Duration.ofMillis(500))
            .withMigrateOnStart(false);

    @Test
    void opening_fails_with_database_unavailable_and_no_password() {
        assertThatThrownBy(() -> Persistence.open(UNREACHABLE, Clock.systemUTC()))
                .hasMessageStartingWith("database unavailable: ")
                .hasMessageNotContaining("url-secret")
                .hasMessageNotContaining("config-secret");
    }

    @Test
    void appends_and_reads_fail_with_database_unavailable_and_nothing_is_written() {
        try (Database database = Database.open(UNREACHABLE);
                GroupCommitJournal journal = new GroupCommitJournal(
                        database.jdbi(),
                        database.isPostgres(),
                        "mock",
                        Clock.systemUTC(),
                        10,
                        Duration.ZERO,
                        () -> {})) {
            Lifecycles life = new Lifecycles("T");
            Throwable failure = PersistenceAdapterContract.failureOf(
                    journal.append(life.create("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1"))));

            assertThat(failure)
                    .isInstanceOf(JournalException.class)
                    .hasMessageStartingWith("database unavailable: ")
                    .hasMessageNotContaining("secret");
            assertThatThrownBy(() -> journal.eventsOf(ClientOrderId.of("O1")))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageNotContaining("secret");
            JournalProjector projector = new JournalProjector(database.jdbi(), database.isPostgres(), "mock");
            assertThatThrownBy(() -> new JdbiOrderStore(database.jdbi(), "mock", projector::catchUp).findOpenOrders())
                    .hasMessageStartingWith("database unavailable: ");
        }
    }

    @Test
    void the_config_never_shows_the_password() {
        assertThat(UNREACHABLE.toString()).doesNotContain("secret").contains("password=***");
    }
}
