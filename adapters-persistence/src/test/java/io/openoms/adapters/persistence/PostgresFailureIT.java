package io.openoms.adapters.persistence;

import static io.openoms.adapters.persistence.PersistenceAdapterContract.await;
import static io.openoms.adapters.persistence.PersistenceAdapterContract.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.out.JournalException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What happens when PostgreSQL connections die: between commits, and in the middle of one. */
class PostgresFailureIT {
    private PersistenceConfig config;
    private Persistence persistence;
    private Lifecycles life = new Lifecycles("T");

    @BeforeEach
    void open() {
        config = TestDatabases.postgresFreshSchema("failure");
        persistence = Persistence.open(config, PersistenceAdapterContract.CLOCK);
    }

    @AfterEach
    void close() {
        if (persistence != null) {
            persistence.close();
        }
        if (config != null) {
            TestDatabases.dropSchemaOf(config);
        }
    }

    @Test
    void after_every_pooled_connection_is_killed_the_next_append_and_read_succeed() {
        await(persistence.journal().append(life.create("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"))));

        terminateOtherOpenomsBackends();

        // The first use of a dead pooled connection may fail, and fails clearly; the pool replaces it.
        CompletableFuture<Void> first = persistence.journal().append(life.release("O1"));
        Throwable firstFailure = first.handle((ok, failure) -> failure).join();
        if (firstFailure != null) {
            assertThat(firstFailure).hasMessageStartingWith("database unavailable: ");
            Order stored =
                    persistence.orderStore().findById(ClientOrderId.of("O1")).orElseThrow();
            assertThat(stored.status()).isEqualTo(OrderStatus.CREATED);
            life = life.restarted("U", stored);
            await(persistence.journal().append(life.release("O1")));
        }
        await(persistence.journal().append(life.submit("O1")));
        assertThat(persistence
                        .orderStore()
                        .findById(ClientOrderId.of("O1"))
                        .orElseThrow()
                        .status())
                .isEqualTo(OrderStatus.SUBMITTED);
    }

    @Test
    void a_connection_killed_in_the_middle_of_a_group_commit_leaves_nothing_of_the_group() {
        await(persistence.journal().append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1")));
        long eventsBefore = persistence.journal().readAfter(0, 100).size();
        persistence.groupCommitJournal().afterEventsInserted(handle -> {
            int pid = handle.createQuery("SELECT pg_backend_pid()")
                    .mapTo(Integer.class)
                    .one();
            TestDatabases.execute(TestDatabases.postgresUrl(), "SELECT pg_terminate_backend(" + pid + ")");
        });

        CompletableFuture<Void> fill = persistence.journal().append(life.fill("O1", 4, "1500"));
        CompletableFuture<Void> other =
                persistence.journal().append(life.create("O2", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500")));

        assertThat(failureOf(fill))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("database unavailable: ");
        Throwable otherFailure = other.handle((ok, failure) -> failure).join();
        persistence.groupCommitJournal().afterEventsInserted(handle -> {});

        assertThat(persistence.journal().readAfter(0, 100))
                .hasSize((int) eventsBefore + (otherFailure == null ? 1 : 0));
        assertThat(persistence
                        .orderStore()
                        .findById(ClientOrderId.of("O1"))
                        .orElseThrow()
                        .fills())
                .isEmpty();
        assertThat(persistence.positionStore().findOpenPositions()).isEmpty();
        long fills = persistence.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM fills")
                .mapTo(Long.class)
                .one());
        assertThat(fills).isZero();
        // And the journal carries on, numbering without a gap.
        life = life.restarted(
                "U", persistence.orderStore().findById(ClientOrderId.of("O1")).orElseThrow());
        await(persistence.journal().append(life.fill("O1", 4, "1500")));
        assertThat(persistence
                        .orderStore()
                        .findById(ClientOrderId.of("O1"))
                        .orElseThrow()
                        .fills())
                .hasSize(1);
    }

    private void terminateOtherOpenomsBackends() {
        TestDatabases.execute(
                TestDatabases.postgresUrl(),
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid() AND application_name = 'openoms'");
    }
}
