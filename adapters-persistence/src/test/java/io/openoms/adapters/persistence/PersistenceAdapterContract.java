package io.openoms.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What this adapter does beyond the domain's contract suites (which {@code H2*ContractTest} and
 * {@code Postgres*ContractIT} run): group-commit retries that fail only the bad append, a failure
 * in the middle of a commit, its own refusals (events without their order's state, a trade id
 * stored on another order), the {@code orders} projection, draining on close and repeated
 * migrations. Run by {@code H2PersistenceAdapterTest} and {@code PostgresPersistenceAdapterIT};
 * each test gets an empty database.
 */
abstract class PersistenceAdapterContract {
    static final Clock CLOCK = Clock.fixed(Lifecycles.T0.plusSeconds(3600), ZoneOffset.UTC);

    Persistence persistence;
    Lifecycles life;

    /** A config for an empty database. */
    abstract PersistenceConfig freshDatabase();

    /** Drops what {@link #freshDatabase()} created. */
    void dropDatabase(PersistenceConfig config) {}

    private PersistenceConfig config;

    @BeforeEach
    void openDatabase() {
        config = freshDatabase();
        persistence = Persistence.open(config, CLOCK);
        life = new Lifecycles("T");
    }

    @AfterEach
    void closeDatabase() {
        if (persistence != null) {
            persistence.close();
        }
        dropDatabase(config);
    }

    void reopen() {
        persistence.close();
        persistence = Persistence.open(config, CLOCK);
    }

    PersistenceConfig config() {
        return config;
    }

    void append(JournalBatch batch) {
        await(persistence.journal().append(batch));
    }

