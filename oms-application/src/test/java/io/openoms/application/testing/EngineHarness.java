package io.openoms.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.engine.AccountSettings;
import io.openoms.application.engine.EngineConfig;
import io.openoms.application.engine.EngineObserver;
import io.openoms.application.engine.EngineSnapshot;
import io.openoms.application.engine.TradingEngine;
import io.openoms.application.events.OmsEventPublisher;
import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OmsEventListener;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RateLimitUsage;
import io.openoms.domain.port.out.RequestPriority;
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
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The real engine over in-memory ports, a scripted broker whose queries can be made to fail, a
 * controllable clock, and small fakes for the rate-limit guard and the event publisher. The one
 * engine fixture of this module: the engine's own tests and the monitor, reconciliation and
 * kill-switch tests.
 */
public final class EngineHarness implements AutoCloseable {
    /** Monday 2024-03-04 10:00 in Mumbai: the market is open. */
    public static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");

    public static final AccountId ACCOUNT = AccountId.of("ACC-1");
    public static final String BROKER = "mock";
    public static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    public static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");
    public static final TradingSession NSE = TradingSession.indianEquities(Set.of());

    public final MutableClock clock = new MutableClock(T0);
    public final InMemoryStore store;
    public final ScriptedBrokerGateway broker;
    public final FaultyQueries gateway;
    public final FixedMarketData marketData = new FixedMarketData();
    public final InMemoryInstrumentCatalog catalog = new InMemoryInstrumentCatalog();
    public final InMemoryRiskLimitStore riskLimits;
    public final InMemoryReconciliationLog reconciliationLog;
    public final FakeRateLimitGuard rateLimits = new FakeRateLimitGuard();
    public final RecordingPublisher publisher = new RecordingPublisher();
    public final SequentialIdGenerator ids;
    /** The configuration the engine was (or will be, by {@link #start()}) started with. */
    public EngineConfig engineConfig = config().build();
    /** Told what the engine thread spends its time on; set before starting. */
    public EngineObserver observer = EngineObserver.NONE;

    public TradingEngine engine;

    public EngineHarness() {
        this(
                null,
                new InMemoryRiskLimitStore(),
                new InMemoryReconciliationLog(),
                new SequentialIdGenerator(),
                new ScriptedBrokerGateway(BROKER));
    }

    private EngineHarness(
            InMemoryStore store,
            InMemoryRiskLimitStore riskLimits,
            InMemoryReconciliationLog reconciliationLog,
            SequentialIdGenerator ids,
            ScriptedBrokerGateway broker) {
        this.store = store != null ? store : new InMemoryStore(clock::instant);
        this.broker = broker;
        this.gateway = new FaultyQueries(broker);
        this.riskLimits = riskLimits;
        this.reconciliationLog = reconciliationLog;
        this.ids = ids;
        catalog.add(Instrument.of(INFY, "0.05", 1, Currency.getInstance("INR"), NSE));
        catalog.add(Instrument.of(TCS, "0.05", 1, Currency.getInstance("INR"), NSE));
        marketData.setLastPrice(INFY, Price.of(100));
        marketData.setLastPrice(TCS, Price.of(200));
    }

    /** The configuration {@link #start()} uses: one account {@link #ACCOUNT} at broker {@link #BROKER}. */
    public static EngineConfig.Builder config() {
        return EngineConfig.builder()
                .brokerDispatchThreads(2)
                .rateLimitMaxWait(Duration.ofSeconds(2))
                .stopTimeout(Duration.ofSeconds(5))
                .account(
                        ACCOUNT,
                        new AccountSettings(
                                Money.of(1_000_000), Money.of(500_000), AccountingMethod.AVERAGE_COST, NSE, BROKER));
    }

    public EngineHarness start() {
        return start(engineConfig);
    }

    public EngineHarness start(EngineConfig config) {
        return start(config, store);
    }

