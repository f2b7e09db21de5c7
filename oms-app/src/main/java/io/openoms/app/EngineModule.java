package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.openoms.app.config.BrokerType;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.ScheduleConfig;
import io.openoms.app.metrics.OmsMeters;
import io.openoms.app.runtime.ScheduledTask;
import io.openoms.app.runtime.TimeOrderedIdGenerator;
import io.openoms.application.engine.EngineConfig;
import io.openoms.application.engine.EngineControl;
import io.openoms.application.engine.TradingEngine;
import io.openoms.application.events.EventBus;
import io.openoms.application.events.EventBusConfig;
import io.openoms.application.events.OmsEventPublisher;
import io.openoms.application.killswitch.KillSwitchConfig;
import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.application.killswitch.KillSwitchTriggers;
import io.openoms.application.monitor.MonitorConfig;
import io.openoms.application.monitor.OrderMonitor;
import io.openoms.application.ratelimit.RateLimitConfig;
import io.openoms.application.ratelimit.SlidingWindowRateLimitGuard;
import io.openoms.application.reconciliation.ReconciliationConfig;
import io.openoms.application.reconciliation.ReconciliationService;
import io.openoms.application.routing.OrderRouter;
import io.openoms.application.routing.RoutingConfig;
import io.openoms.application.routing.StaticOrderRouter;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.in.ExternalFills;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.in.OrderEventSubscription;
import io.openoms.domain.port.in.OrderQueries;
import io.openoms.domain.port.in.PositionQueries;
import io.openoms.domain.port.in.Reconciliation;
import io.openoms.domain.port.in.RiskAdministration;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.IdGenerator;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.risk.PreTradeValidator;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.checks.StandardChecks;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The application core: the single-writer engine and what it needs (clock, ids, validator, rate
 * limits, router, event bus), the driving ports it implements, the order monitor, reconciliation and
 * the automatic kill switch, and their schedules (the timer tick, marking positions to the broker's
 * last prices, the monitor every {@code schedules.order-monitor} with a kill-switch pass beside it,
 * reconciliation every {@code schedules.reconciliation} and once at start-up). The ports the engine
 * is wired with (journal, brokers, rate limits, event publisher, order entry) are wrapped by {@link
 * OmsMeters}, which needs {@code MetricsModule}.
 */
