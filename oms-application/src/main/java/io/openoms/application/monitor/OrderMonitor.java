package io.openoms.application.monitor;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.EngineControl;
import io.openoms.application.engine.EngineSnapshot;
import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.application.reconciliation.ReconciliationConfig;
import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.RateLimitGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net beside the brokers' streams: one {@link #runOnce()} is one pass (the schedule, every
 * {@code interval}, lives in oms-app).
 *
 * <p>A pass first asks the engine to expire due {@code GTD} and {@code DAY} orders (cancelled at the
 * broker, recorded {@code EXPIRED} when it confirms). Then, for every open order, by broker: an
 * order with an unknown outcome goes to the {@link UnknownOutcomeResolver}; an order with a broker
 * id is looked up ({@code order(id)}); an order still without one after {@code unconfirmedAfter}
 * is searched for by its tag ({@code findOrder}). A view that differs from ours is handed to the
 * engine (which applies it idempotently), and when the broker shows more filled than we hold, the
 * day's trades of that order that we lack are handed in first. An order the broker does not know
 * is closed once {@link MissingOrderEvidence} has enough evidence (or, under the reconciliation
 * policies {@code propose} and {@code alert_only}, left to reconciliation). Nothing is ever resent.
 *
 * <p>Queries respect the rate-limit guard: each waits at most {@code queryPermitWait} for a permit;
 * without one, or when the broker refuses for rate or its session is gone, the rest of that
 * broker's pass is skipped, never stalled. Other failed calls are logged and retried next pass. A
 * lost session is reported to the kill switch ({@link KillSwitchSignals#sessionLost}), a working
 * one too ({@link KillSwitchSignals#sessionRestored}).
 *
 * <p>Thread safety: passes are serialized; call from one scheduler thread.
 */
public final class OrderMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(OrderMonitor.class);

    private final EngineControl engine;
    private final OrderRouter router;
    private final RateLimitGuard rateLimits;
    private final KillSwitchSignals signals;
    private final Clock clock;
    private final MonitorConfig config;
    private final UnknownOutcomeResolver resolver;
    private final MissingOrderEvidence missing;
    private final Map<String, Integer> resumeAt = new HashMap<>();

    public OrderMonitor(
            EngineControl engine,
            OrderRouter router,
            RateLimitGuard rateLimits,
            KillSwitchSignals signals,
            Clock clock,
            MonitorConfig config,
            ReconciliationConfig reconciliation) {
        this.engine = requireNonNull(engine, "engine is null");
        this.router = requireNonNull(router, "router is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.signals = requireNonNull(signals, "signals is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.config = requireNonNull(config, "config is null");
        requireNonNull(reconciliation, "reconciliation is null");
        this.missing = new MissingOrderEvidence(engine, config, reconciliation::policy);
        this.resolver = new UnknownOutcomeResolver(engine, config, missing);
    }

    /** One pass; never throws for a broker's or the engine's failure (they are logged and counted). */
    public synchronized MonitorReport runOnce() {
        Instant startedAt = clock.instant();
        BrokerPoll.Tally tally = new BrokerPoll.Tally();
        List<ClientOrderId> expired = expireDue();
        Optional<EngineSnapshot> snapshot = await(engine.snapshot(), "a snapshot");
        if (snapshot.isEmpty()) {
            return report(startedAt, tally, expired);
        }
        Map<String, List<Order>> byBroker = new LinkedHashMap<>();
        Map<String, BrokerGateway> gateways = new LinkedHashMap<>();
        List<ClientOrderId> unknown = new ArrayList<>();
        List<ClientOrderId> open = new ArrayList<>();
        for (Order order : snapshot.get().orders()) {
            if (!order.isOpen()) {
                continue;
            }
            open.add(order.id());
            order.outcomeUnknown().ifPresent(u -> unknown.add(order.id()));
            Optional<BrokerGateway> gateway = router.brokerFor(order.account());
            if (gateway.isEmpty()) {
                LOG.debug("order {}: no broker is bound to account {}", order.id(), order.account());
                continue;
            }
            gateways.putIfAbsent(gateway.get().name(), gateway.get());
            byBroker.computeIfAbsent(gateway.get().name(), b -> new ArrayList<>())
                    .add(order);
        }
        resolver.retainOnly(unknown);
        missing.retainOnly(open);
        for (Map.Entry<String, List<Order>> entry : byBroker.entrySet()) {
            BrokerPoll poll = new BrokerPoll(engine, gateways.get(entry.getKey()), rateLimits, signals, config, tally);
            int[] unknownAndOffset = new int[2];
            List<Order> orders = fairOrder(entry.getKey(), entry.getValue(), unknownAndOffset);
            resumeAt.remove(entry.getKey());
            int stoppedAt = orders.size();
            for (int i = 0; i < orders.size(); i++) {
                int callsBefore = poll.calls();
                poll(orders.get(i), poll, tally, startedAt);
                boolean called = poll.calls() > callsBefore;
                if (called) {
                    tally.polled++;
                }
                if (poll.stopped()) {
                    stoppedAt = called ? i + 1 : i;
                    break;
                }
            }
            int left = orders.size() - stoppedAt;
            int others = orders.size() - unknownAndOffset[0];
            if (left > 0) {
                tally.skipped += left;
                int done = Math.max(0, stoppedAt - unknownAndOffset[0]);
                if (others > 0) {
                    resumeAt.put(entry.getKey(), (unknownAndOffset[1] + done) % others);
                }
                LOG.info("monitor pass of broker {} stopped; {} orders left for the next pass", entry.getKey(), left);
            }
        }
        return report(startedAt, tally, expired);
    }

    /**
     * Orders with an unknown outcome first; then the others, starting where the last cut-short pass
     * stopped, so that a rate limit too tight for every order every pass starves none of them.
     * Returns how many come first (the unknown ones) and the offset the others start at.
     */
    private List<Order> fairOrder(String broker, List<Order> orders, int[] unknownAndOffset) {
        List<Order> result = new ArrayList<>();
        List<Order> others = new ArrayList<>();
        for (Order order : orders) {
            (order.outcomeUnknown().isPresent() ? result : others).add(order);
        }
        int offset = resumeAt.getOrDefault(broker, 0);
        if (offset >= others.size()) {
            offset = 0;
        }
        Collections.rotate(others, -offset);
        unknownAndOffset[0] = result.size();
        unknownAndOffset[1] = offset;
        result.addAll(others);
        return result;
    }

    private List<ClientOrderId> expireDue() {
        Optional<List<ClientOrderId>> expired = await(engine.expireDue(), "the expiry of due orders");
        expired.filter(ids -> !ids.isEmpty())
                .ifPresent(ids -> LOG.info("expiry requested for {} due orders: {}", ids.size(), ids));
        return expired.orElse(List.of());
    }

    private void poll(Order order, BrokerPoll poll, BrokerPoll.Tally tally, Instant now) {
        if (order.outcomeUnknown().isPresent()) {
            resolver.resolve(order, poll, tally, now);
            return;
        }
        Optional<Optional<BrokerOrder>> view;
        if (order.brokerOrderId().isPresent()) {
            view = poll.order(order.brokerOrderId().get());
        } else if (!Duration.between(order.updatedAt(), now)
                .minus(config.unconfirmedAfter())
                .isNegative()) {
            view = poll.findOrder(order.id());
        } else {
            return;
        }
        if (view.isEmpty()) {
            return;
        }
        if (view.get().isEmpty()) {
            if (order.brokerOrderId().isPresent()) {
                missing.missed(order, poll, tally, now);
            }
            return;
        }
        BrokerOrder atBroker = view.get().get();
        missing.found(order.id());
        if (order.brokerOrderId().isPresent()) {
            // Fills first, so that an order cancelled after a partial fill is recorded in that order.
            poll.applyMissingTrades(order, atBroker);
            if (differs(order, atBroker)) {
                poll.applySnapshot(atBroker);
            }
        } else {
            // The broker id comes with the view: only then can the engine place the trades.
            LOG.info("order {} found at broker {} by its tag: {}", order.id(), poll.broker(), atBroker.brokerOrderId());
            if (poll.applySnapshot(atBroker)) {
                poll.applyMissingTrades(order, atBroker);
            }
        }
    }

    /** Whether the broker's view may tell the engine something: another status, or a request in flight. */
    private static boolean differs(Order ours, BrokerOrder atBroker) {
        return ours.status() != atBroker.status()
                || ours.status().isPending()
                || ours.pendingModification().isPresent()
                || atBroker.filledQuantity().compareTo(ours.filledQuantity()) != 0;
    }

    private <T> Optional<T> await(CompletableFuture<T> future, String what) {
        try {
            return Optional.of(future.get(config.engineTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("monitor: the engine did not answer {}: {}", what, e.toString());
        }
        return Optional.empty();
    }

    private static MonitorReport report(Instant startedAt, BrokerPoll.Tally tally, List<ClientOrderId> expired) {
        return new MonitorReport(
                startedAt,
                tally.polled,
                tally.updates,
                tally.trades,
                expired,
                tally.resolved,
                tally.neverPlaced,
                tally.failures,
                tally.skipped,
                tally.closedNotKnown);
    }
}