    static void await(CompletableFuture<Void> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Throwable failureOf(CompletableFuture<Void> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected the append to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void records_carry_the_commit_time_and_the_global_sequence_carries_on_after_a_restart() {
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1"));
        reopen();
        append(life.open("O2", Lifecycles.limitBuy("ACC1", "NSE:INFY", 20, "1500"), "B2"));

        List<JournalRecord> all = persistence.journal().readAfter(0, 100);
        assertThat(all).extracting(JournalRecord::globalSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(all).allSatisfy(r -> assertThat(r.recordedAt()).isEqualTo(CLOCK.instant()));
    }

    @Test
    void the_orders_row_shows_an_unknown_outcome_and_the_modification_count() {
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1"));
        ClientOrderId id = ClientOrderId.of("O1");
        append(life.batch(
                life.orders.requestModify(id, OrderModification.limitPrice(Price.of("1501")), life.tick()), List.of()));
        append(life.batch(life.orders.confirmModify(id, life.tick()), List.of()));
        append(life.batch(
                life.orders.requestModify(id, OrderModification.limitPrice(Price.of("1502")), life.tick()), List.of()));
        Instant since = life.tick();
        append(life.batch(
                life.orders.recordOutcomeUnknown(id, UnknownOperation.MODIFY, "read timeout after 5s", since),
                List.of()));

        Map<String, Object> row = ordersRow("O1");
        assertThat(row.get("outcome_unknown_operation")).isEqualTo("MODIFY");
        assertThat(row.get("outcome_unknown_reason")).isEqualTo("read timeout after 5s");
        assertThat(row.get("outcome_unknown_since")).isEqualTo(since);
        assertThat(((Number) row.get("modification_count")).intValue()).isEqualTo(2);
        assertThat(persistence.orderStore().findById(id)).contains(life.orders.get(id));

        append(life.batch(life.orders.confirmModify(id, life.tick()), List.of()));
        Map<String, Object> answered = ordersRow("O1");
        assertThat(life.orders.get(id).outcomeUnknown()).isEmpty();
        assertThat(answered.get("outcome_unknown_operation")).isNull();
        assertThat(answered.get("outcome_unknown_reason")).isNull();
        assertThat(answered.get("outcome_unknown_since")).isNull();
        assertThat(((Number) answered.get("modification_count")).intValue()).isEqualTo(2);
    }

    @Test
    void a_duplicate_event_fails_alone_and_innocent_appends_of_the_same_group_succeed() {
        JournalBatch created = life.create("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"));
        append(created);

        CompletableFuture<Void> before =
                persistence.journal().append(life.create("O2", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1")));
        CompletableFuture<Void> duplicate = persistence.journal().append(created);
        CompletableFuture<Void> after =
                persistence.journal().append(life.create("O3", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1")));

        await(before);
        await(after);
        assertThat(failureOf(duplicate)).isInstanceOf(JournalException.class);
        assertThat(persistence.journal().readAfter(0, 100))
                .extracting(r -> r.event().orderId().value())
                .containsExactly("O1", "O2", "O3");
    }

    /**
     * No row is read or locked before the writes: the version check is the update itself (on
     * PostgreSQL one statement for all the group's orders), so a stale order among others must still
     * fail alone, be named, and leave the others' rows written.
     */
    @Test
    void a_stale_order_among_others_fails_alone_and_is_named() {
        for (String id : List.of("O1", "O2", "O3")) {
            append(life.create(id, Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500")));
        }
        Order older = life.orders.get(ClientOrderId.of("O2"));
        append(life.release("O2"));

        CompletableFuture<Void> first = persistence.journal().append(life.release("O1"));
        CompletableFuture<Void> stale =
                persistence.journal().append(new JournalBatch(List.of(), List.of(older), List.of()));
        CompletableFuture<Void> last = persistence.journal().append(life.release("O3"));

        await(first);
        await(last);
        assertThat(failureOf(stale)).isInstanceOf(JournalException.class).hasMessageContaining("conflict on order O2");
        for (String id : List.of("O1", "O2", "O3")) {
            assertThat(ordersRow(id).get("status"))
                    .isEqualTo(life.orders.get(ClientOrderId.of(id)).status().name());
            assertThat(((Number) ordersRow(id).get("version")).longValue()).isEqualTo(2L);
        }
    }

    @Test
    void the_orders_row_of_a_filled_order_holds_its_exact_figures() {
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500.05"), "B1"));
        append(life.fill("O1", 3, "1500.05"));
        append(life.fill("O1", 7, "1499.9525"));
        Order order = life.orders.get(ClientOrderId.of("O1"));

        Map<String, Object> row = ordersRow("O1");
        assertThat(row.get("status")).isEqualTo(OrderStatus.FILLED.name());
        assertThat(row.get("broker_order_id")).isEqualTo("B1");
        assertThat((BigDecimal) row.get("filled_quantity"))
                .isEqualByComparingTo(order.filledQuantity().value());
        assertThat((BigDecimal) row.get("average_fill_price"))
                .isEqualByComparingTo(order.averageFillPrice().orElseThrow().value());
        assertThat((BigDecimal) row.get("fees"))
                .isEqualByComparingTo(order.totalFees().amount());
        assertThat((BigDecimal) row.get("limit_price")).isEqualByComparingTo("1500.05");
        assertThat(row.get("reduce_only")).isEqualTo(false);
        assertThat(((Number) row.get("fill_count")).intValue()).isEqualTo(2);
        assertThat(row.get("created_at")).isEqualTo(order.createdAt());
        assertThat(row.get("updated_at")).isEqualTo(order.updatedAt());
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(order.lastSequence());
    }

    @Test
    void a_batch_with_events_of_an_order_but_not_its_state_is_refused() {
        JournalBatch created = life.create("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"));
        Throwable failure =
                failureOf(persistence.journal().append(new JournalBatch(created.events(), List.of(), List.of())));
        assertThat(failure).isInstanceOf(JournalException.class).hasMessageContaining("O1");
        assertThat(persistence.journal().readAfter(0, 10)).isEmpty();
    }

    /**
     * The fills key is the last line of defence against a doubled fill (the domain, the batch
     * check and the version check come first): a trade id already stored is refused even on
     * another order, since a fill is unique per (broker, trade id).
     */
    @Test
    void a_fill_with_a_trade_id_already_stored_is_refused_even_on_another_order() {
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1"));
        append(life.open("O2", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B2"));
        Fill fill = Fill.of("TR-1", 5, "1500", "0", Lifecycles.T0);
        append(life.fill("O1", fill));

        Lifecycles second = new Lifecycles("X");
        second.orders.restore(life.orders.get(ClientOrderId.of("O2")));
        Throwable failure = failureOf(persistence.journal().append(second.fill("O2", fill)));

        assertThat(failure).isInstanceOf(JournalException.class).hasMessageContaining("already journalled");
        assertThat(persistence
                        .orderStore()
                        .findById(ClientOrderId.of("O2"))
                        .orElseThrow()
                        .fills())
                .isEmpty();
        assertThat(count("fills")).isEqualTo(1);
    }

    @Test
    void a_failure_inside_the_group_commit_rolls_back_the_whole_group() {
        append(life.create("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500")));
        persistence.groupCommitJournal().afterEventsInserted(handle -> {
            throw new IllegalStateException("boom after the events insert");
        });

        Throwable failure = failureOf(persistence.journal().append(life.release("O1")));

        assertThat(failure).isInstanceOf(JournalException.class).hasMessageContaining("boom");
        assertThat(persistence.journal().readAfter(0, 10)).hasSize(1);
        assertThat(persistence
                        .orderStore()
                        .findById(ClientOrderId.of("O1"))
                        .orElseThrow()
                        .status())
                .isEqualTo(OrderStatus.CREATED);
    }

    @Test
    void a_group_that_fails_once_is_retried_append_by_append() {
        AtomicBoolean failed = new AtomicBoolean();
        persistence.groupCommitJournal().afterEventsInserted(handle -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("transient");
            }
        });
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(persistence
                    .journal()
                    .append(life.create("O" + i, Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"))));
        }
        long succeeded = futures.stream()
                .filter(f -> {
                    try {
                        await(f);
                        return true;
                    } catch (JournalException e) {
                        return false;
                    }
                })
                .count();
        // Only the append(s) of the first group attempted alone may fail; nothing is ever doubled.
        assertThat(succeeded).isGreaterThanOrEqualTo(4);
        assertThat(persistence.journal().readAfter(0, 100)).hasSize((int) succeeded);
    }

    @Test
    void close_commits_every_append_made_before_it() {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            futures.add(persistence
                    .journal()
                    .append(life.create("O" + i, Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"))));
        }
        persistence.groupCommitJournal().close();

        assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
        assertThat(failureOf(persistence.journal().append(life.release("O1")))).hasMessageContaining("closed");
        assertThat(persistence.journal().readAfter(0, 100)).hasSize(50);
    }

    /**
     * The journal commits only the events; the orders and positions tables trail it until the
     * projector applies them, and a store read catches them up first (read-your-writes).
     */
    @Test
    void the_projections_trail_the_journal_and_a_store_read_catches_them_up() {
        persistence.projector().holdFollower();
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1"));
        append(life.fill("O1", 10, "1500"));

        assertThat(rawOrdersRow(persistence.jdbi(), "O1")).isEmpty();
        assertThat(count("positions")).isZero();
        assertThat(persistence.projector().cursor(JournalProjector.ORDERS)).isZero();

        assertThat(persistence.orderStore().findByBrokerOrderId(io.openoms.domain.order.BrokerOrderId.of("B1")))
                .contains(life.orders.get(ClientOrderId.of("O1")));
        assertThat(rawOrdersRow(persistence.jdbi(), "O1").orElseThrow().get("status"))
                .isEqualTo(OrderStatus.FILLED.name());
        assertThat(persistence.positionStore().findOpenPositions())
                .containsExactlyElementsOf(life.positions.openPositions());
        assertThat(persistence.projector().cursor(JournalProjector.ORDERS))
                .isEqualTo(persistence.journal().readAfter(0, 100).size());
    }

    /**
     * A crash after the journal's commit and before the projector's: the events are durable, the
     * projections are not, and opening the adapter again applies the rest before anything reads.
     */
    @Test
    void a_crash_between_the_journal_commit_and_its_projection_heals_when_reopened() {
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1"));
        persistence.projector().catchUp();
        persistence.projector().holdFollower();
        append(life.fill("O1", 4, "1500"));
        append(life.open("O2", Lifecycles.limitBuy("ACC1", "NSE:TCS", 5, "3000"), "B2"));
        persistence.close(); // the follower is held: as if the process died before projecting
        try (Database raw = Database.open(config())) {
            assertThat(rawOrdersRow(raw.jdbi(), "O1").orElseThrow().get("status"))
                    .isEqualTo(OrderStatus.ACCEPTED.name());
            assertThat(rawOrdersRow(raw.jdbi(), "O2")).isEmpty();
        }

        persistence = Persistence.open(config(), CLOCK);

        Map<String, Object> healed = rawOrdersRow(persistence.jdbi(), "O1").orElseThrow();
        assertThat(healed.get("status")).isEqualTo(OrderStatus.PARTIALLY_FILLED.name());
        assertThat(((Number) healed.get("version")).longValue())
                .isEqualTo(life.orders.get(ClientOrderId.of("O1")).lastSequence());
        assertThat(rawOrdersRow(persistence.jdbi(), "O2")).isPresent();
        assertThat(count("positions")).isEqualTo(1);
        assertThat(persistence.orderStore().findOpenOrders())
                .containsExactly(life.orders.get(ClientOrderId.of("O1")), life.orders.get(ClientOrderId.of("O2")));
        assertThat(persistence.positionStore().findOpenPositions())
                .containsExactlyElementsOf(life.positions.openPositions());
    }

    /** A step of the projector applies events and moves its cursor in one transaction: never one without the other. */
    @Test
    void the_projector_applies_each_event_once_however_often_it_catches_up() {
        for (int i = 0; i < 5; i++) {
            append(life.open("O" + i, Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B" + i));
            persistence.projector().catchUp();
            persistence.projector().catchUp();
        }
        append(life.fill("O3", 10, "1500"));
        persistence.projector().catchUp();

        assertThat(count("orders")).isEqualTo(5);
        assertThat(persistence.projector().cursor(JournalProjector.ORDERS)).isEqualTo(5 * 4 + 1);
        assertThat(persistence.projector().cursor(JournalProjector.POSITIONS)).isEqualTo(1);
        assertThat(ordersRow("O3").get("status")).isEqualTo(OrderStatus.FILLED.name());
    }

    /** A database emptied table by table (as the integration suite resets it) projects from the journal's start. */
    @Test
    void without_its_cursor_rows_a_projection_starts_from_the_beginning_of_the_journal() {
        persistence.jdbi().useHandle(handle -> handle.execute("DELETE FROM journal_projections"));

        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1"));
        append(life.fill("O1", 10, "1500"));

        assertThat(persistence
                        .orderStore()
                        .find(io.openoms.domain.port.out.OrderQuery.all(10))
                        .items())
                .containsExactly(life.orders.get(ClientOrderId.of("O1")));
        assertThat(persistence.positionStore().findOpenPositions())
                .containsExactlyElementsOf(life.positions.openPositions());
        assertThat(persistence.projector().cursor(JournalProjector.ORDERS)).isEqualTo(5);
        assertThat(persistence.projector().cursor(JournalProjector.POSITIONS)).isEqualTo(1);
    }

    @Test
    void migrating_again_changes_nothing() {
        Persistence.migrate(config());
        append(life.create("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500")));
        assertThat(persistence.journal().readAfter(0, 10)).hasSize(1);
    }

    /**
     * The {@code orders} row of {@code id} once the projection is caught up, column names in lower
     * case, timestamps as instants.
     */
    Map<String, Object> ordersRow(String id) {
        persistence.projector().catchUp();
        return rawOrdersRow(persistence.jdbi(), id).orElseThrow();
    }

    /** The {@code orders} row of {@code id} as the table holds it now, without catching up. */
    static java.util.Optional<Map<String, Object>> rawOrdersRow(org.jdbi.v3.core.Jdbi jdbi, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM orders WHERE order_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        String column = rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
                        Object value = rs.getObject(i);
                        row.put(
                                column,
                                column.endsWith("_since") || column.endsWith("_at")
                                        ? Sql.optionalInstant(rs, column).orElse(null)
                                        : value);
                    }
                    return row;
                })
                .findOne());
    }

    long count(String table) {
        return persistence.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Long.class)
                .one());
    }
}