    /** Starts the engine over {@code journal} instead of the in-memory store's. */
    public EngineHarness start(EngineConfig config, Journal journal) {
        engineConfig = config;
        engine = new TradingEngine(
                journal,
                store,
                store,
                riskLimits,
                catalog,
                marketData,
                ids,
                new SingleBrokerRouter(gateway),
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

    /** A new engine over the same stores and broker, as after a restart. */
    public EngineHarness restart() {
        engine.stop();
        EngineHarness next = new EngineHarness(store, riskLimits, reconciliationLog, ids, broker);
        next.clock.set(clock.instant());
        return next.start();
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.stop();
        }
    }

    public static OrderRequest.Builder buy(long quantity, String limit) {
        return OrderRequest.builder()
                .account(ACCOUNT)
                .strategy("momentum")
                .instrument(INFY)
                .buy()
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(limit);
    }

    public OrderCommandResult submit(OrderRequest request) {
        return get(engine.submit(SubmitOrder.of(request)));
    }

    public Order submitAccepted(OrderRequest request) {
        OrderCommandResult result = submit(request);
        assertThat(result).isInstanceOf(OrderCommandResult.Accepted.class);
        return ((OrderCommandResult.Accepted) result).order();
    }

    /** Submits and waits until the broker's acknowledgement is applied. */
    public Order submitAcknowledged(OrderRequest request) {
        Order order = submitAccepted(request);
        return awaitStatus(order.id(), OrderStatus.ACCEPTED);
    }

    /** Submits with an unknown place outcome and waits until the engine recorded it. */
    public Order submitUnknown(OrderRequest request) {
        broker.nextPlace(BrokerResult.outcomeUnknown("read timed out"));
        Order order = submitAccepted(request);
        await(() -> stored(order.id()).outcomeUnknown().isPresent(), "unknown outcome of " + order.id());
        return stored(order.id());
    }

    public Order stored(ClientOrderId id) {
        return store.findById(id).orElseThrow();
    }

    public Order awaitStatus(ClientOrderId id, OrderStatus status) {
        await(
                () -> store.findById(id)
                        .map(Order::status)
                        .filter(status::equals)
                        .isPresent(),
                "order " + id + " in " + status);
        return stored(id);
    }

    /** Hands a fill to the engine (as the stream would) and waits until it is durable. */
    public void fill(Order order, String tradeId, long quantity, String price) {
        get(engine.applyBrokerTrade(
                BROKER, trade(order.brokerOrderId().orElseThrow(), order.side(), tradeId, quantity, price)));
    }

    public BrokerTrade trade(BrokerOrderId brokerOrderId, Side side, String tradeId, long quantity, String price) {
        return new BrokerTrade(
                brokerOrderId, INFY, side, Product.CNC, Fill.of(tradeId, quantity, price, "0", clock.instant()));
    }

    /** The broker's view of one of our orders (or, with an empty id, of a foreign one) in INFY. */
    public static BrokerOrder brokerOrder(
            String brokerOrderId,
            Optional<ClientOrderId> ours,
            Side side,
            long quantity,
            long filled,
            long cancelled,
            OrderStatus status) {
        return new BrokerOrder(
                BrokerOrderId.of(brokerOrderId),
                ours,
                ours.map(ClientOrderId::value),
                INFY,
                side,
                OrderType.LIMIT,
                Product.CNC,
                Quantity.of(quantity),
                Quantity.of(filled),
                Quantity.of(cancelled),
                Optional.of(Price.of(100)),
                Optional.empty(),
                Optional.empty(),
                status,
                status.name(),
                Optional.empty(),
                T0);
    }

    /** The broker's view of {@code order} as it stands. */
    public static BrokerOrder viewOf(Order order, long filled, long cancelled, OrderStatus status) {
        return brokerOrder(
                order.brokerOrderId().map(BrokerOrderId::value).orElseThrow(),
                Optional.of(order.id()),
                order.side(),
                order.quantity().value().longValueExact(),
                filled,
                cancelled,
                status);
    }

    public static BrokerPosition brokerPosition(InstrumentId instrument, long net) {
        return new BrokerPosition(instrument, Product.CNC, java.math.BigDecimal.valueOf(net), Optional.empty());
    }

    /** Waits until every command queued so far is applied and durable. */
    public EngineSnapshot sync() {
        return get(engine.snapshot());
    }

    public static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete", e);
        }
    }

    public static void await(BooleanSupplier condition, String what) {
        Await.until(what, condition);
    }

    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            this.now = instant;
        }

        public void advance(Duration duration) {
            this.now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static final class SingleBrokerRouter implements OrderRouter {
        private final BrokerGateway gateway;

        public SingleBrokerRouter(BrokerGateway gateway) {
            this.gateway = gateway;
        }

        @Override
        public Optional<BrokerGateway> brokerFor(AccountId account) {
            return account.equals(ACCOUNT) ? Optional.of(gateway) : Optional.empty();
        }

        @Override
        public Optional<BrokerGateway> broker(String name) {
            return gateway.name().equals(name) ? Optional.of(gateway) : Optional.empty();
        }

        @Override
        public Collection<BrokerGateway> brokers() {
            return List.of(gateway);
        }
    }

    /**
     * The scripted broker, whose queries answer {@link #failQueries}'s result while it is set, and
     * whose tag search can be made blind for a number of calls (a broker slow to show a new order).
     */
    public static final class FaultyQueries implements BrokerGateway {
        private final ScriptedBrokerGateway delegate;
        private volatile BrokerResult<?> failure;
        private final AtomicInteger blindSearches = new AtomicInteger();
        public final AtomicInteger queries = new AtomicInteger();

        FaultyQueries(ScriptedBrokerGateway delegate) {
            this.delegate = delegate;
        }

        private volatile java.util.concurrent.CountDownLatch placeGate;
        private volatile RuntimeException queryException;

        /** Whether the venue takes external fills, as the manual venue does; off, like a real broker. */
        public volatile boolean takesExternalFills;

        @Override
        public boolean takesExternalFills() {
            return takesExternalFills;
        }

        /** Place calls wait until {@link #releasePlaces} (a place call in flight, its answer late). */
        public void holdPlaces() {
            placeGate = new java.util.concurrent.CountDownLatch(1);
        }

        public void releasePlaces() {
            placeGate.countDown();
        }

        private volatile java.util.concurrent.CountDownLatch changeGate;

        /**
         * Modify and cancel calls wait, even when interrupted, until {@link #releaseChanges} (or 10 s): with a
         * short {@code stopTimeout} a restart then happens with the request journaled and its answer never
         * applied, as after a crash.
         */
        public void holdChanges() {
            changeGate = new java.util.concurrent.CountDownLatch(1);
        }

        public void releaseChanges() {
            changeGate.countDown();
        }

        private void awaitChangeGate() {
            java.util.concurrent.CountDownLatch gate = changeGate;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (gate != null && gate.getCount() > 0 && System.nanoTime() < deadline) {
                try {
                    gate.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    // A stopping engine interrupts its broker calls; a crash would not let this one answer.
                }
            }
        }

        /** Queries throw {@code e} until healed. */
        public void throwOnQueries(RuntimeException e) {
            this.queryException = e;
        }

        public void failQueries(BrokerResult<?> result) {
            this.failure = result;
        }

        public void healQueries() {
            this.failure = null;
            this.queryException = null;
        }

        /** The next {@code count} searches by tag and order lists do not show tagged orders. */
        public void blindFor(int count) {
            blindSearches.set(count);
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public BrokerResult<BrokerOrderId> place(Order order) {
            java.util.concurrent.CountDownLatch gate = placeGate;
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.place(order);
        }

        @Override
        public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
            awaitChangeGate();
            return delegate.modify(order, modification);
        }

        @Override
        public BrokerResult<BrokerOrderId> cancel(Order order) {
            awaitChangeGate();
            return delegate.cancel(order);
        }

        @Override
        public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
            return query(() -> delegate.order(id));
        }

        @Override
        public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
            if (blindSearches.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                queries.incrementAndGet();
                return BrokerResult.success(Optional.empty());
            }
            return query(() -> delegate.findOrder(id));
        }

        @Override
        public BrokerResult<List<BrokerOrder>> orders() {
            if (blindSearches.get() > 0) {
                queries.incrementAndGet();
                List<BrokerOrder> all = ((BrokerResult.Success<List<BrokerOrder>>) delegate.orders()).value();
                return BrokerResult.success(
                        all.stream().filter(o -> o.clientOrderId().isEmpty()).toList());
            }
            return query(delegate::orders);
        }

        @Override
        public BrokerResult<List<BrokerTrade>> trades() {
            return query(delegate::trades);
        }

        @Override
        public BrokerResult<List<BrokerPosition>> positions() {
            return query(delegate::positions);
        }

        @SuppressWarnings("unchecked")
        private <T> BrokerResult<T> query(java.util.function.Supplier<BrokerResult<T>> call) {
            queries.incrementAndGet();
            if (queryException != null) {
                throw queryException;
            }
            BrokerResult<?> current = failure;
            return current != null ? (BrokerResult<T>) current : call.get();
        }
    }

    /** Grants every permit at once, or refuses while {@link #refuseWith} is set; records the penalties. */
    public static final class FakeRateLimitGuard implements RateLimitGuard {
        public final List<String> acquired = new CopyOnWriteArrayList<>();
        public final List<Duration> penalties = new CopyOnWriteArrayList<>();
        public volatile Optional<String> refuseWith = Optional.empty();
        /** Refuse query permits after this many more were granted; negative = never. */
        public final AtomicInteger queryPermitsLeft = new AtomicInteger(-1);

        @Override
        public RateLimitDecision acquire(
                String broker, EndpointFamily family, RequestPriority priority, Duration maxWait) {
            acquired.add(family + ":" + priority);
            if (refuseWith.isPresent()) {
                return new RateLimitDecision.Refused(refuseWith.get());
            }
            if (family == EndpointFamily.QUERIES
                    && queryPermitsLeft.get() >= 0
                    && queryPermitsLeft.getAndDecrement() == 0) {
                queryPermitsLeft.set(0);
                return new RateLimitDecision.Refused("queries budget spent");
            }
            return new RateLimitDecision.Granted(Duration.ZERO);
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

    public static final class RecordingPublisher implements OmsEventPublisher {
        public final List<OmsEvent> events = new CopyOnWriteArrayList<>();
        /** Receive every event as it is published, on the publishing thread. */
        public final List<OmsEventListener> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void publish(List<OmsEvent> published) {
            events.addAll(published);
            for (OmsEvent event : published) {
                listeners.forEach(listener -> listener.onEvent(event));
            }
        }

        public List<OmsEvent> ofOrder(ClientOrderId id) {
            List<OmsEvent> result = new ArrayList<>();
            for (OmsEvent event : events) {
                if (event instanceof OmsEvent.OrderUpdated updated
                        && updated.order().id().equals(id)) {
                    result.add(event);
                }
            }
            return result;
        }

        public <T extends OmsEvent> List<T> ofType(Class<T> type) {
            List<T> result = new ArrayList<>();
            for (OmsEvent event : events) {
                if (type.isInstance(event)) {
                    result.add(type.cast(event));
                }
            }
            return result;
        }
    }
}
