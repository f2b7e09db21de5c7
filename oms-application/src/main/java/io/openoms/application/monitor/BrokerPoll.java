package io.openoms.application.monitor;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.EngineControl;
import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RequestPriority;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass's conversation with one broker: every query takes a QUERIES permit first (waiting at
 * most {@code queryPermitWait}); the day's trades and orders are read at most once per pass. A
 * call that does not succeed is logged and counted, and the pass goes on, except when there is no
 * permit, the broker refuses for rate or the session is gone: then the rest of this broker's pass
 * is skipped ({@link #stopped()}). Not thread-safe: one pass, one thread.
 */
final class BrokerPoll {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerPoll.class);

    private final EngineControl engine;
    private final BrokerGateway gateway;
    private final RateLimitGuard rateLimits;
    private final KillSwitchSignals signals;
    private final MonitorConfig config;
    private final Tally tally;
    private boolean stopped;
    private int calls;
    private boolean sessionConfirmed;
    private Optional<List<BrokerTrade>> trades;
    private Optional<List<BrokerOrder>> orders;

    BrokerPoll(
            EngineControl engine,
            BrokerGateway gateway,
            RateLimitGuard rateLimits,
            KillSwitchSignals signals,
            MonitorConfig config,
            Tally tally) {
        this.engine = requireNonNull(engine, "engine is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.signals = requireNonNull(signals, "signals is null");
        this.config = requireNonNull(config, "config is null");
        this.tally = requireNonNull(tally, "tally is null");
    }

    /** Counters of one pass. */
    static final class Tally {
        int polled;
        int updates;
        int trades;
        int resolved;
        int neverPlaced;
        int failures;
        int skipped;
        int closedNotKnown;
    }

    String broker() {
        return gateway.name();
    }

    boolean stopped() {
        return stopped;
    }

    /** Broker calls made so far in this pass (a call refused a permit is not made). */
    int calls() {
        return calls;
    }

    /** The broker's view of the order: empty when the call failed, an empty view when the broker has none. */
    Optional<Optional<BrokerOrder>> order(BrokerOrderId id) {
        return call("order " + id, () -> gateway.order(id));
    }

    /** The order placed for {@code id}, found by its tag: as {@link #order}. */
    Optional<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
        return call("the order tagged " + id, () -> gateway.findOrder(id));
    }

    /** The day's orders, read once per pass; empty when the call failed. */
    Optional<List<BrokerOrder>> orders() {
        if (orders == null) {
            orders = call("the day's orders", gateway::orders);
        }
        return orders;
    }

    /** The day's executions, read once per pass; empty when the call failed. */
    Optional<List<BrokerTrade>> trades() {
        if (trades == null) {
            trades = call("the day's trades", gateway::trades);
        }
        return trades;
    }

    /** Hands the broker's view to the engine and waits until durable; false when that failed. */
    boolean applySnapshot(BrokerOrder view) {
        if (awaitEngine(engine.applyBrokerSnapshot(broker(), view), "broker order " + view.brokerOrderId())) {
            tally.updates++;
            return true;
        }
        return false;
    }

    /**
     * When the broker shows more filled than {@code ours}, hands in the day's trades of that order
     * that {@code ours} lacks (the engine ignores a trade it already holds).
     */
    void applyMissingTrades(Order ours, BrokerOrder view) {
        if (!view.filledQuantity().isGreaterThan(ours.filledQuantity())) {
            return;
        }
        Optional<List<BrokerTrade>> all = trades();
        if (all.isEmpty()) {
            return;
        }
        for (BrokerTrade trade : all.get()) {
            if (trade.brokerOrderId().equals(view.brokerOrderId())
                    && !ours.hasFill(trade.fill().tradeId())
                    && awaitEngine(
                            engine.applyBrokerTrade(broker(), trade),
                            "trade " + trade.fill().tradeId())) {
                LOG.info(
                        "trade {} of order {} picked up by the monitor",
                        trade.fill().tradeId(),
                        ours.id());
                tally.trades++;
            }
        }
    }

    /** Waits until the engine made the command durable; false when it failed or timed out. */
    boolean awaitEngine(CompletableFuture<?> future, String what) {
        try {
            future.get(config.engineTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the engine did not apply {}: {}", what, e.toString());
        }
        return false;
    }

    /** The engine's answer once durable; empty when it failed or timed out. */
    <T> Optional<T> result(CompletableFuture<T> future, String what) {
        return awaitEngine(future, what) ? Optional.ofNullable(future.join()) : Optional.empty();
    }

    private <T> Optional<T> call(String what, Supplier<BrokerResult<T>> call) {
        if (stopped || !permit()) {
            return Optional.empty();
        }
        BrokerResult<T> result;
        calls++;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            LOG.warn("asking broker {} for {} failed; retried next pass", broker(), what, e);
            tally.failures++;
            return Optional.empty();
        }
        if (result instanceof BrokerResult.Success<T> success) {
            if (!sessionConfirmed) {
                sessionConfirmed = true;
                signals.sessionRestored(broker());
            }
            return Optional.of(success.value());
        }
        tally.failures++;
        if (result instanceof BrokerResult.SessionExpired<T> expired) {
            LOG.error("broker {} session expired while asking for {}: {}", broker(), what, expired.reason());
            signals.sessionLost(broker(), expired.reason());
            stopped = true;
        } else if (result instanceof BrokerResult.RateLimited<T> limited) {
            LOG.warn("broker {} refused for rate while asking for {}: {}", broker(), what, limited.reason());
            rateLimits.penalize(
                    broker(), EndpointFamily.QUERIES, limited.retryAfter().orElse(config.interval()));
            stopped = true;
        } else {
            LOG.warn("asking broker {} for {} did not succeed; retried next pass: {}", broker(), what, result);
        }
        return Optional.empty();
    }

    private boolean permit() {
        try {
            RateLimitDecision decision = rateLimits.acquire(
                    broker(), EndpointFamily.QUERIES, RequestPriority.NORMAL, config.queryPermitWait());
            if (decision instanceof RateLimitDecision.Refused refused) {
                LOG.info(
                        "no query permit for broker {}: {}; the rest of its pass is skipped",
                        broker(),
                        refused.reason());
                stopped = true;
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return false;
        }
    }
}
