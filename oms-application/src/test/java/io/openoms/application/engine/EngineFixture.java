package io.openoms.application.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.events.OmsEventPublisher;
import io.openoms.application.monitor.EngineHarness;
import io.openoms.application.ratelimit.EndpointFamily;
import io.openoms.application.ratelimit.RateLimitDecision;
import io.openoms.application.ratelimit.RateLimitGuard;
import io.openoms.application.ratelimit.RateLimitUsage;
import io.openoms.application.ratelimit.RequestPriority;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.risk.checks.StandardChecks;
import io.openoms.domain.testing.FixedMarketData;
import io.openoms.domain.testing.InMemoryInstrumentCatalog;
import io.openoms.domain.testing.InMemoryReconciliationLog;
import io.openoms.domain.testing.InMemoryRiskLimitStore;
import io.openoms.domain.testing.InMemoryStore;
import io.openoms.domain.testing.ScriptedBrokerGateway;
import io.openoms.domain.testing.SequentialIdGenerator;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** One engine over in-memory ports, with the fakes a test drives. */
final class EngineFixture implements AutoCloseable {
    /** Monday 2024-03-04 10:00 in Mumbai: the market is open. */
    static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");

    static final AccountId ACCOUNT = AccountId.of("ACC-1");
    static final String BROKER = "mock";
    static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");
    static final TradingSession NSE = TradingSession.indianEquities(Set.of());

    final EngineHarness.MutableClock clock = new EngineHarness.MutableClock(T0);
    final InMemoryStore store;
    final ScriptedBrokerGateway broker = new ScriptedBrokerGateway(BROKER);
    final FixedMarketData marketData = new FixedMarketData();
    final InMemoryInstrumentCatalog catalog = new InMemoryInstrumentCatalog();
    final InMemoryRiskLimitStore riskLimits;
    final InMemoryReconciliationLog reconciliationLog;
    final RecordingRateLimitGuard rateLimits = new RecordingRateLimitGuard();
    final RecordingPublisher publisher = new RecordingPublisher();
    final SequentialIdGenerator ids;
    EngineObserver observer = EngineObserver.NONE;
    TradingEngine engine;

    EngineFixture() {
        this(null, new InMemoryRiskLimitStore(), new InMemoryReconciliationLog(), new SequentialIdGenerator());
    }

    private EngineFixture(
            InMemoryStore store,
            InMemoryRiskLimitStore riskLimits,
            InMemoryReconciliationLog reconciliationLog,
            SequentialIdGenerator ids) {
        this.store = store != null ? store : new InMemoryStore(clock::instant);
        this.riskLimits = riskLimits;
        this.reconciliationLog = reconciliationLog;
        this.ids = ids;
        catalog.add(Instrument.of(INFY, "0.05", 1, java.util.Currency.getInstance("INR"), NSE));
        catalog.add(Instrument.of(TCS, "0.05", 1, java.util.Currency.getInstance("INR"), NSE));
        marketData.setLastPrice(INFY, Price.of(100));
        marketData.setLastPrice(TCS, Price.of(200));
    }

    static EngineConfig.Builder config() {
        return EngineConfig.builder()
                .brokerDispatchThreads(2)
                .rateLimitMaxWait(Duration.ofSeconds(2))
                .stopTimeout(Duration.ofSeconds(5))
                .account(
                        ACCOUNT,
                        new AccountSettings(
                                Money.of(1_000_000), Money.of(500_000), AccountingMethod.AVERAGE_COST, NSE, BROKER));
    }

    EngineFixture start() {
        return start(config().build());
    }

    EngineFixture start(EngineConfig config) {
        return start(config, store);
    }

    EngineFixture start(EngineConfig config, Journal journal) {
        engine = new TradingEngine(
                journal,
                store,
                store,
                riskLimits,
                catalog,
                marketData,
                ids,
                new EngineHarness.SingleBrokerRouter(broker),
                rateLimits,
                publisher,
                reconciliationLog,
                clock,
                StandardChecks.validator(),
                config,
                observer);
        engine.start();
        return this;
    }

