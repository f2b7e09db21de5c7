package io.openoms.app.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openoms.application.events.OmsEventPublisher;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderEventType;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.RejectionSource;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.reconciliation.FindingKind;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the engine and reconciliation publish, then hands it on: orders reaching a terminal
 * status, rejections by source and check, fills, reconciliation findings by kind and operator alerts
 * by source. Events are published once durable, so the counts are of durable facts.
 *
 * <p>Counting here rather than in a listener on the bus sees every event from the first (start-up
 * reconciliation included) and needs no thread of its own; it runs on the publishing thread (the
 * engine's), so it only increments counters resolved in advance, and a failure to count never stops
 * the events.
 */
final class MeteredEventPublisher implements OmsEventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(MeteredEventPublisher.class);
    private static final String NO_CHECK = "none";

    private final OmsEventPublisher delegate;
    private final MeterRegistry registry;
    private final Map<OrderStatus, Counter> terminal = new EnumMap<>(OrderStatus.class);
    private final Map<RejectionSource, Map<String, Counter>> rejections = new EnumMap<>(RejectionSource.class);
    private final Counter fills;
    private final Map<FindingKind, Counter> findings = new EnumMap<>(FindingKind.class);
    private final Map<String, Counter> alerts = new ConcurrentHashMap<>();

    /** {@code riskChecks} are the validator's check names, registered at once so their series start at zero. */
    MeteredEventPublisher(OmsEventPublisher delegate, MeterRegistry registry, Collection<String> riskChecks) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.registry = requireNonNull(registry, "registry is null");
        requireNonNull(riskChecks, "riskChecks is null");
        for (OrderStatus status : OrderStatus.values()) {
            if (status.isTerminal()) {
                terminal.put(
                        status,
                        Counter.builder("oms.orders.terminal")
                                .description("Orders that reached a terminal status, by that status")
                                .tag("status", status.name())
                                .register(registry));
            }
        }
        for (RejectionSource source : RejectionSource.values()) {
            rejections.put(source, new ConcurrentHashMap<>());
        }
        riskChecks.forEach(check -> rejection(RejectionSource.RISK, check));
        rejection(RejectionSource.BROKER, NO_CHECK);
        rejection(RejectionSource.SYSTEM, NO_CHECK);
        this.fills = Counter.builder("oms.fills")
                .description("Fills recorded (each broker trade once, late fills included)")
                .register(registry);
        for (FindingKind kind : FindingKind.values()) {
            findings.put(
                    kind,
                    Counter.builder("oms.reconciliation.findings")
                            .description("Differences with the broker found by reconciliation, by kind")
                            .tag("kind", kind.name())
                            .register(registry));
        }
    }

    @Override
    public void publish(List<OmsEvent> events) {
        try {
            if (events != null) {
                events.forEach(this::count);
            }
        } catch (RuntimeException e) {
            LOG.warn("counting published events failed; the events are published all the same", e);
        }
        delegate.publish(events);
    }

    private void count(OmsEvent event) {
        if (event instanceof OmsEvent.OrderUpdated updated) {
            countOrder(updated.event(), updated.order().status());
        } else if (event instanceof OmsEvent.ReconciliationFound found) {
            findings.get(found.finding().kind()).increment();
        } else if (event instanceof OmsEvent.Alert alert) {
            alerts.computeIfAbsent(alert.source(), this::alertCounter).increment();
        }
    }

    private void countOrder(OrderEvent event, OrderStatus status) {
        OrderEventType type = event.eventType();
        if (type == OrderEventType.FILLED) {
            fills.increment();
        } else if (event instanceof OrderEvent.OrderRejected rejected) {
            Rejection rejection = rejected.rejection();
            rejection(rejection.source(), rejection.check().orElse(NO_CHECK)).increment();
        }
        // Terminal states absorb, so only the event that moved the order there matches its status; a
        // late fill on a cancelled order is counted as a fill, not as a second terminal order.
        if (status.isTerminal() && type == enteringEvent(status)) {
            terminal.get(status).increment();
        }
    }

    private static OrderEventType enteringEvent(OrderStatus terminalStatus) {
        return switch (terminalStatus) {
            case FILLED -> OrderEventType.FILLED;
            case CANCELLED -> OrderEventType.CANCELLED;
            case REJECTED -> OrderEventType.REJECTED;
            case EXPIRED -> OrderEventType.EXPIRED;
            case ERROR -> OrderEventType.ERRORED;
            default -> throw new IllegalArgumentException(terminalStatus + " is not terminal");
        };
    }

    private Counter rejection(RejectionSource source, String check) {
        Map<String, Counter> byCheck = rejections.get(source);
        Counter counter = byCheck.get(check);
        return counter != null
                ? counter
                : byCheck.computeIfAbsent(check, name -> Counter.builder("oms.rejections")
                        .description("Orders rejected, by who refused them (RISK, BROKER, SYSTEM) and the failed check")
                        .tag("source", source.name())
                        .tag("check", name)
                        .register(registry));
    }

    private Counter alertCounter(String source) {
        return Counter.builder("oms.alerts")
                .description("Alerts raised for an operator (see the event stream for the message), by source")
                .tag("source", source)
                .register(registry);
    }
}
