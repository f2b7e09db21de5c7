package io.openoms.domain.testing.contract;

import static io.openoms.domain.testing.contract.ContractFixtures.ACC1;
import static io.openoms.domain.testing.contract.ContractFixtures.ACC2;
import static io.openoms.domain.testing.contract.ContractFixtures.ACC3;
import static io.openoms.domain.testing.contract.ContractFixtures.AWAIT_SECONDS;
import static io.openoms.domain.testing.contract.ContractFixtures.BTC;
import static io.openoms.domain.testing.contract.ContractFixtures.INFY;
import static io.openoms.domain.testing.contract.ContractFixtures.MEAN_REVERSION;
import static io.openoms.domain.testing.contract.ContractFixtures.MOMENTUM;
import static io.openoms.domain.testing.contract.ContractFixtures.NIFTY_FUT;
import static io.openoms.domain.testing.contract.ContractFixtures.T0;
import static io.openoms.domain.testing.contract.ContractFixtures.await;
import static io.openoms.domain.testing.contract.ContractFixtures.buyInfy;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.LiquiditySide;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.order.OrderEventType;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Journal}, {@link OrderStore} and {@link PositionStore}, tested together
 * because one batch writes events, orders and positions atomically. An implementation's test
 * extends this class and provides the three ports over one store, and {@link #restartStore()}.
 *
 * <p><b>Set-up.</b> Every test starts on an empty store (global sequences start at 1). The
 * contract calls {@link #journal()}, {@link #orderStore()} and {@link #positionStore()} each time
 * it needs them, so after {@link #restartStore()} they must answer the reopened instances. The
 * contract has no {@code @BeforeEach} of its own; subclasses prepare the store in theirs.
 *
 * <p><b>What every implementation must do</b>, beyond the ports' Javadoc:
 *
 * <ul>
 *   <li>Atomicity: a refused batch writes nothing — no event, no order, no position — and does not
 *       consume global sequence numbers: the next batch continues 1, 2, 3, … without a gap, also
 *       when batches are appended back to back without waiting (group commit) and one in the
 *       middle is refused.
 *   <li>Duplicate events: an event whose (order id, sequence) is already journalled, or appears
 *       twice in one batch, fails the batch with a {@link JournalException}.
 *   <li>Duplicate fills: an {@link OrderFilled} whose trade id is already journalled for the same
 *       order, or appears twice for the same order in one batch, fails the batch with a {@link
 *       JournalException}, even when the two events have different sequences and fills. The same
 *       trade id on two different orders is not specified here: a store keyed by (broker, trade id)
 *       may refuse it, so the contract never does it.
 *   <li>Stale state: a batch carrying an order whose {@link Order#lastSequence()} is lower than the
 *       stored one's fails with a {@link JournalException} (optimistic concurrency; never a silent
 *       overwrite).
 *   <li>Order: futures complete in append order; {@code readAfter} returns events in append order.
 *   <li>Decimals come back with their exact value (scale aside; the domain types normalize it),
 *       including the 34 significant digits of a division (average cost) and notionals above
 *       10<sup>11</sup> with four decimals.
 *   <li>Instants come back exactly when they are whole microseconds (PostgreSQL's precision); the
 *       contract only uses such instants. Nothing is required of sub-microsecond digits.
 *   <li>Positions: a position is identified by its key and the trade that opened it ({@code
 *       tradeIds().get(0)}): a key closed and reopened in the same instant, even in one batch,
 *       gives two positions. {@code findPositions} returns them in no particular order.
 *   <li>Orders: {@code findOpenOrders} is every non-terminal order, oldest first by creation time
 *       then by id; {@code find} pages newest first by creation time then by id (both descending),
 *       and a page that has a {@code next} cursor is full.
 * </ul>
 */
public abstract class JournalContract {
    /** The journal under test. */
    protected abstract Journal journal();

    /** The order store fed by {@link #journal()}. */
    protected abstract OrderStore orderStore();

    /** The position store fed by {@link #journal()}. */
    protected abstract PositionStore positionStore();

    /**
     * Drops every in-memory object of the store and reopens it on the same data, as a process
     * restart would (a no-op for an in-memory store).
     */
    protected abstract void restartStore();

    @Test
    public void a_batch_is_readable_per_order_in_sequence_and_globally_without_gaps() {
        EngineScript script = new EngineScript();
        ClientOrderId a = script.create(buyInfy(10, "1500.05").build());
        ClientOrderId b = script.create(buyInfy(5, "1499").sell().build());
        script.release(a).release(b).advance(10).submit(a);
        JournalBatch first = script.takeBatch();
        commit(first);

        assertThat(eventsOf(a)).containsExactlyElementsOf(eventsFor(first, a));
        assertThat(journal().eventsOf(a)).extracting(r -> r.event().sequence()).containsExactly(1L, 2L, 3L);
        assertThat(eventsOf(b)).extracting(OrderEvent::sequence).containsExactly(1L, 2L);
        assertThat(readAll()).extracting(JournalRecord::event).containsExactlyElementsOf(first.events());
        assertThat(readAll()).extracting(JournalRecord::globalSequence).containsExactly(1L, 2L, 3L, 4L, 5L);

        script.advance(10).accept(a).submit(b);
        JournalBatch second = script.takeBatch();
        commit(second);

        assertThat(journal().readAfter(5, 10))
                .extracting(JournalRecord::event)
                .containsExactlyElementsOf(second.events());
        assertThat(journal().readAfter(5, 10))
                .extracting(JournalRecord::globalSequence)
                .containsExactly(6L, 7L);
        assertThat(journal().readAfter(0, 2))
                .extracting(JournalRecord::globalSequence)
                .containsExactly(1L, 2L);
        assertThat(journal().readAfter(3, 3))
                .extracting(JournalRecord::globalSequence)
                .containsExactly(4L, 5L, 6L);
        assertThat(journal().readAfter(7, 10)).isEmpty();
        assertThat(journal().readAfter(100, 10)).isEmpty();
        assertThat(journal().eventsOf(ClientOrderId.of("NOPE"))).isEmpty();
    }

    @Test
    public void the_orders_and_positions_of_a_batch_are_visible_once_its_future_completes() {
        EngineScript script = new EngineScript();
        ClientOrderId id = script.working(buyInfy(10, "1500.05").build());
        script.advance(1000).fill(id, "4", "1500.05", "1.25");
        commit(script.takeBatch());

        Order order = script.orders().get(id);
        assertThat(orderStore().findById(id)).contains(order);
        assertThat(orderStore().findById(ClientOrderId.of("NOPE"))).isEmpty();
        assertThat(positionStore().findOpenPosition(key(order)))
                .isEqualTo(script.positions().get(key(order)));
        assertThat(positionStore().findOpenPositions())
                .containsExactlyElementsOf(script.positions().openPositions());

        script.advance(1000).fill(id, "6", "1500.10", "1.75");
        commit(script.takeBatch());

        assertThat(orderStore().findById(id)).contains(script.orders().get(id));
        assertThat(orderStore().findById(id).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(positionStore().findOpenPosition(key(order)))
                .isEqualTo(script.positions().get(key(order)));
    }

    @Test
    public void a_batch_repeating_a_journalled_event_is_refused_and_writes_nothing() {
        EngineScript script = new EngineScript();
        ClientOrderId a = script.create(buyInfy(10, "1500.05").build());
        script.release(a);
        JournalBatch first = script.takeBatch();
        commit(first);
        Order journalledA = script.orders().get(a);

        JournalBatch valid = moreTrading(script);
        JournalBatch repeating = new JournalBatch(
                concat(valid.events(), List.of(first.events().get(1))), valid.orders(), valid.positions());

        assertRefused(journal().append(repeating));
        assertOnlyJournalled(first, List.of(journalledA));

        commit(valid);
        assertThat(readAll())
                .extracting(JournalRecord::event)
                .containsExactlyElementsOf(concat(first.events(), valid.events()));
        assertGapFree();
        assertThat(orderStore().findById(a)).contains(script.orders().get(a));
    }

    @Test
    public void a_batch_holding_one_event_twice_is_refused_and_writes_nothing() {
        EngineScript script = new EngineScript();
        ClientOrderId a = script.create(buyInfy(10, "1500.05").build());
        JournalBatch first = script.takeBatch();
        commit(first);

        script.release(a);
        JournalBatch valid = moreTrading(script);
        OrderEvent release = valid.events().get(0);
        JournalBatch twice =
                new JournalBatch(concat(valid.events(), List.of(release)), valid.orders(), valid.positions());

        assertRefused(journal().append(twice));
        assertOnlyJournalled(first, List.of(Order.replay(first.events())));

        commit(valid);
        assertThat(readAll())
                .extracting(JournalRecord::event)
                .containsExactlyElementsOf(concat(first.events(), valid.events()));
        assertGapFree();
    }

    @Test
    public void batches_appended_back_to_back_succeed_or_fail_each_on_its_own_and_complete_in_order() {
        EngineScript script = new EngineScript();
        ClientOrderId a = script.create(buyInfy(10, "1500.05").build());
        JournalBatch first = script.takeBatch();
        commit(first);

        List<JournalBatch> batches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i == 7) {
                batches.add(new JournalBatch(first.events(), List.of(), List.of()));
            } else {
                ClientOrderId id = script.create(buyInfy(1 + i, "1500").build());
                script.release(id).submit(id);
                batches.add(script.takeBatch());
            }
        }
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        List<String> outOfOrder = new ArrayList<>();
        for (JournalBatch batch : batches) {
            int index = futures.size();
            List<CompletableFuture<Void>> earlier = List.copyOf(futures);
            CompletableFuture<Void> future = journal().append(batch);
            futures.add(future);
            future.whenComplete((ok, failure) -> {
                if (earlier.stream().anyMatch(f -> !f.isDone())) {
                    synchronized (outOfOrder) {
                        outOfOrder.add("batch " + index + " completed before an earlier one");
                    }
                }
            });
        }
        for (int i = 0; i < futures.size(); i++) {
            if (i == 7) {
                assertRefused(futures.get(i));
            } else {
                await(futures.get(i));
            }
        }

        synchronized (outOfOrder) {
            assertThat(outOfOrder).isEmpty();
        }
        List<OrderEvent> expected = new ArrayList<>(first.events());
        for (int i = 0; i < batches.size(); i++) {
            if (i != 7) {
                expected.addAll(batches.get(i).events());
            }
        }
        assertThat(readAll()).extracting(JournalRecord::event).containsExactlyElementsOf(expected);
        assertGapFree();
        assertThat(orderStore().findById(a)).contains(script.orders().get(a));
    }

    @Test
    public void a_fill_whose_trade_id_is_journalled_for_the_order_is_refused_and_writes_nothing() {
        EngineScript script = new EngineScript();
        ClientOrderId a = script.working(buyInfy(10, "1500.05").build());
        script.advance(5).fill(a, "3", "1500.05", "0.5");
        JournalBatch first = script.takeBatch();
        commit(first);
        Order journalled = script.orders().get(a);
        Fill journalledFill = journalled.fills().get(0);

        Fill sameTrade = new Fill(
                journalledFill.tradeId(),
                Quantity.of(2),
                Price.of("1500"),
                Money.of("0.4"),
                script.now(),
                Optional.empty());
        OrderFilled again = new OrderFilled(a, journalled.lastSequence() + 1, script.now(), sameTrade);
        JournalBatch buggy = new JournalBatch(List.of(again), List.of(), List.of());

        assertRefused(journal().append(buggy));
        assertOnlyJournalled(first, List.of(journalled));
        assertThat(positionStore().findOpenPositions()).containsExactlyElementsOf(first.positions());

        script.advance(5).fill(a, "7", "1500.05", "1.1");
        commit(script.takeBatch());
        assertThat(orderStore().findById(a)).contains(script.orders().get(a));
        assertGapFree();
    }

    @Test
    public void a_trade_id_filled_twice_on_one_order_within_a_batch_is_refused_and_writes_nothing() {
        EngineScript script = new EngineScript();
        ClientOrderId a = script.working(buyInfy(10, "1500.05").build());
        JournalBatch first = script.takeBatch();
        commit(first);
        Order journalled = script.orders().get(a);

        TradeId trade = TradeId.of("T-DUP");
        OrderFilled one = new OrderFilled(
                a,
                journalled.lastSequence() + 1,
                script.now(),
                new Fill(trade, Quantity.of(2), Price.of("1500"), Money.ZERO, script.now(), Optional.empty()));
        OrderFilled two = new OrderFilled(
                a,
                journalled.lastSequence() + 2,
                script.now(),
                new Fill(trade, Quantity.of(3), Price.of("1500.05"), Money.ZERO, script.now(), Optional.empty()));
        JournalBatch buggy = new JournalBatch(List.of(one, two), List.of(journalled.apply(one)), List.of());

        assertRefused(journal().append(buggy));
        assertOnlyJournalled(first, List.of(journalled));
    }

    @Test
    public void an_order_older_than_the_stored_one_is_refused_and_the_batch_writes_nothing() {
        EngineScript script = new EngineScript();
        ClientOrderId a = script.create(buyInfy(10, "1500.05").build());
        script.release(a);
        Order older = script.orders().get(a);
        script.advance(5).submit(a).accept(a);
        JournalBatch first = script.takeBatch();
        commit(first);

        ClientOrderId b = script.create(buyInfy(1, "1500").build());
        JournalBatch other = script.takeBatch();
        JournalBatch stale = new JournalBatch(other.events(), concat(other.orders(), List.of(older)), List.of());

        assertRefused(journal().append(stale));
        assertOnlyJournalled(first, List.of(script.orders().get(a)));
        assertThat(orderStore().findById(b)).isEmpty();
    }

    @Test
    public void orders_are_found_by_broker_order_id() {
        EngineScript script = new EngineScript();
        ClientOrderId a = script.create(buyInfy(10, "1500.05").build());
        ClientOrderId b = script.create(buyInfy(5, "1500").build());
        ClientOrderId c = script.create(buyInfy(5, "1500").build());
        script.release(a).release(b).release(c).submit(a).submit(b);
        script.accept(a, BrokerOrderId.of("240304000000001")).accept(b, BrokerOrderId.of("240304000000002"));
        commit(script.takeBatch());

        assertThat(orderStore().findByBrokerOrderId(BrokerOrderId.of("240304000000001")))
                .contains(script.orders().get(a));
        assertThat(orderStore().findByBrokerOrderId(BrokerOrderId.of("240304000000002")))
                .contains(script.orders().get(b));
        assertThat(orderStore().findByBrokerOrderId(BrokerOrderId.of("240304000000003")))
                .isEmpty();
    }

    @Test
    public void open_orders_are_the_non_terminal_ones_oldest_first() {
        EngineScript script = new EngineScript();
        List<ClientOrderId> ids = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            ids.add(orderIn(script, status));
            script.advance(status.ordinal() % 2 == 0 ? 0 : 7);
        }
        JournalBatch batch = script.takeBatch();
        // journalled newest first, so only the creation times can give "oldest first"
        commit(new JournalBatch(batch.events(), reversed(batch.orders()), batch.positions()));

        List<Order> expected = script.orders().all().stream()
                .filter(o -> !o.isTerminal())
                .sorted(OLDEST_FIRST)
                .toList();
        assertThat(expected).extracting(Order::status).hasSize(7);
        assertThat(orderStore().findOpenOrders()).containsExactlyElementsOf(expected);

        ClientOrderId accepted = ids.get(OrderStatus.ACCEPTED.ordinal());
        script.advance(5).requestCancel(accepted).confirmCancel(accepted);
        commit(script.takeBatch());
        assertThat(orderStore().findOpenOrders())
                .extracting(Order::id)
                .doesNotContain(accepted)
                .hasSize(6);
    }

    @Test
    public void orders_are_filtered_by_status() {
        List<Order> orders = journalPopulation();
        assertQuery(
                orders,
                query(Set.of(OrderStatus.FILLED), null, null, null, null, null),
                o -> o.status() == OrderStatus.FILLED);
        Set<OrderStatus> working = EnumSet.of(OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED, OrderStatus.CREATED);
        assertQuery(orders, query(working, null, null, null, null, null), o -> working.contains(o.status()));
        assertQuery(
                orders,
                query(Set.of(OrderStatus.PENDING_MODIFY), null, null, null, null, null),
                o -> o.status() == OrderStatus.PENDING_MODIFY);
    }

    @Test
    public void orders_are_filtered_by_instrument_strategy_and_account() {
        List<Order> orders = journalPopulation();
        assertQuery(orders, query(Set.of(), BTC.id(), null, null, null, null), o -> o.instrument()
                .equals(BTC.id()));
        assertQuery(orders, query(Set.of(), InstrumentId.parse("NSE:TCS"), null, null, null, null), o -> false);
        assertQuery(orders, query(Set.of(), null, MEAN_REVERSION, null, null, null), o -> o.strategy()
                .equals(MEAN_REVERSION));
        assertQuery(orders, query(Set.of(), null, null, ACC3, null, null), o -> o.account()
                .equals(ACC3));
        assertQuery(
                orders,
                query(Set.of(OrderStatus.FILLED, OrderStatus.CANCELLED), INFY.id(), MOMENTUM, ACC2, null, null),
                o -> Set.of(OrderStatus.FILLED, OrderStatus.CANCELLED).contains(o.status())
                        && o.instrument().equals(INFY.id())
                        && o.strategy().equals(MOMENTUM)
                        && o.account().equals(ACC2));
    }

    @Test
    public void orders_are_filtered_by_a_creation_window_from_inclusive_to_exclusive() {
        List<Order> orders = journalPopulation();
        List<Instant> times =
                orders.stream().map(Order::createdAt).distinct().sorted().toList();
        Instant from = times.get(times.size() / 4);
        Instant to = times.get(times.size() * 3 / 4);
        assertThat(orders.stream().filter(o -> o.createdAt().equals(from)).count())
                .isPositive();

        assertQuery(orders, query(Set.of(), null, null, null, from, null), o -> !o.createdAt()
                .isBefore(from));
        assertQuery(orders, query(Set.of(), null, null, null, null, to), o -> o.createdAt()
                .isBefore(to));
        assertQuery(
                orders,
                query(Set.of(), null, null, null, from, to),
                o -> !o.createdAt().isBefore(from) && o.createdAt().isBefore(to));
        assertQuery(
                orders,
                query(Set.of(), null, null, ACC1, from, from.plusNanos(1000)),
                o -> o.createdAt().equals(from) && o.account().equals(ACC1));
    }

    @Test
    public void pages_run_newest_first_and_their_cursor_covers_every_order_exactly_once() {
        List<Order> orders = journalPopulation();
        for (int limit : new int[] {1, 3, 7, orders.size(), OrderQuery.MAX_LIMIT}) {
            assertQuery(orders, OrderQuery.all(limit), o -> true);
        }
        OrderPage first = orderStore().find(OrderQuery.all(5));
        assertThat(first.items())
                .containsExactlyElementsOf(
                        orders.stream().sorted(NEWEST_FIRST).limit(5).toList());
        assertThat(first.next()).isPresent();
    }

    @Test
    public void an_open_position_is_found_by_its_key() {
        EngineScript script = new EngineScript();
        ClientOrderId a = script.working(buyInfy(10, "1500.05").build());
        ClientOrderId b = script.working(
                buyInfy(3, "1500").sell().strategy(MEAN_REVERSION).build());
        script.advance(3).fill(a, "10", "1500.05", "2").fill(b, "3", "1500", "1");
        commit(script.takeBatch());

        PositionKey longKey = key(script.orders().get(a));
        PositionKey shortKey = key(script.orders().get(b));
        assertThat(positionStore().findOpenPosition(longKey))
                .isEqualTo(script.positions().get(longKey));
        assertThat(positionStore().findOpenPosition(shortKey))
                .isEqualTo(script.positions().get(shortKey));
        assertThat(positionStore().findOpenPosition(new PositionKey(ACC1, MOMENTUM, INFY.id(), Product.MIS)))
                .isEmpty();
        assertThat(positionStore().findOpenPositions())
                .containsExactlyInAnyOrderElementsOf(script.positions().openPositions());
        assertThat(positionStore().findPositions(false))
                .containsExactlyInAnyOrderElementsOf(script.positions().openPositions());
    }

    @Test
    public void a_closed_position_is_kept_and_listed_only_with_closed_ones() {
        EngineScript script = new EngineScript();
        ClientOrderId buy = script.working(buyInfy(10, "1500.05").build());
        script.advance(3).fill(buy, "10", "1500.05", "2");
        commit(script.takeBatch());
        ClientOrderId sell = script.working(buyInfy(10, "1510").sell().build());
        script.advance(3).fill(sell, "10", "1510", "2");
        commit(script.takeBatch());

        PositionKey key = key(script.orders().get(buy));
        assertThat(positionStore().findOpenPosition(key)).isEmpty();
        assertThat(positionStore().findOpenPositions()).isEmpty();
        assertThat(positionStore().findPositions(false)).isEmpty();
        assertThat(positionStore().findPositions(true))
                .containsExactlyElementsOf(script.positions().history(key));
        Position closed = positionStore().findPositions(true).get(0);
        assertThat(closed.closedAt()).isPresent();
        assertThat(closed.realizedPnl()).isEqualTo(Money.of("95.5"));
    }

    @Test
    public void a_key_closed_and_reopened_in_one_instant_and_batch_keeps_both_positions() {
        EngineScript script = new EngineScript().accountingMethod(ACC2, AccountingMethod.FIFO);
        ClientOrderId buy = script.working(buyInfy(10, "1500.05").account(ACC2).build());
        script.fill(buy, "4", "1500.05", "0.1").fill(buy, "6", "1500.10", "0.1");
        commit(script.takeBatch());
        ClientOrderId sell =
                script.working(buyInfy(10, "1500").account(ACC2).sell().build());
        ClientOrderId again = script.working(buyInfy(2, "1500").account(ACC2).build());
        script.fill(sell, "10", "1500", "0.2").fill(again, "2", "1500", "0.1");
        commit(script.takeBatch());

        PositionKey key = key(script.orders().get(buy));
        List<Position> history = script.positions().history(key);
        assertThat(history).hasSize(2);
        assertThat(positionStore().findOpenPosition(key)).contains(history.get(1));
        assertThat(positionStore().findOpenPositions()).containsExactly(history.get(1));
        assertThat(positionStore().findPositions(true)).containsExactlyInAnyOrderElementsOf(history);
        assertThat(positionStore().findPositions(false)).containsExactly(history.get(1));
    }

    @Test
    public void exact_decimals_survive_the_round_trip() {
        EngineScript script = new EngineScript();
        ClientOrderId small = script.working(OrderRequest.builder()
                .account(ACC1)
                .strategy(MOMENTUM)
                .instrument(BTC.id())
                .buy()
                .type(OrderType.LIMIT)
                .quantity(Quantity.of("0.003"))
                .limitPrice("64000.01")
                .build());
        ClientOrderId large = script.working(buyInfy(1000, "123456789.0123456").build());
        ClientOrderId odd =
                script.working(buyInfy(3, "1500.05").instrument(NIFTY_FUT.id()).build());
        script.advance(1)
                .fill(small, "0.001", "1500.05", "0.0001")
                .fill(small, "0.001", "1500.07", "0.0001")
                .fill(large, "1000", "123456789.0123456", "12.3456")
                .fill(odd, "1", "1500.01", "0")
                .fill(odd, "1", "1500.02", "0")
                .fill(odd, "1", "1500.05", "0");
        commit(script.takeBatch());
        ClientOrderId reduce = script.working(
                buyInfy(1, "1500").instrument(NIFTY_FUT.id()).sell().build());
        script.advance(1).fill(reduce, "1", "1500.03", "0.0001").mark(NIFTY_FUT.id(), "1499.99");
        commit(script.takeBatch());

        for (ClientOrderId id : List.of(small, large, odd, reduce)) {
            assertThat(orderStore().findById(id)).contains(script.orders().get(id));
        }
        assertThat(orderStore().findById(large).orElseThrow().fills().get(0).notional())
                .isEqualTo(Money.of("123456789012.3456"));
        assertThat(orderStore().findById(small).orElseThrow().fills().get(0).fee())
                .isEqualTo(Money.of("0.0001"));
        assertThat(orderStore().findById(small).orElseThrow().filledQuantity()).isEqualTo(Quantity.of("0.002"));
        assertThat(positionStore().findPositions(true))
                .containsExactlyInAnyOrderElementsOf(script.positions().positions(true));
        Position averaged =
                positionStore().findOpenPosition(key(script.orders().get(odd))).orElseThrow();
        assertThat(averaged.openCost().amount().precision())
                .as("a cost divided to 34 digits")
                .isGreaterThan(20);
        assertThat(averaged).isEqualTo(script.positions().get(averaged.key()).orElseThrow());
        assertThat(replayed(large)).isEqualTo(script.orders().get(large));
    }

    @Test
    public void instants_survive_at_microsecond_precision() {
        EngineScript script = new EngineScript();
        Instant expiry = Instant.parse("2099-12-31T23:59:59.999999Z");
        ClientOrderId gtd = script.working(buyInfy(10, "1500.05")
                .timeInForce(TimeInForce.GTD)
                .expiresAt(expiry)
                .build());
        script.advance(1)
                .lockCancelUntil(gtd, T0.plusNanos(999_999_000))
                .advance(1)
                .fill(gtd, "1", "1500", "0");
        script.advance(1).mark(INFY.id(), "1500.05");
        commit(script.takeBatch());
        restartStore();

        Order stored = orderStore().findById(gtd).orElseThrow();
        assertThat(stored).isEqualTo(script.orders().get(gtd));
        assertThat(stored.expiresAt()).contains(expiry);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.updatedAt()).isEqualTo(T0.plusNanos(2000));
        assertThat(stored.fills().get(0).executedAt()).isEqualTo(T0.plusNanos(2000));
        assertThat(eventsOf(gtd)).containsExactlyElementsOf(script.journalledEvents());
        Position position = positionStore().findOpenPositions().get(0);
        assertThat(position.lastMarkAt()).contains(T0.plusNanos(3000));
        assertThat(position.openedAt()).isEqualTo(T0.plusNanos(2000));
    }

    @Test
    public void every_event_type_and_optional_field_survives_the_round_trip() {
        EngineScript script = new EngineScript();
        List<ClientOrderId> ids = everyKindOfOrder(script);
        JournalBatch batch = script.takeBatch();
        commit(batch);

        assertThat(batch.events().stream().map(OrderEvent::eventType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(OrderEventType.values());
        assertEveryOrderRoundTrips(script, ids, script.orders());
        restartStore();
        assertEveryOrderRoundTrips(script, ids, script.orders());
        assertThat(readAll()).extracting(JournalRecord::event).containsExactlyElementsOf(batch.events());
    }

    @Test
    public void random_lifecycles_replay_to_the_stored_orders_and_restore_the_managers_after_a_restart() {
        EngineScript script = new EngineScript();
        new RandomLifecycles(20240304L, script).run(300, this::commit);
        OrderManager manager = script.orders();
        PositionManager positions = script.positions();
        assertThat(manager.all()).hasSize(300);
        assertThat(manager.all()).extracting(Order::status).contains(OrderStatus.values());

        restartStore();

        assertThat(readAll()).extracting(JournalRecord::event).containsExactlyElementsOf(script.journalledEvents());
        assertGapFree();
        for (Order order : manager.all()) {
            assertThat(replayed(order.id())).isEqualTo(order);
            assertThat(orderStore().findById(order.id())).contains(order);
        }
        List<Order> open = manager.all().stream()
                .filter(o -> !o.isTerminal())
                .sorted(OLDEST_FIRST)
                .toList();
        assertThat(orderStore().findOpenOrders()).containsExactlyElementsOf(open);
        assertThat(positionStore().findPositions(true)).containsExactlyInAnyOrderElementsOf(positions.positions(true));
        assertThat(positionStore().findOpenPositions()).containsExactlyInAnyOrderElementsOf(positions.openPositions());

        OrderManager restoredOrders = new OrderManager();
        orderStore().findOpenOrders().forEach(restoredOrders::restore);
        assertThat(restoredOrders.all()).containsExactlyElementsOf(open);
        assertThat(restoredOrders.openOrders()).containsExactlyInAnyOrderElementsOf(manager.openOrders());

        PositionManager restoredPositions = new PositionManager();
        restoredPositions.setAccountingMethod(ACC2, AccountingMethod.FIFO);
        restoredPositions.setAccountingMethod(ACC3, AccountingMethod.LIFO);
        positionStore().findOpenPositions().forEach(restoredPositions::restore);
        assertThat(restoredPositions.openPositions()).containsExactlyInAnyOrderElementsOf(positions.openPositions());
        for (AccountId account : List.of(ACC1, ACC2, ACC3)) {
            assertThat(restoredPositions.openPositions(account))
                    .containsExactlyInAnyOrderElementsOf(positions.openPositions(account));
        }
    }

    @Test
    public void readers_see_only_whole_batches_while_batches_are_appended() throws Exception {
        EngineScript script = new EngineScript();
        List<JournalBatch> batches = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ClientOrderId id = script.create(buyInfy(1 + i % 7, "1500").build());
            script.release(id).submit(id).accept(id);
            batches.add(script.takeBatch());
        }
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reads = reader.submit(() -> {
                int passes = 0;
                boolean last = false;
                while (!last) {
                    last = done.get();
                    List<JournalRecord> records = journal().readAfter(0, 10_000);
                    assertThat(records.size() % 4).as("events of whole batches").isZero();
                    for (int i = 0; i < records.size(); i++) {
                        assertThat(records.get(i).globalSequence()).isEqualTo(i + 1L);
                    }
                    if (!records.isEmpty()) {
                        ClientOrderId newest =
                                records.get(records.size() - 1).event().orderId();
                        assertThat(orderStore().findById(newest))
                                .map(Order::lastSequence)
                                .contains(4L);
                    }
                    passes++;
                }
                return passes;
            });
            List<CompletableFuture<Void>> futures =
                    batches.stream().map(journal()::append).toList();
            futures.forEach(ContractFixtures::await);
            done.set(true);
            assertThat(reads.get(AWAIT_SECONDS, TimeUnit.SECONDS)).isPositive();
        } finally {
            done.set(true);
            reader.shutdownNow();
        }
        assertThat(readAll()).hasSize(240);
    }

    private void commit(JournalBatch batch) {
        await(journal().append(batch));
    }

    private static void assertRefused(CompletableFuture<Void> future) {
        assertThat(future)
                .failsWithin(Duration.ofSeconds(AWAIT_SECONDS))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(JournalException.class);
    }

    /** Asserts that the store holds exactly what {@code batch} (the only one journalled) wrote. */
    private void assertOnlyJournalled(JournalBatch batch, List<Order> orders) {
        assertThat(readAll()).extracting(JournalRecord::event).containsExactlyElementsOf(batch.events());
        assertGapFree();
        assertThat(orderStore().find(OrderQuery.all(OrderQuery.MAX_LIMIT)).items())
                .containsExactlyInAnyOrderElementsOf(orders);
        assertThat(positionStore().findPositions(true)).containsExactlyInAnyOrderElementsOf(batch.positions());
    }

    private void assertGapFree() {
        List<JournalRecord> records = readAll();
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).globalSequence())
                    .as("global sequence of record %d", i)
                    .isEqualTo(i + 1L);
        }
    }

    /** The steps taken so far plus a new order whose fill opens a position, as one batch. */
    private static JournalBatch moreTrading(EngineScript script) {
        script.advance(10);
        ClientOrderId other = script.working(buyInfy(4, "1500").account(ACC2).build());
        script.fill(other, "4", "1500", "0.5");
        return script.takeBatch();
    }

    private List<JournalRecord> readAll() {
        List<JournalRecord> all = new ArrayList<>();
        while (true) {
            long after = all.isEmpty() ? 0 : all.get(all.size() - 1).globalSequence();
            List<JournalRecord> page = journal().readAfter(after, 500);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
        }
    }

    private List<OrderEvent> eventsOf(ClientOrderId id) {
        return journal().eventsOf(id).stream().map(JournalRecord::event).toList();
    }

    private Order replayed(ClientOrderId id) {
        return Order.replay(eventsOf(id));
    }

    private static List<OrderEvent> eventsFor(JournalBatch batch, ClientOrderId id) {
        return batch.events().stream().filter(e -> e.orderId().equals(id)).toList();
    }

    private static PositionKey key(Order order) {
        return new PositionKey(order.account(), order.strategy(), order.instrument(), order.product());
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static final Comparator<Order> OLDEST_FIRST =
            Comparator.comparing(Order::createdAt).thenComparing(o -> o.id().value());
    private static final Comparator<Order> NEWEST_FIRST = OLDEST_FIRST.reversed();

    private static OrderQuery query(
            Set<OrderStatus> statuses,
            InstrumentId instrument,
            StrategyId strategy,
            AccountId account,
            Instant from,
            Instant to) {
        return new OrderQuery(
                statuses,
                Optional.ofNullable(instrument),
                Optional.ofNullable(strategy),
                Optional.ofNullable(account),
                Optional.ofNullable(from),
                Optional.ofNullable(to),
                Optional.empty(),
                4);
    }

    /** Pages through {@code query} and asserts the pages hold exactly the matching orders, newest first. */
    private void assertQuery(List<Order> orders, OrderQuery query, Predicate<Order> matches) {
        List<Order> expected =
                orders.stream().filter(matches).sorted(NEWEST_FIRST).toList();
        List<Order> found = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int pages = 0; pages <= orders.size() + 1; pages++) {
            OrderPage page = orderStore()
                    .find(new OrderQuery(
                            query.statuses(),
                            query.instrument(),
                            query.strategy(),
                            query.account(),
                            query.from(),
                            query.to(),
                            after,
                            query.limit()));
            assertThat(page.items().size()).isLessThanOrEqualTo(query.limit());
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                assertThat(found).as("pages of %s", query).containsExactlyElementsOf(expected);
                return;
            }
            assertThat(page.items()).as("a page with a next cursor is full").hasSize(query.limit());
            after = page.next();
        }
        throw new AssertionError("paging " + query + " did not end");
    }

    /**
     * Journals 60 orders over three accounts, two strategies and three instruments, in every
     * status, several created in the same instant; answers them as journalled.
     */
    private List<Order> journalPopulation() {
        EngineScript script = new EngineScript();
        Random random = new Random(42);
        List<Instrument> instruments = List.of(INFY, NIFTY_FUT, BTC);
        List<AccountId> accounts = List.of(ACC1, ACC2, ACC3);
        for (int i = 0; i < 60; i++) {
            script.advance(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(5_000_000));
            Instrument instrument = instruments.get(random.nextInt(3));
            OrderRequest request = OrderRequest.builder()
                    .account(accounts.get(random.nextInt(3)))
                    .strategy(random.nextBoolean() ? MOMENTUM : MEAN_REVERSION)
                    .instrument(instrument.id())
                    .side(random.nextBoolean() ? Side.BUY : Side.SELL)
                    .quantity(instrument.lotSize())
                    .build();
            OrderStatus status = OrderStatus.values()[random.nextInt(OrderStatus.values().length)];
            orderIn(script, request, status);
            if (random.nextInt(4) == 0) {
                commit(script.takeBatch());
            }
        }
        commit(script.takeBatch());
        return script.orders().all();
    }

    private static ClientOrderId orderIn(EngineScript script, OrderStatus status) {
        return orderIn(script, buyInfy(10, "1500").build(), status);
    }

    /** Creates an order from {@code request} and brings it to {@code status}. */
    private static ClientOrderId orderIn(EngineScript script, OrderRequest request, OrderStatus status) {
        ClientOrderId id = script.create(request);
        String all = request.quantity().toString();
        switch (status) {
            case CREATED -> {}
            case PENDING_SUBMISSION -> script.release(id);
            case SUBMITTED -> script.release(id).submit(id);
            case ACCEPTED -> script.release(id).submit(id).accept(id);
            case PARTIALLY_FILLED -> {
                script.release(id).submit(id).accept(id);
                Quantity part = Quantity.of(request.quantity().value().divide(BigDecimal.valueOf(2)));
                script.fill(id, part.toString(), "1500", "0.1");
            }
            case FILLED -> script.release(id).submit(id).accept(id).fill(id, all, "1500", "0.1");
            case PENDING_CANCEL -> script.release(id).submit(id).accept(id).requestCancel(id);
            case PENDING_MODIFY -> script.release(id)
                    .submit(id)
                    .accept(id)
                    .requestModify(
                            id, OrderModification.quantity(request.quantity().plus(request.quantity())));
            case CANCELLED -> script.release(id)
                    .submit(id)
                    .accept(id)
                    .requestCancel(id)
                    .confirmCancel(id);
            case REJECTED -> script.reject(id, Rejection.byRisk("MAX_ORDER_QUANTITY", "above 5"));
            case EXPIRED -> script.release(id).submit(id).accept(id).expire(id);
            case ERROR -> script.release(id).error(id, "lost at the broker");
        }
        assertThat(script.orders().get(id).status()).isEqualTo(status);
        return id;
    }

    /** Orders that together hold every event type and every optional field, set and unset. */
    private static List<ClientOrderId> everyKindOfOrder(EngineScript script) {
        List<ClientOrderId> ids = new ArrayList<>();
        ClientOrderId parent = script.working(buyInfy(10, "1500.05").build());
        ids.add(parent);

        ClientOrderId bracket = script.create(OrderRequest.builder()
                .account(ACC2)
                .strategy(MEAN_REVERSION)
                .instrument(INFY.id())
                .sell()
                .type(OrderType.STOP_LIMIT)
                .quantity(20)
                .limitPrice("1490.05")
                .triggerPrice("1491")
                .expiresAt(T0.plusSeconds(3600).plusNanos(1000))
                .product(Product.MIS)
                .tag("bracket-leg.1:a")
                .parentOrderId(parent)
                .reduceOnly(true)
                .stopLoss("1510.5")
                .takeProfit("1450")
                .build());
        ids.add(bracket);
        script.release(bracket).submit(bracket).accept(bracket);
        script.advance(1).lockModifyUntil(bracket, script.now().plusNanos(2000));
        script.lockCancelUntil(bracket, script.now().plusNanos(3000));
        script.advance(5)
                .requestModify(
                        bracket,
                        new OrderModification(
                                Optional.of(Quantity.of(25)),
                                Optional.of(Price.of("1489")),
                                Optional.of(Price.of("1490"))))
                .rejectModify(bracket, "modification outside the price band")
                .requestModify(bracket, OrderModification.limitPrice(Price.of("1488.5")))
                .confirmModify(bracket);
        script.fill(
                bracket,
                new Fill(
                        script.nextTradeId(),
                        Quantity.of(5),
                        Price.of("1488.5"),
                        Money.of("0.35"),
                        script.now(),
                        Optional.of(LiquiditySide.MAKER)));
        script.requestCancel(bracket)
                .rejectCancel(bracket, "order is being traded")
                .requestCancel(bracket);
        script.confirmCancel(bracket);
        script.fill(
                bracket,
                new Fill(
                        script.nextTradeId(),
                        Quantity.of(2),
                        Price.of("1488.5"),
                        Money.ZERO,
                        script.now(),
                        Optional.empty()));

        ClientOrderId expiresIn = script.create(OrderRequest.builder()
                .account(ACC1)
                .strategy(MOMENTUM)
                .instrument(BTC.id())
                .buy()
                .quantity(Quantity.of("0.005"))
                .expiresIn(Duration.ofMinutes(90))
                .build());
        ids.add(expiresIn);
        script.reject(expiresIn, Rejection.byRisk("MAX_ORDER_NOTIONAL", "notional 320 above 300"));

        ClientOrderId dayWithSession = script.create(
                OrderRequest.builder()
                        .account(ACC3)
                        .strategy(MOMENTUM)
                        .instrument(NIFTY_FUT.id())
                        .sell()
                        .type(OrderType.STOP)
                        .quantity(50)
                        .triggerPrice("22000.05")
                        .product(Product.NRML)
                        .build(),
                NIFTY_FUT);
        ids.add(dayWithSession);
        script.release(dayWithSession)
                .submit(dayWithSession)
                .reject(dayWithSession, Rejection.byBroker("Insufficient funds"));

        ClientOrderId system =
                script.create(buyInfy(1, "1500").product(Product.of("bo")).build());
        ids.add(system);
        script.release(system).submit(system).reject(system, Rejection.bySystem("session expired"));

        ClientOrderId errored =
                script.create(buyInfy(1, "1500").timeInForce(TimeInForce.IOC).build());
        ids.add(errored);
        script.release(errored).error(errored, "lost track of the order");

        ClientOrderId unknownSubmit = script.create(buyInfy(1, "1500").build());
        ids.add(unknownSubmit);
        script.release(unknownSubmit)
                .submit(unknownSubmit)
                .outcomeUnknown(unknownSubmit, UnknownOperation.SUBMIT, "read timeout after 5s");

        ClientOrderId unknownCancel = script.working(buyInfy(1, "1500").build());
        ids.add(unknownCancel);
        script.requestCancel(unknownCancel).outcomeUnknown(unknownCancel, UnknownOperation.CANCEL, "connection reset");

        ClientOrderId expired = script.working(buyInfy(1, "1500").build());
        ids.add(expired);
        script.expire(expired);

        ClientOrderId neverSent = script.create(buyInfy(1, "1500").build());
        ids.add(neverSent);
        script.requestCancel(neverSent);

        ClientOrderId filled = script.working(buyInfy(2, "1500").build());
        ids.add(filled);
        script.fill(filled, "2", "1500", "0.01");

        ClientOrderId pendingModify = script.working(buyInfy(3, "1500").build());
        ids.add(pendingModify);
        script.requestModify(pendingModify, OrderModification.quantity(Quantity.of(4)))
                .confirmModify(pendingModify)
                .requestModify(pendingModify, OrderModification.limitPrice(Price.of("1501")));

        ClientOrderId pendingCancel = script.working(buyInfy(3, "1500").build());
        ids.add(pendingCancel);
        script.fill(pendingCancel, "1", "1500", "0")
                .requestModify(pendingCancel, OrderModification.quantity(Quantity.of(5)));
        script.requestCancel(pendingCancel);
        return ids;
    }

    private void assertEveryOrderRoundTrips(EngineScript script, List<ClientOrderId> ids, OrderManager manager) {
        for (ClientOrderId id : ids) {
            List<OrderEvent> expected = script.journalledEvents().stream()
                    .filter(e -> e.orderId().equals(id))
                    .toList();
            assertThat(eventsOf(id)).as("events of %s", id).containsExactlyElementsOf(expected);
            assertThat(replayed(id)).isEqualTo(manager.get(id));
            assertThat(orderStore().findById(id)).contains(manager.get(id));
        }
        Set<ClientOrderId> seen = new HashSet<>(ids);
        assertThat(seen).hasSize(ids.size());
    }
}
