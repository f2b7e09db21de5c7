package io.openoms.app.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openoms.application.engine.EngineControl;
import io.openoms.application.engine.EngineObserver;
import io.openoms.application.events.OmsEventPublisher;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.RateLimitGuard;
import java.util.Collection;

/**
 * The application's meters, as decorators around the ports the engine is wired with: the core
 * itself knows no metrics library. Each method registers its meters in the registry and returns the
 * port measured; call each once per port (a second call shares the same meters). Meter names follow
 * Prometheus conventions once exported ({@code oms_} prefix, {@code _seconds}, {@code _total}); tags
 * take only a few values each (never an order id or an instrument). See {@code docs/operations.md}.
 */
public final class OmsMeters {
    private final MeterRegistry registry;

    public OmsMeters(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** Submit, modify and cancel latency until durable, by outcome; failures by code. */
    public OrderEntry orderEntry(OrderEntry entry) {
        return new TimedOrderEntry(entry, registry);
    }

    /** Requests to {@code gateway}'s broker, timed by operation, and its errors by kind. */
    public BrokerGateway broker(BrokerGateway gateway) {
        return new MeteredBrokerGateway(gateway, registry);
    }

    /** Rate-limit waits, refusals and broker-imposed backoffs, per broker (those of {@code brokers} from the start) and family. */
    public RateLimitGuard rateLimits(RateLimitGuard guard, Collection<String> brokers) {
        return new MeteredRateLimitGuard(guard, registry, brokers);
    }

    /** Journal batch sizes, commit latency and failed appends. */
    public Journal journal(Journal journal) {
        return new MeteredJournal(journal, registry);
    }

    /** Terminal orders by status, rejections by source and check ({@code riskChecks} from the start), fills, findings, alerts. */
    public OmsEventPublisher events(OmsEventPublisher publisher, Collection<String> riskChecks) {
        return new MeteredEventPublisher(publisher, registry, riskChecks);
    }

    /** Pre-trade risk check latency, for the engine to report to. */
    public EngineObserver engineObserver() {
        return new RiskCheckTimer(registry);
    }

    /** The engine's command queue depth and broker calls in flight, read at each scrape. */
    public void engineGauges(EngineControl engine) {
        requireNonNull(engine, "engine is null");
        Gauge.builder("oms.engine.queue.depth", engine, EngineControl::queueDepth)
                .description("Commands waiting in the engine's queue")
                .register(registry);
        Gauge.builder("oms.engine.broker.calls.in.flight", engine, EngineControl::brokerCallsInFlight)
                .description("Broker requests dispatched by the engine and not yet answered")
                .register(registry);
    }
}