    /** A new engine over the same stores, as after a restart. */
    EngineFixture restart() {
        engine.stop();
        EngineFixture next = new EngineFixture(store, riskLimits, reconciliationLog, ids);
        next.clock.set(clock.instant());
        return next.start();
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.stop();
        }
    }

    static OrderRequest.Builder buy(long quantity, String limit) {
        return OrderRequest.builder()
                .account(ACCOUNT)
                .strategy("momentum")
                .instrument(INFY)
                .buy()
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(limit);
    }

    OrderCommandResult submit(OrderRequest request) {
        return get(engine.submit(SubmitOrder.of(request)));
    }

    Order submitAccepted(OrderRequest request) {
        OrderCommandResult result = submit(request);
        assertThat(result).isInstanceOf(OrderCommandResult.Accepted.class);
        return ((OrderCommandResult.Accepted) result).order();
    }

    /** Submits and waits until the broker's answer is applied. */
    Order submitAcknowledged(OrderRequest request) {
        Order order = submitAccepted(request);
        return awaitStatus(order.id(), OrderStatus.ACCEPTED);
    }

    Order stored(ClientOrderId id) {
        return store.findById(id).orElseThrow();
    }

    Order awaitStatus(ClientOrderId id, OrderStatus status) {
        await(
                () -> store.findById(id)
                        .map(Order::status)
                        .filter(status::equals)
                        .isPresent(),
                "order " + id + " in " + status);
        return stored(id);
    }

    /** Hands a fill in and waits until it is durable. */
    void fill(Order order, String tradeId, long quantity, String price) {
        BrokerTrade trade = trade(order.brokerOrderId().orElseThrow(), order.side(), tradeId, quantity, price);
        get(engine.applyBrokerTrade(BROKER, trade));
    }

    BrokerTrade trade(BrokerOrderId brokerOrderId, Side side, String tradeId, long quantity, String price) {
        return new BrokerTrade(
                brokerOrderId, INFY, side, Product.CNC, Fill.of(tradeId, quantity, price, "0", clock.instant()));
    }

    static BrokerOrder brokerOrder(
            String brokerOrderId,
            Optional<ClientOrderId> ours,
            Side side,
            long quantity,
            long filled,
            long cancelled,
            OrderStatus status) {
        return EngineHarness.brokerOrder(brokerOrderId, ours, side, quantity, filled, cancelled, status);
    }

    /** Waits until every command queued so far is applied and durable. */
    EngineSnapshot sync() {
        return get(engine.snapshot());
    }

    static <T> T get(CompletableFuture<T> future) {
        return EngineHarness.get(future);
    }

    static void await(BooleanSupplier condition, String what) {
        EngineHarness.await(condition, what);
    }

    /** Grants every permit at once and records the requests and penalties. */
    static final class RecordingRateLimitGuard implements RateLimitGuard {
        final List<String> acquired = new CopyOnWriteArrayList<>();
        final List<Duration> penalties = new CopyOnWriteArrayList<>();
        volatile Optional<String> refuseWith = Optional.empty();

        @Override
        public RateLimitDecision acquire(
                String broker, EndpointFamily family, RequestPriority priority, Duration maxWait) {
            acquired.add(family + ":" + priority);
            return refuseWith
                    .<RateLimitDecision>map(RateLimitDecision.Refused::new)
                    .orElse(new RateLimitDecision.Granted(Duration.ZERO));
        }

        @Override
        public void penalize(String broker, EndpointFamily family, Duration backoff) {
            penalties.add(backoff);
        }

        @Override
        public Map<String, Map<EndpointFamily, RateLimitUsage>> usage() {
            return Map.of();
        }
    }

    static final class RecordingPublisher implements OmsEventPublisher {
        final List<OmsEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void publish(List<OmsEvent> published) {
            events.addAll(published);
        }

        List<OmsEvent> ofOrder(ClientOrderId id) {
            List<OmsEvent> result = new ArrayList<>();
            for (OmsEvent event : events) {
                if (event instanceof OmsEvent.OrderUpdated updated
                        && updated.order().id().equals(id)) {
                    result.add(event);
                }
            }
            return result;
        }

        <T extends OmsEvent> List<T> ofType(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
