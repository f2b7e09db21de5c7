package io.openoms.integration;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.adapters.broker.alpaca.AlpacaBrokerGateway;
import io.openoms.adapters.broker.mock.MockBrokerGateway;
import io.openoms.adapters.broker.mock.MockVenueConfig;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.adapters.broker.zerodha.KiteBrokerGateway;
import io.openoms.adapters.persistence.Persistence;
import io.openoms.application.engine.AccountSettings;
import io.openoms.application.engine.EngineConfig;
import io.openoms.application.engine.EngineSnapshot;
import io.openoms.application.engine.TradingEngine;
import io.openoms.application.events.EventBus;
import io.openoms.application.events.EventBusConfig;
import io.openoms.application.killswitch.KillSwitchConfig;
import io.openoms.application.killswitch.KillSwitchTriggers;
import io.openoms.application.monitor.MonitorConfig;
import io.openoms.application.monitor.MonitorReport;
import io.openoms.application.monitor.OrderMonitor;
import io.openoms.application.ratelimit.RateLimitConfig;
import io.openoms.application.ratelimit.SlidingWindowRateLimitGuard;
import io.openoms.application.reconciliation.ReconciliationConfig;
import io.openoms.application.reconciliation.ReconciliationService;
import io.openoms.application.routing.RoutingConfig;
import io.openoms.application.routing.StaticOrderRouter;
import io.openoms.application.testing.Await;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.LimitsChangeResult;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.ReconciliationReport;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.in.TradingStateResult;
import io.openoms.domain.port.out.BrokerRateLimits;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.position.Position;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.risk.checks.StandardChecks;
import io.openoms.domain.testing.SequentialIdGenerator;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The real OpenOMS assembled for a scenario: persistence on a {@link ScenarioDatabase}, the engine,
 * the event bus, the rate-limit guard, the router, the simulated venue and its gateway (its updates
 * pushed into the engine as {@code BrokerUpdates}), the order monitor, reconciliation and the
 * automatic kill switch — everything but oms-app's schedules, which the scenario drives by hand.
 *
 * <p>Time is a {@link MutableClock} shared by the engine, the monitor and reconciliation; the venue
 * moves with it: {@link #step()} advances both one {@link #STEP}, moves the venue's prices a step
 * and matches, then {@link #settle()}s. {@link #restart()} stops the engine, closes persistence,
 * reopens the same database, builds a new engine, monitor, reconciliation and kill switch over it,
 * keeps the venue (the broker's truth) and reconciles. {@link #settle()} waits until nothing is in
 * flight: no broker call under way, no order awaiting a broker answer, the engine's state unchanged.
 *
 * <p>Prices stand still unless the scenario moves them ({@link #setPrice}) or configures a random walk.
 *
 * <p>The broker is the venue's own gateway ({@link BrokerKind#MOCK}) or the Kite adapter talking over
 * HTTP and WebSocket to the Kite simulator over the same venue ({@link BrokerKind#KITE}, see {@link
 * KiteBroker}); then time moves through the simulator, faults are set through it ({@link #faults()}),
 * and {@link #settle()} also waits until every update it streamed has reached the core. The market data
 * the engine and the kill switch read is the venue's either way: the broker path is what is tested.
 */
public final class TradingSystem implements AutoCloseable {
    /** Monday 2024-03-04, 10:00 in Mumbai: the market is open. */
    public static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");

    public static final Duration STEP = Duration.ofSeconds(1);
    public static final AccountId ACCOUNT = AccountId.of("ACC1");
    public static final StrategyId STRATEGY = StrategyId.of("alpha");
    public static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    public static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");
    public static final TradingSession NSE = TradingSession.indianEquities(Set.of());
    public static final Price INFY_PRICE = Price.of(1500);
    public static final Price TCS_PRICE = Price.of(3500);

    private final ScenarioDatabase database;
    private final MutableClock clock = new MutableClock(T0);
    private final String broker;
    private final SimulatedVenue venue;
    private final Optional<KiteBroker> kite;
    private final Optional<AlpacaBroker> alpaca;
    private final TrackingGateway gateway;
    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private final EventRecorder events = new EventRecorder();
    private final List<Instrument> instruments;
    private final EngineConfig engineConfig;
    private final MonitorConfig monitorConfig;
    private final ReconciliationConfig reconciliationConfig;
    private final KillSwitchConfig killSwitchConfig;
    private final StaticOrderRouter router;
    private final SlidingWindowRateLimitGuard rateLimits;
    private final AccountingMethod accountingMethod;

    private Persistence persistence;
    private EventBus bus;
    private TradingEngine engine;
    private OrderMonitor monitor;
    private ReconciliationService reconciliation;
    private KillSwitchTriggers killSwitch;
    private int incarnations;
    private boolean running;

    private TradingSystem(Builder builder) {
        this.database = builder.database;
        this.broker = switch (builder.brokerKind) {
            case KITE -> KiteBrokerGateway.NAME;
            case ALPACA -> AlpacaBrokerGateway.NAME;
            case MOCK -> "mock";
        };
        Instrument infy = Instrument.of(INFY, "0.05", 1, Currency.getInstance("INR"), NSE);
        Instrument tcs = Instrument.of(TCS, "0.05", 1, Currency.getInstance("INR"), NSE);
        this.instruments = List.of(infy, tcs);
        MockVenueConfig venueConfig = builder.venue
                .apply(MockVenueConfig.builder()
                        .name(broker)
                        .seed(7)
                        .volatilityTicks(0)
                        .slippageTicks(0)
                        .initialPrice(INFY, INFY_PRICE)
                        .initialPrice(TCS, TCS_PRICE))
                .build();
        this.venue = new SimulatedVenue(venueConfig, instruments, T0);
        this.rateLimits = new SlidingWindowRateLimitGuard(
                new RateLimitConfig(Map.of(broker, BrokerRateLimits.unlimited()), Duration.ofSeconds(2)), clock);
        this.kite = builder.brokerKind == BrokerKind.KITE
                ? Optional.of(new KiteBroker(venue, instruments, clock, rateLimits))
                : Optional.empty();
        this.alpaca = builder.brokerKind == BrokerKind.ALPACA
                ? Optional.of(new AlpacaBroker(venue, instruments, clock, rateLimits))
                : Optional.empty();
        this.gateway = new TrackingGateway(new MockBrokerGateway(venue));
        this.accountingMethod = builder.accountingMethod;
        this.engineConfig = builder.engine
                .apply(EngineConfig.builder()
                        .brokerDispatchThreads(2)
                        .stopTimeout(Duration.ofSeconds(10))
                        .account(
                                ACCOUNT,
                                new AccountSettings(
                                        Money.of(10_000_000), Money.of(5_000_000), accountingMethod, NSE, broker)))
                .build();
        this.monitorConfig = builder.monitor
                .apply(MonitorConfig.builder()
                        .unconfirmedAfter(Duration.ofSeconds(2))
                        .unknownGraceWindow(Duration.ofSeconds(10))
                        .unknownMissesBeforeError(3))
                .build();
        this.reconciliationConfig = ReconciliationConfig.builder().build();
        this.killSwitchConfig = builder.killSwitch
                .apply(KillSwitchConfig.builder().staleMarketDataEnabled(false))
                .build();
        this.router = new StaticOrderRouter(List.of(gateway), RoutingConfig.allTo(broker, ACCOUNT));
    }

    public static Builder builder(ScenarioDatabase database) {
        return new Builder(database);
    }

    public TradingEngine engine() {
        return engine;
    }

    public SimulatedVenue venue() {
        return venue;
    }

    /** The Kite side, when trading through Kite. */
    public Optional<KiteBroker> kite() {
        return kite;
    }

    /** The faults of the broker the system trades through (see {@link BrokerFaults}). */
    public BrokerFaults faults() {
        return new BrokerFaults(venue.faults(), kite.map(k -> k.simulator().faults()));
    }

    /** The venue's update stream goes down; through Kite the stream connection drops and new ones are refused. */
    public void disconnectBrokerStream() {
        venue.disconnectStream();
        kite.ifPresent(k -> k.simulator().faults().dropStreams());
        alpaca.ifPresent(a -> a.simulator().dropStreams());
    }

    /** The venue's update stream comes back: the mock tells the core at once, Kite's stream reconnects. */
    public void reconnectBrokerStream() {
        venue.reconnectStream();
        settle();
    }

    public OrderMonitor monitor() {
        return monitor;
    }

    public ReconciliationService reconciliation() {
        return reconciliation;
    }

    public KillSwitchTriggers killSwitch() {
        return killSwitch;
    }

    public Persistence persistence() {
        return persistence;
    }

    public ScenarioDatabase database() {
        return database;
    }

    public EventRecorder events() {
        return events;
    }

    public MutableClock clock() {
        return clock;
    }

    public EngineConfig engineConfig() {
        return engineConfig;
    }

    public AccountingMethod accountingMethod() {
        return accountingMethod;
    }

    /** How often a placement of {@code id} was sent to the venue. */
    public int placementsSent(ClientOrderId id) {
        return gateway.placements(id);
    }

    public Map<ClientOrderId, Integer> placementCounts() {
        return gateway.placementCounts();
    }

    /** How many times the system was started (1 before any restart). */
    public int incarnations() {
        return incarnations;
    }

    private TradingSystem open() {
        kite.ifPresent(k -> gateway.delegateTo(k.open()));
        alpaca.ifPresent(a -> gateway.delegateTo(a.open()));
        persistence = Persistence.open(database.config(), clock);
        if (incarnations == 0) {
            persistence.instrumentStore().saveAll(instruments);
        }
        bus = new EventBus(new EventBusConfig(1_000_000, Duration.ofSeconds(10)));
        bus.subscribe(events);
        engine = new TradingEngine(
                persistence.journal(),
                persistence.orderStore(),
                persistence.positionStore(),
                persistence.riskLimitStore(),
                persistence.instrumentStore(),
                venue,
                ids,
                router,
                rateLimits,
                bus,
                persistence.reconciliationLog(),
                clock,
                StandardChecks.validator(),
                engineConfig);
        killSwitch = new KillSwitchTriggers(engine, venue, engineConfig, clock, killSwitchConfig);
        bus.subscribe(killSwitch);
        monitor = new OrderMonitor(engine, router, rateLimits, killSwitch, clock, monitorConfig, reconciliationConfig);
        reconciliation = new ReconciliationService(
                engine,
                router,
                rateLimits,
                persistence.reconciliationLog(),
                bus,
                killSwitch,
                clock,
                reconciliationConfig,
                engineConfig);
        engine.start();
        if (kite.isEmpty() && alpaca.isEmpty()) {
            venue.attach(engine);
        }
        incarnations++;
        running = true;
        return this;
    }

    /**
     * Kite's order stream, opened after the start-up reconciliation: its first connection re-reads the
     * day's orders and trades, which would race the reconciliation the scenarios look at (the app opens
     * it first; either way the broker's truth is restored). The mock's stream is attached at open.
     */
    private void connectStream() {
        kite.ifPresent(k -> k.connect(engine, killSwitch));
        alpaca.ifPresent(a -> a.connect(engine));
    }

    /**
     * Stops the engine (gracefully: it drains its queue and waits for the broker calls in flight),
     * closes the event bus once listeners took what was published, and closes persistence. The
     * venue carries on: what it pushes meanwhile is lost, as a real stream would be.
     */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        kite.ifPresent(KiteBroker::disconnect);
        alpaca.ifPresent(AlpacaBroker::disconnect);
        engine.stop();
        bus.close();
        persistence.close();
    }

    /** Reopens the same database, builds and starts a new engine and its companions, and reconciles. */
    public ReconciliationReport start() {
        if (running) {
            throw new IllegalStateException("already running");
        }
        open();
        ReconciliationReport report = reconcile();
        connectStream();
        settle();
        return report;
    }

    /** {@link #stop()} then {@link #start()}: a restart of OpenOMS while the broker carries on. */
    public ReconciliationReport restart() {
        settle();
        stop();
        return start();
    }

    /** Stops the system and the Kite simulator; the database stays open (its owner closes it). */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            kite.ifPresent(KiteBroker::close);
            alpaca.ifPresent(AlpacaBroker::close);
        }
    }

    /** One step: the clock and the venue advance {@link #STEP}, prices move a step, orders match; then settles. */
    public EngineSnapshot step() {
        clock.advance(STEP);
        Instant now = clock.instant();
        kite.ifPresentOrElse(
                k -> k.simulator().step(now),
                () -> alpaca.ifPresentOrElse(a -> a.simulator().step(now), () -> venue.step(now)));
        return settle();
    }

    public EngineSnapshot step(int steps) {
        EngineSnapshot snapshot = null;
        for (int i = 0; i < steps; i++) {
            snapshot = step();
        }
        return snapshot;
    }

    /** Moves the clock and the venue's time (acknowledgements fall due; prices stay); then settles. */
    public EngineSnapshot advance(Duration duration) {
        clock.advance(duration);
        Instant now = clock.instant();
        kite.ifPresentOrElse(
                k -> k.simulator().advanceTo(now),
                () -> alpaca.ifPresentOrElse(a -> a.simulator().advanceTo(now), () -> venue.advanceTo(now)));
        return settle();
    }

    /** Sets a venue price (working orders match against it); then settles. */
    public EngineSnapshot setPrice(InstrumentId instrument, String price) {
        kite.ifPresentOrElse(
                k -> k.simulator().setPrice(instrument, Price.of(price)),
                () -> alpaca.ifPresentOrElse(
                        a -> a.simulator().setPrice(instrument, Price.of(price)),
                        () -> venue.setPrice(instrument, Price.of(price))));
        return settle();
    }

    /** One pass of the order monitor, as oms-app's schedule would run it; then settles. */
    public MonitorReport monitorPass() {
        MonitorReport report = monitor.runOnce();
        settle();
        return report;
    }

    /** One reconciliation run; then settles. */
    public ReconciliationReport reconcile() {
        ReconciliationReport report = Await.get(reconciliation.runNow());
        settle();
        return report;
    }

    public static OrderRequest.Builder buy(long quantity) {
        return OrderRequest.builder()
                .account(ACCOUNT)
                .strategy(STRATEGY)
                .instrument(INFY)
                .buy()
                .quantity(quantity);
    }

    public static OrderRequest.Builder sell(long quantity) {
        return OrderRequest.builder()
                .account(ACCOUNT)
                .strategy(STRATEGY)
                .instrument(INFY)
                .sell()
                .quantity(quantity);
    }

    /** Submits and waits for the engine's answer (not for the broker's). */
    public OrderCommandResult submit(OrderRequest.Builder request) {
        return Await.get(engine.submit(SubmitOrder.of(request.build())));
    }

    /** Submits, expects the engine to take it, settles, and returns the order as stored now. */
    public Order submitAccepted(OrderRequest.Builder request) {
        OrderCommandResult result = submit(request);
        assertThat(result)
                .as("the engine's answer to %s", request.build())
                .isInstanceOf(OrderCommandResult.Accepted.class);
        ClientOrderId id = ((OrderCommandResult.Accepted) result).order().id();
        settle();
        return order(id);
    }

    public OrderCommandResult cancel(ClientOrderId id) {
        return Await.get(engine.cancel(new CancelOrder(id)));
    }

    public OrderCommandResult modify(ClientOrderId id, OrderModification modification) {
        return Await.get(engine.modify(new ModifyOrder(id, modification)));
    }

    public RiskLimits replaceLimits(RiskLimits limits) {
        LimitsChangeResult result = Await.get(engine.replaceLimits(ACCOUNT, limits, "scenario"));
        if (!(result instanceof LimitsChangeResult.Replaced replaced)) {
            throw new AssertionError("the limits were not replaced: " + result);
        }
        return replaced.limits();
    }

    public TradingStateChange setTradingState(TradingState state, String reason) {
        TradingStateResult result = Await.get(engine.setTradingState(ACCOUNT, state, reason, "admin"));
        if (!(result instanceof TradingStateResult.Changed changed)) {
            throw new AssertionError("the trading state was not changed: " + result);
        }
        return changed.change();
    }

    /** The order as last made durable. */
    public Order order(ClientOrderId id) {
        return persistence.orderStore().findById(id).orElseThrow(() -> new AssertionError("no order " + id));
    }

    /** The kinds of the journalled events of {@code order}, in order. */
    public List<Class<? extends OrderEvent>> history(Order order) {
        return engine.history(order.id()).stream()
                .<Class<? extends OrderEvent>>map(OrderEvent::getClass)
                .toList();
    }

    /** Every order in the store, oldest first. */
    public List<Order> orders() {
        List<Order> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            OrderQuery all1000 = OrderQuery.all(OrderQuery.MAX_LIMIT);
            OrderPage page = persistence
                    .orderStore()
                    .find(new OrderQuery(
                            all1000.statuses(),
                            all1000.instrument(),
                            all1000.strategy(),
                            all1000.account(),
                            all1000.from(),
                            all1000.to(),
                            after,
                            all1000.limit()));
            all.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        Collections.reverse(all);
        return all;
    }

    /** Open positions as the engine publishes them. */
    public List<Position> positions() {
        return engine.positions(false);
    }

    /** The signed net quantity held in {@code instrument} over all strategies, once settled, as a plain number. */
    public long netQuantity(InstrumentId instrument) {
        settle();
        return positions().stream()
                .filter(p -> p.key().instrument().equals(instrument))
                .map(Position::signedQuantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .longValueExact();
    }

    /**
     * Waits until the engine answers again after an outage (it rebuilds its state from the stores at
     * the first command it can; pooled connections that died are replaced only as they are found dead).
     */
    public void awaitEngineAvailable() {
        long deadline = System.nanoTime() + Await.DEADLINE.toNanos();
        while (Await.failureOf(engine.snapshot()) != null) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the engine did not recover within " + Await.DEADLINE);
            }
            // As a monitor tick would: HikariCP validates a pooled connection only after 500 ms idle, and
            // does not evict on H2's "connection broken" errors, so asking more often would keep a dead one.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(600));
        }
        settle();
    }

    /** Waits until {@code what} holds of the stored order, and returns it. */
    public Order awaitOrder(ClientOrderId id, String what, Predicate<Order> condition) {
        Await.until(
                "order " + id + " " + what,
                () -> persistence.orderStore().findById(id).filter(condition).isPresent(),
                () -> "; it is " + persistence.orderStore().findById(id));
        return order(id);
    }

    public Order awaitStatus(ClientOrderId id, OrderStatus status) {
        return awaitOrder(id, "is " + status, o -> o.status() == status);
    }

    public void await(String what, BooleanSupplier condition) {
        Await.until(what, condition);
    }

    /**
     * Waits until the system is quiet: no broker call under way, no order awaiting a broker answer
     * (pending without an unknown outcome), through Kite every streamed update delivered (see {@link
     * KiteBroker#quiet()}), and two engine snapshots in a row alike with no broker call started between
     * them. Returns the last snapshot.
     */
    public EngineSnapshot settle() {
        long deadline = System.nanoTime() + Await.DEADLINE.toNanos();
        EngineSnapshot previous = null;
        BooleanSupplier brokerQuiet = () -> kite.map(KiteBroker::quiet)
                .orElseGet(() -> alpaca.map(AlpacaBroker::quiet).orElse(true));
        while (true) {
            long startedBefore = gateway.started();
            boolean idleBefore = gateway.inFlight() == 0 && brokerQuiet.getAsBoolean();
            EngineSnapshot snapshot = Await.get(engine.snapshot());
            List<Order> waiting = snapshot.orders().stream()
                    .filter(TradingSystem::awaitsBroker)
                    .toList();
            boolean quiet = idleBefore
                    && waiting.isEmpty()
                    && gateway.inFlight() == 0
                    && engine.brokerCallsInFlight() == 0
                    && gateway.started() == startedBefore;
            if (quiet && snapshot.equals(previous)) {
                return snapshot;
            }
            previous = quiet ? snapshot : null;
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the system did not settle within " + Await.DEADLINE + ": broker calls "
                        + gateway.inFlight() + ", orders awaiting the broker "
                        + waiting.stream().map(Order::toString).collect(Collectors.joining(", "))
                        + kite.map(k -> "; " + k.state()).orElse("")
                        + alpaca.map(a -> "; " + a.state()).orElse(""));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** A request went to the broker and its answer is not yet applied (an unknown outcome is not waited for). */
    private static boolean awaitsBroker(Order order) {
        if (order.outcomeUnknown().isPresent()) {
            return false;
        }
        return order.status() == OrderStatus.PENDING_SUBMISSION
                || order.status() == OrderStatus.PENDING_CANCEL
                || order.status() == OrderStatus.PENDING_MODIFY;
    }

    /** How to build a trading system: each part's configuration can be adjusted from the scenario defaults. */
    public static final class Builder {
        private final ScenarioDatabase database;
        private UnaryOperator<MockVenueConfig.Builder> venue = UnaryOperator.identity();
        private UnaryOperator<EngineConfig.Builder> engine = UnaryOperator.identity();
        private UnaryOperator<MonitorConfig.Builder> monitor = UnaryOperator.identity();
        private UnaryOperator<KillSwitchConfig.Builder> killSwitch = UnaryOperator.identity();
        private AccountingMethod accountingMethod = AccountingMethod.AVERAGE_COST;
        private BrokerKind brokerKind = BrokerKind.MOCK;

        private Builder(ScenarioDatabase database) {
            this.database = requireNonNull(database, "database is null");
        }

        public Builder venue(UnaryOperator<MockVenueConfig.Builder> adjust) {
            this.venue = requireNonNull(adjust, "adjust is null");
            return this;
        }

        public Builder engine(UnaryOperator<EngineConfig.Builder> adjust) {
            this.engine = requireNonNull(adjust, "adjust is null");
            return this;
        }

        public Builder monitor(UnaryOperator<MonitorConfig.Builder> adjust) {
            this.monitor = requireNonNull(adjust, "adjust is null");
            return this;
        }

        public Builder killSwitch(UnaryOperator<KillSwitchConfig.Builder> adjust) {
            this.killSwitch = requireNonNull(adjust, "adjust is null");
            return this;
        }

        public Builder broker(BrokerKind kind) {
            this.brokerKind = requireNonNull(kind, "kind is null");
            return this;
        }

        public Builder accountingMethod(AccountingMethod method) {
            this.accountingMethod = requireNonNull(method, "method is null");
            return this;
        }

        /** Builds and starts the system (reconciling once, as at start-up). */
        public TradingSystem start() {
            TradingSystem system = new TradingSystem(this);
            try {
                system.open();
                system.reconcile();
                system.connectStream();
                system.settle();
                return system;
            } catch (RuntimeException | Error e) {
                try {
                    system.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }
}
