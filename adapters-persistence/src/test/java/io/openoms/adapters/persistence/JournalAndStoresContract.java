package io.openoms.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.risk.InstrumentRiskLimits;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.StrategyId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour both databases must show, run by {@code H2JournalAndStoresTest} and
 * {@code PostgresJournalAndStoresIT}. Each test gets an empty database.
 */
abstract class JournalAndStoresContract {
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
    void an_appended_order_reads_back_equal_by_id_and_by_broker_order_id() {
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500.05"), "B1"));
        append(life.fill("O1", 4, "1500.05"));

        Order expected = life.orders.get(ClientOrderId.of("O1"));
        assertThat(persistence.orderStore().findById(ClientOrderId.of("O1"))).contains(expected);
        assertThat(persistence.orderStore().findByBrokerOrderId(BrokerOrderId.of("B1")))
                .contains(expected);
        assertThat(persistence.orderStore().findById(ClientOrderId.of("nope"))).isEmpty();
        assertThat(expected.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void the_journal_numbers_events_gap_free_and_reads_them_back_in_order() {
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1"));
        append(life.open("O2", Lifecycles.limitBuy("ACC1", "NSE:INFY", 20, "1500"), "B2"));

        List<JournalRecord> all = persistence.journal().readAfter(0, 100);
        assertThat(all).extracting(JournalRecord::globalSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(all).allSatisfy(r -> assertThat(r.recordedAt()).isEqualTo(CLOCK.instant()));
        assertThat(persistence.journal().readAfter(6, 10))
                .extracting(JournalRecord::globalSequence)
                .containsExactly(7L, 8L);
        List<OrderEvent> o2 = persistence.journal().eventsOf(ClientOrderId.of("O2")).stream()
                .map(JournalRecord::event)
                .toList();
        assertThat(Order.replay(o2)).isEqualTo(life.orders.get(ClientOrderId.of("O2")));
        assertThat(persistence.journal().eventsOf(ClientOrderId.of("unknown"))).isEmpty();
    }

    @Test
    void many_appends_complete_in_append_order_and_are_all_durable() {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        List<Integer> completionOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 300; i++) {
            int index = i;
            futures.add(persistence
                    .journal()
                    .append(life.create("O" + i, Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500")))
                    .whenComplete((ok, failure) -> completionOrder.add(index)));
        }
        futures.forEach(JournalAndStoresContract::await);

        assertThat(completionOrder).isSorted().hasSize(300);
        assertThat(persistence.journal().readAfter(0, 1000)).hasSize(300);
        assertThat(persistence.orderStore().findOpenOrders()).hasSize(300);
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

    @Test
    void a_stale_order_version_is_a_conflict_and_writes_nothing() {
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1"));
        OrderManager other = new OrderManager();
        List<OrderEvent> stored = persistence.journal().eventsOf(ClientOrderId.of("O1")).stream()
                .map(JournalRecord::event)
                .toList();
        // A second writer that missed the last two events: it believes the order is at sequence 2.
        other.restore(stored.subList(0, 2));
        List<OrderEvent> stale = other.markSubmitted(ClientOrderId.of("O1"), Lifecycles.T0.plusSeconds(5));
        Order staleOrder = other.get(ClientOrderId.of("O1"));

        Throwable failure =
                failureOf(persistence.journal().append(new JournalBatch(stale, List.of(staleOrder), List.of())));

        assertThat(failure).isInstanceOf(JournalException.class).hasMessageContaining("conflict");
        assertThat(failure.getMessage()).contains("stored version 4", "expects 2");
        assertThat(persistence.journal().readAfter(0, 100)).hasSize(4);
        assertThat(persistence.orderStore().findById(ClientOrderId.of("O1")))
                .contains(life.orders.get(ClientOrderId.of("O1")));
    }

    @Test
    void a_batch_with_events_of_an_order_but_not_its_state_is_refused() {
        JournalBatch created = life.create("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"));
        Throwable failure =
                failureOf(persistence.journal().append(new JournalBatch(created.events(), List.of(), List.of())));
        assertThat(failure).isInstanceOf(JournalException.class).hasMessageContaining("O1");
        assertThat(persistence.journal().readAfter(0, 10)).isEmpty();
    }

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
    void random_lifecycles_replay_to_the_stored_orders() {
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            for (JournalBatch batch : life.randomLife("R" + i, random)) {
                append(batch);
            }
        }
        for (Order expected : life.orders.all()) {
            assertThat(persistence.orderStore().findById(expected.id())).contains(expected);
        }
        assertThat(persistence.orderStore().findOpenOrders())
                .containsExactlyInAnyOrderElementsOf(
                        life.orders.all().stream().filter(o -> !o.isTerminal()).toList());
    }

    @Test
    void queries_filter_and_page_newest_first() {
        for (int i = 1; i <= 7; i++) {
            String account = i % 2 == 0 ? "ACC2" : "ACC1";
            append(life.open(String.format("O%02d", i), Lifecycles.limitBuy(account, "NSE:INFY", 10, "1500"), "B" + i));
        }
        append(life.create("O08", Lifecycles.limitBuy("ACC1", "NSE:TCS", 10, "3000")));

        OrderPage first = persistence.orderStore().find(OrderQuery.all(3));
        assertThat(first.items()).extracting(o -> o.id().value()).containsExactly("O08", "O07", "O06");
        OrderPage second = persistence
                .orderStore()
                .find(new OrderQuery(
                        Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        first.next(),
                        3));
        assertThat(second.items()).extracting(o -> o.id().value()).containsExactly("O05", "O04", "O03");

        OrderPage acc1Accepted = persistence
                .orderStore()
                .find(new OrderQuery(
                        Set.of(OrderStatus.ACCEPTED),
                        Optional.of(InstrumentId.parse("NSE:INFY")),
                        Optional.of(StrategyId.of("s1")),
                        Optional.of(AccountId.of("ACC1")),
                        Optional.of(life.orders.get(ClientOrderId.of("O03")).createdAt()),
                        Optional.of(life.orders.get(ClientOrderId.of("O07")).createdAt()),
                        Optional.empty(),
                        10));
        assertThat(acc1Accepted.items()).extracting(o -> o.id().value()).containsExactly("O05", "O03");
        assertThat(acc1Accepted.next()).isEmpty();
    }

    @Test
    void positions_are_kept_open_and_closed_with_exact_figures() {
        life.positions.setAccountingMethod(AccountId.of("ACC1"), AccountingMethod.FIFO);
        append(life.open("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500"), "B1"));
        append(life.fill("O1", 3, "1499.95"));
        append(life.fill("O1", 7, "1500.05"));
        OrderManager orders = life.orders;
        append(life.open(
                "O2",
                io.openoms.domain.order.OrderRequest.builder()
                        .account("ACC1")
                        .strategy("s1")
                        .instrument("NSE:INFY")
                        .sell()
                        .quantity(10)
                        .build(),
                "B2"));
        append(life.fill("O2", 4, "1510.10"));

        Position open = life.positions.openPositions().get(0);
        assertThat(persistence.positionStore().findOpenPositions()).containsExactly(open);
        assertThat(persistence.positionStore().findOpenPosition(open.key())).contains(open);

        append(life.fill("O2", 6, "1490.3333"));
        assertThat(persistence.positionStore().findOpenPositions()).isEmpty();
        assertThat(persistence.positionStore().findPositions(true))
                .containsExactlyElementsOf(life.positions.positions(true));
        assertThat(orders.get(ClientOrderId.of("O2")).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_restart_restores_order_and_position_managers_exactly() {
        Random random = new Random(7);
        for (int i = 0; i < 15; i++) {
            for (JournalBatch batch : life.randomLife("R" + i, random)) {
                append(batch);
            }
        }
        append(life.open("P1", Lifecycles.limitBuy("ACC2", "NSE:TCS", 50, "3000"), "BP1"));
        append(life.fill("P1", 20, "2999.5"));
        persistence
                .riskLimitStore()
                .saveTradingState(
                        AccountId.of("ACC1"),
                        new TradingStateChange(TradingState.HALTED, "loss", "admin", Lifecycles.T0));

        reopen();

        OrderManager restoredOrders = new OrderManager();
        persistence.orderStore().findOpenOrders().forEach(restoredOrders::restore);
        PositionManager restoredPositions = new PositionManager();
        persistence.positionStore().findPositions(true).forEach(restoredPositions::restore);

        assertThat(restoredOrders.openOrders()).containsExactlyInAnyOrderElementsOf(life.orders.openOrders());
        assertThat(restoredPositions.positions(true))
                .containsExactlyInAnyOrderElementsOf(life.positions.positions(true));
        for (Order order : life.orders.all()) {
            assertThat(persistence.orderStore().findById(order.id())).contains(order);
        }
        assertThat(persistence
                        .riskLimitStore()
                        .tradingState(AccountId.of("ACC1"))
                        .orElseThrow()
                        .state())
                .isEqualTo(TradingState.HALTED);
        // The global sequence carries on after a restart.
        long last = persistence.journal().readAfter(0, 10_000).size();
        append(life.create("AFTER", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500")));
        assertThat(persistence.journal().readAfter(last, 10))
                .extracting(JournalRecord::globalSequence)
                .containsExactly(last + 1);
    }

    @Test
    void risk_limits_and_trading_states_round_trip_and_are_replaced_whole() {
        RiskLimits limits = RiskLimits.builder()
                .maxOrderQuantity(500)
                .maxOrderNotional(Money.of("1000000.50"))
                .priceBandPercent("2.5")
                .maxOpenOrders(20)
                .dailyLossLimit(50_000)
                .checkBuyingPower(false)
                .instrumentOverride(
                        InstrumentId.parse("NSE:INFY"),
                        InstrumentRiskLimits.builder()
                                .maxOrderQuantity(100)
                                .enforceMarketHours(false)
                                .build())
                .build();
        persistence.riskLimitStore().saveLimits(AccountId.of("ACC1"), limits);
        assertThat(persistence.riskLimitStore().limits(AccountId.of("ACC1"))).contains(limits);

        RiskLimits replaced = RiskLimits.none();
        persistence.riskLimitStore().saveLimits(AccountId.of("ACC1"), replaced);
        persistence.riskLimitStore().saveLimits(AccountId.of("ACC2"), limits);
        assertThat(persistence.riskLimitStore().allLimits())
                .containsEntry(AccountId.of("ACC1"), replaced)
                .containsEntry(AccountId.of("ACC2"), limits)
                .hasSize(2);

        TradingStateChange halted = new TradingStateChange(TradingState.HALTED, "daily loss", "risk", Lifecycles.T0);
        TradingStateChange active =
                new TradingStateChange(TradingState.ACTIVE, "resumed", "alice", Lifecycles.T0.plusSeconds(60));
        persistence.riskLimitStore().saveTradingState(AccountId.of("ACC1"), halted);
        persistence.riskLimitStore().saveTradingState(AccountId.of("ACC1"), active);
        assertThat(persistence.riskLimitStore().tradingState(AccountId.of("ACC1")))
                .contains(active);
        assertThat(persistence.riskLimitStore().allTradingStates()).containsOnlyKeys(AccountId.of("ACC1"));
        assertThat(persistence.riskLimitStore().tradingState(AccountId.of("ACC9")))
                .isEmpty();
    }

    @Test
    void instruments_are_saved_replaced_and_survive_a_restart() {
        TradingSession session = TradingSession.indianEquities(Set.of(LocalDate.of(2025, 1, 26)));
        Instrument infy = new Instrument(
                InstrumentId.parse("NSE:INFY"),
                new java.math.BigDecimal("0.05"),
                Quantity.of(1),
                Quantity.of(1),
                Optional.of(Quantity.of(100000)),
                Optional.empty(),
                Currency.getInstance("INR"),
                session);
        Instrument nifty = Instrument.of(
                InstrumentId.parse("NFO:NIFTY25JANFUT"), "0.05", 75, Currency.getInstance("INR"), session);
        persistence.instrumentStore().saveAll(List.of(infy, nifty));
        Instrument infyNewTick = Instrument.of(infy.id(), "0.10", 1, Currency.getInstance("INR"), session);
        persistence.instrumentStore().saveAll(List.of(infyNewTick));

        reopen();

        assertThat(persistence.instrumentStore().find(infy.id())).contains(infyNewTick);
        assertThat(persistence.instrumentStore().all()).containsExactlyInAnyOrder(infyNewTick, nifty);
    }

    @Test
    void reconciliation_findings_read_back_newest_first_and_per_run() {
        ReconciliationFinding a = finding("run-1", FindingKind.MISSING_FILL, 0);
        ReconciliationFinding b = finding("run-1", FindingKind.PHANTOM_POSITION, 1);
        ReconciliationFinding c = finding("run-2", FindingKind.UNKNOWN_ORDER, 2);
        persistence.reconciliationLog().append(List.of(a, b));
        persistence.reconciliationLog().append(List.of(c));

        assertThat(persistence.reconciliationLog().latest(2)).containsExactly(c, b);
        assertThat(persistence.reconciliationLog().ofRun("run-1")).containsExactly(a, b);
        assertThat(persistence.reconciliationLog().ofRun("run-3")).isEmpty();
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

    @Test
    void migrating_again_changes_nothing() {
        Persistence.migrate(config());
        append(life.create("O1", Lifecycles.limitBuy("ACC1", "NSE:INFY", 10, "1500")));
        assertThat(persistence.journal().readAfter(0, 10)).hasSize(1);
    }

    private static ReconciliationFinding finding(String run, FindingKind kind, int seconds) {
        return new ReconciliationFinding(
                run,
                AccountId.of("ACC1"),
                kind,
                "O" + seconds,
                "filled 10",
                "filled 5",
                "alert only",
                Lifecycles.T0.plusSeconds(seconds));
    }

    long count(String table) {
        return persistence.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Long.class)
                .one());
    }

    static Price price(String p) {
        return Price.of(p);
    }
}
