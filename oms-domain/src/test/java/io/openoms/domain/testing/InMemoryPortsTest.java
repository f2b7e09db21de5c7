package io.openoms.domain.testing;

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
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryPortsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");
    private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");

    private final InMemoryStore store = new InMemoryStore(() -> NOW);
    private final OrderManager orders = new OrderManager();
    private final SequentialIdGenerator ids = new SequentialIdGenerator();

    private List<OrderEvent> enter() {
        ClientOrderId id = ids.nextOrderId();
        OrderRequest request = OrderRequest.builder()
                .account("ACC1")
                .strategy("s1")
                .instrument(INFY)
                .buy()
                .quantity(10)
                .build();
        List<OrderEvent> events = new ArrayList<>(orders.create(id, request, Optional.empty(), NOW));
        events.addAll(orders.release(id, NOW));
        return events;
    }

    @Test
    void a_journalled_batch_is_readable_as_events_and_as_current_state() {
        List<OrderEvent> events = enter();
        Order order = orders.get(events.get(0).orderId());
        store.append(new JournalBatch(events, List.of(order), List.of())).join();

        assertThat(store.eventsOf(order.id()))
                .extracting(r -> r.event().sequence())
                .containsExactly(1L, 2L);
        assertThat(store.readAfter(1, 10)).extracting(r -> r.globalSequence()).containsExactly(2L);
        assertThat(store.findById(order.id())).contains(order);
        assertThat(store.findOpenOrders()).containsExactly(order);
        assertThat(Order.replay(events)).isEqualTo(order);
    }

    @Test
    void a_batch_repeating_a_journalled_event_writes_nothing() {
        List<OrderEvent> events = enter();
        store.append(new JournalBatch(events.subList(0, 1), List.of(), List.of()))
                .join();

        assertThat(store.append(new JournalBatch(events, List.of(), List.of())))
                .failsWithin(java.time.Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(JournalException.class);
        assertThat(store.readAfter(0, 10)).hasSize(1);
    }

    @Test
    void an_injected_failure_writes_nothing_and_the_next_append_succeeds() {
        List<OrderEvent> events = enter();
        store.failNextAppends(1);
        assertThat(store.append(new JournalBatch(events, List.of(), List.of()))).isCompletedExceptionally();
        assertThat(store.readAfter(0, 10)).isEmpty();
        assertThat(store.append(new JournalBatch(events, List.of(), List.of()))).isCompleted();
        assertThat(store.readAfter(0, 10)).hasSize(2);
    }

    @Test
    void orders_are_paged_newest_first_with_a_cursor() {
        List<Order> stored = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Order order = orders.get(enter().get(0).orderId());
            stored.add(order);
            store.append(new JournalBatch(List.of(), List.of(order), List.of())).join();
        }
        OrderPage first = store.find(OrderQuery.all(2));
        assertThat(first.items()).containsExactly(stored.get(2), stored.get(1));
        OrderQuery rest = new OrderQuery(
                Set.of(OrderStatus.PENDING_SUBMISSION),
                Optional.of(INFY),
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW),
                Optional.of(NOW.plusSeconds(1)),
                first.next(),
                2);
        OrderPage second = store.find(rest);
        assertThat(second.items()).containsExactly(stored.get(0));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void positions_are_found_open_and_kept_closed() {
        PositionManager positions = new PositionManager();
        PositionKey key = new PositionKey(
                io.openoms.domain.value.AccountId.of("ACC1"),
                io.openoms.domain.value.StrategyId.of("s1"),
                INFY,
                Product.CNC);
        Position open = positions
                .apply(key, Side.BUY, Fill.of("T1", 10, "100", "1", NOW))
                .position();
        store.append(new JournalBatch(List.of(), List.of(), List.of(open))).join();
        assertThat(store.findOpenPosition(key)).contains(open);

        Position closed = positions
                .apply(key, Side.SELL, Fill.of("T2", 10, "110", "1", NOW))
                .position();
        store.append(new JournalBatch(List.of(), List.of(), List.of(closed))).join();
        assertThat(store.findOpenPositions()).isEmpty();
        assertThat(store.findPositions(false)).isEmpty();
        assertThat(store.findPositions(true)).containsExactly(closed);
    }

    @Test
    void the_scripted_broker_answers_as_scripted_then_succeeds() {
        ScriptedBrokerGateway broker =
                new ScriptedBrokerGateway("test").nextPlace(BrokerResult.outcomeUnknown("read timeout"));
        Order order = orders.get(enter().get(0).orderId());

        assertThat(broker.place(order)).isInstanceOf(BrokerResult.OutcomeUnknown.class);
        assertThat(broker.place(order)).isEqualTo(BrokerResult.success(BrokerOrderId.of("B1")));
        assertThat(broker.cancel(order)).isEqualTo(BrokerResult.success(BrokerOrderId.of("B1")));
        assertThat(broker.placedOrders()).hasSize(2);
        assertThat(broker.cancelledOrders()).containsExactly(order);
        assertThat(broker.findOrder(order.id())).isEqualTo(BrokerResult.success(Optional.empty()));
        assertThat(broker.name()).isEqualTo("test");
    }

    @Test
    void market_data_and_catalog_answer_what_was_set() {
        FixedMarketData marketData = new FixedMarketData().setLastPrice(INFY, Price.of("1500"));
        assertThat(marketData.lastPrice(INFY)).contains(Price.of("1500"));
        assertThat(marketData.lastPrice(InstrumentId.parse("NSE:TCS"))).isEmpty();

        Instrument infy =
                Instrument.of(INFY, "0.05", 1, Currency.getInstance("INR"), TradingSession.indianEquities(Set.of()));
        InMemoryInstrumentCatalog catalog = new InMemoryInstrumentCatalog().add(infy);
        assertThat(catalog.find(INFY)).contains(infy);
        assertThat(catalog.all()).containsExactly(infy);
    }

    @Test
    void ids_are_unique_and_sort_in_issue_order() {
        ClientOrderId first = ids.nextOrderId();
        ClientOrderId second = ids.nextOrderId();
        assertThat(first.value()).isLessThan(second.value());
    }

    @Test
    void limits_states_and_findings_are_kept_per_account_and_run() {
        io.openoms.domain.value.AccountId acc = io.openoms.domain.value.AccountId.of("ACC1");
        InMemoryRiskLimitStore limits = new InMemoryRiskLimitStore();
        assertThat(limits.limits(acc)).isEmpty();
        limits.saveLimits(acc, io.openoms.domain.risk.RiskLimits.none());
        limits.saveTradingState(
                acc,
                new io.openoms.domain.risk.TradingStateChange(
                        io.openoms.domain.risk.TradingState.HALTED, "drill", "admin", NOW));
        assertThat(limits.allLimits()).containsKey(acc);
        assertThat(limits.tradingState(acc).map(c -> c.state())).contains(io.openoms.domain.risk.TradingState.HALTED);
        assertThat(limits.allTradingStates()).hasSize(1);

        InMemoryReconciliationLog log = new InMemoryReconciliationLog();
        io.openoms.domain.reconciliation.ReconciliationFinding first =
                new io.openoms.domain.reconciliation.ReconciliationFinding(
                        "run-1",
                        acc,
                        io.openoms.domain.reconciliation.FindingKind.MISSING_FILL,
                        "O1",
                        "0",
                        "10",
                        "applied",
                        NOW);
        io.openoms.domain.reconciliation.ReconciliationFinding second =
                new io.openoms.domain.reconciliation.ReconciliationFinding(
                        "run-2",
                        acc,
                        io.openoms.domain.reconciliation.FindingKind.PHANTOM_POSITION,
                        "ACC1/s1/NSE:INFY/CNC",
                        "10",
                        "0",
                        "alert only",
                        NOW);
        log.append(List.of(first, second));
        assertThat(log.latest(1)).containsExactly(second);
        assertThat(log.ofRun("run-1")).containsExactly(first);

        InMemoryInstrumentCatalog catalog = new InMemoryInstrumentCatalog();
        Instrument infy =
                Instrument.of(INFY, "0.05", 1, Currency.getInstance("INR"), TradingSession.indianEquities(Set.of()));
        catalog.saveAll(List.of(infy));
        assertThat(catalog.find(INFY)).contains(infy);
    }
}