public final class EngineModule extends AbstractModule {
    /** Microseconds: the database stores instants to the microsecond, so the clock never gives finer ones. */
    static final Duration CLOCK_TICK = Duration.ofNanos(1_000);

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), BrokerGateway.class);
        Multibinder.newSetBinder(binder(), BrokerLimits.class);
        Multibinder.newSetBinder(binder(), ScheduledTask.class);
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.tick(Clock.systemUTC(), CLOCK_TICK);
    }

    @Provides
    @Singleton
    static IdGenerator ids(Clock clock) {
        return new TimeOrderedIdGenerator(clock);
    }

    @Provides
    @Singleton
    static PreTradeValidator validator() {
        return StandardChecks.validator();
    }

    @Provides
    @Singleton
    static EngineConfig engineConfig(OmsConfig config) {
        return config.engineConfig();
    }

    @Provides
    @Singleton
    static RateLimitConfig rateLimits(Set<BrokerLimits> brokers) {
        Map<String, io.openoms.domain.port.out.BrokerRateLimits> byBroker = new LinkedHashMap<>();
        for (BrokerLimits broker : brokers) {
            if (byBroker.put(broker.broker(), broker.limits()) != null) {
                throw new IllegalStateException("two rate-limit sets for broker " + broker.broker());
            }
        }
        return new RateLimitConfig(byBroker, RateLimitConfig.DEFAULT_MAX_WAIT);
    }

    @Provides
    @Singleton
    static RateLimitGuard rateLimitGuard(RateLimitConfig config, Clock clock, OmsMeters meters) {
        return meters.rateLimits(
                new SlidingWindowRateLimitGuard(config, clock), config.brokers().keySet());
    }

    @Provides
    @Singleton
    static RoutingConfig routing(OmsConfig config) {
        return config.routing();
    }

    @Provides
    @Singleton
    static OrderRouter router(Set<BrokerGateway> brokers, RoutingConfig routing, OmsMeters meters) {
        Set<BrokerGateway> measured = new LinkedHashSet<>();
        for (BrokerGateway broker : brokers) {
            measured.add(meters.broker(broker));
        }
        return new StaticOrderRouter(measured, routing);
    }

    @Provides
    @Singleton
    static EventBus eventBus() {
        return new EventBus(EventBusConfig.DEFAULT);
    }

    /** The bus, counting what is published (terminal orders, rejections, fills, findings, alerts). */
    @Provides
    @Singleton
    static OmsEventPublisher publisher(EventBus bus, OmsMeters meters, PreTradeValidator validator) {
        return meters.events(
                bus, validator.checks().stream().map(RiskCheck::name).toList());
    }

    @Provides
    static OrderEventSubscription subscriptions(EventBus bus) {
        return bus;
    }

    @Provides
    @Singleton
    static TradingEngine engine(
            Journal journal,
            OrderStore orderStore,
            PositionStore positionStore,
            RiskLimitStore riskLimitStore,
            InstrumentCatalog instruments,
            MarketData marketData,
            IdGenerator ids,
            OrderRouter router,
            RateLimitGuard rateLimits,
            OmsEventPublisher publisher,
            ReconciliationLog reconciliationLog,
            Clock clock,
            PreTradeValidator validator,
            EngineConfig config,
            OmsMeters meters) {
        TradingEngine engine = new TradingEngine(
                meters.journal(journal),
                orderStore,
                positionStore,
                riskLimitStore,
                instruments,
                marketData,
                ids,
                router,
                rateLimits,
                publisher,
                reconciliationLog,
                clock,
                validator,
                config,
                meters.engineObserver());
        meters.engineGauges(engine);
        return engine;
    }

    /** The engine, timing each command until its outcome is durable. */
    @Provides
    @Singleton
    static OrderEntry orderEntry(TradingEngine engine, OmsMeters meters) {
        return meters.orderEntry(engine);
    }

    @Provides
    static EngineControl engineControl(TradingEngine engine) {
        return engine;
    }

    @Provides
    static OrderQueries orderQueries(TradingEngine engine) {
        return engine;
    }

    @Provides
    static PositionQueries positionQueries(TradingEngine engine) {
        return engine;
    }

    @Provides
    static RiskAdministration riskAdministration(TradingEngine engine) {
        return engine;
    }

    @Provides
    static BrokerUpdates brokerUpdates(TradingEngine engine) {
        return engine;
    }

    @Provides
    static ExternalFills externalFills(TradingEngine engine) {
        return engine;
    }

    /** Day roll of the daily P&amp;L and release of held orders; waits for the tick to be applied. */
    @ProvidesIntoSet
    @Singleton
    static ScheduledTask engineTimer(EngineControl engine, ScheduleConfig schedules) {
        return ScheduledTask.every(
                "engine-timer", schedules.engineTimer(), new EngineTimerLoop(engine, schedules.engineTimer()));
    }

    /** Marks open positions to the broker's last prices, for unrealized P&amp;L. */
    @ProvidesIntoSet
    @Singleton
    static ScheduledTask markPrices(EngineControl engine, MarketData marketData, ScheduleConfig schedules) {
        return ScheduledTask.every("mark-prices", schedules.engineTimer(), new MarkPricesLoop(engine, marketData));
    }

    @Provides
    @Singleton
    static MonitorConfig monitorConfig(OmsConfig config) {
        return config.orderMonitor().toMonitorConfig(config.schedules().orderMonitor());
    }

    @Provides
    @Singleton
    static ReconciliationConfig reconciliationConfig(OmsConfig config) {
        return config.reconciliation().toReconciliationConfig(config.schedules().reconciliation());
    }

    @Provides
    @Singleton
    static KillSwitchConfig killSwitchConfig(OmsConfig config) {
        // The manual venue's reference prices never move: a stale-price trigger would trip on every position.
        return config.broker().type() == BrokerType.MANUAL
                ? config.killSwitch().withoutStaleMarketData()
                : config.killSwitch();
    }

    @Provides
    @Singleton
    static KillSwitchTriggers killSwitch(
            EngineControl engine,
            MarketData marketData,
            EngineConfig engineConfig,
            Clock clock,
            KillSwitchConfig config) {
        return new KillSwitchTriggers(engine, marketData, engineConfig, clock, config);
    }

    @Provides
    static KillSwitchSignals killSwitchSignals(KillSwitchTriggers triggers) {
        return triggers;
    }

    @Provides
    @Singleton
    static OrderMonitor orderMonitor(
            EngineControl engine,
            OrderRouter router,
            RateLimitGuard rateLimits,
            KillSwitchSignals signals,
            Clock clock,
            MonitorConfig config,
            ReconciliationConfig reconciliationConfig) {
        return new OrderMonitor(engine, router, rateLimits, signals, clock, config, reconciliationConfig);
    }

    @Provides
    @Singleton
    static ReconciliationService reconciliationService(
            EngineControl engine,
            OrderRouter router,
            RateLimitGuard rateLimits,
            ReconciliationLog log,
            OmsEventPublisher publisher,
            KillSwitchSignals signals,
            Clock clock,
            ReconciliationConfig config,
            EngineConfig engineConfig) {
        return new ReconciliationService(
                engine, router, rateLimits, log, publisher, signals, clock, config, engineConfig);
    }

    @Provides
    static Reconciliation reconciliation(ReconciliationService service) {
        return service;
    }

    /** The safety net beside the broker streams: polls open and unconfirmed orders, expires GTD and DAY orders. */
    @ProvidesIntoSet
    @Singleton
    static ScheduledTask orderMonitorTask(OrderMonitor monitor, MonitorConfig config) {
        return ScheduledTask.every("order-monitor", config.interval(), monitor::runOnce);
    }

    /** Compares orders, fills and positions with the broker's; also once at start-up, after recovery. */
    @ProvidesIntoSet
    @Singleton
    static ScheduledTask reconciliationTask(ReconciliationService reconciliation, ReconciliationConfig config) {
        ScheduledTask task = ScheduledTask.every(ScheduledTask.RECONCILIATION, config.interval(), () -> reconciliation
                .runNow()
                .join());
        return config.runAtStartup() ? task.alsoAtStartup() : task;
    }

    /**
     * The automatic kill switch, at the monitor's interval; its first pass, at start-up, subscribes it
     * to the event bus (see {@link KillSwitchLoop}).
     */
    @ProvidesIntoSet
    @Singleton
    static ScheduledTask killSwitchTask(
            KillSwitchTriggers triggers, OrderEventSubscription events, Clock clock, ScheduleConfig schedules) {
        return ScheduledTask.every("kill-switch", schedules.orderMonitor(), new KillSwitchLoop(triggers, events, clock))
                .alsoAtStartup();
    }
}
