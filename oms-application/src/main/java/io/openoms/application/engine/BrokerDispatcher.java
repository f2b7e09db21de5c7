package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RequestPriority;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls brokers on the dispatch executor, never on the engine thread, and hands every answer back
 * to the engine as a command. Each request first takes a rate-limit permit; a broker's own
 * rate-limit refusal (nothing took effect) holds the family back in the guard for the hinted backoff
 * (at least {@link #MIN_RATE_LIMIT_BACKOFF}) and is retried once the guard grants a permit again,
 * at most {@link #MAX_RATE_LIMIT_RETRIES} times, while the time the guard made the request wait
 * stays within {@code rateLimitMaxWait}: the backoff is waited in the guard and counted there, once.
 * A placement is never retried on any other answer, and an exception from a gateway counts as an
 * unknown outcome.
 *
 * <p>Thread safety: called from the engine thread; the calls run on the executor.
 */
final class BrokerDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerDispatcher.class);
    /** The least a retry after a rate-limit refusal waits, so a {@code Retry-After: 0} cannot spin. */
    static final Duration MIN_RATE_LIMIT_BACKOFF = Duration.ofMillis(100);
    /** Retries of one request after rate-limit refusals; a guard that does not wait cannot make it spin. */
    static final int MAX_RATE_LIMIT_RETRIES = 5;

    private final ExecutorService executor;
    private final RateLimitGuard rateLimits;
    private final EngineConfig config;
    private final Consumer<EngineCommand> replies;
    private final AtomicInteger inFlight;

    BrokerDispatcher(
            ExecutorService executor,
            RateLimitGuard rateLimits,
            EngineConfig config,
            Consumer<EngineCommand> replies,
            AtomicInteger inFlight) {
        this.executor = requireNonNull(executor, "executor is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.config = requireNonNull(config, "config is null");
        this.replies = requireNonNull(replies, "replies is null");
        this.inFlight = requireNonNull(inFlight, "inFlight is null");
    }

    void place(BrokerGateway gateway, Order order, RequestPriority priority) {
        send(
                order.id(),
                BrokerOperation.PLACE,
                gateway.name(),
                EndpointFamily.ORDERS,
                priority,
                () -> gateway.place(order));
    }

    void modify(BrokerGateway gateway, Order order, OrderModification modification) {
        send(
                order.id(),
                BrokerOperation.MODIFY,
                gateway.name(),
                EndpointFamily.MODIFICATIONS,
                RequestPriority.NORMAL,
                () -> gateway.modify(order, modification));
    }

    void cancel(BrokerGateway gateway, Order order) {
        send(
                order.id(),
                BrokerOperation.CANCEL,
                gateway.name(),
                EndpointFamily.MODIFICATIONS,
                RequestPriority.CANCEL,
                () -> gateway.cancel(order));
    }

    /** Re-reads the broker's orders and trades of the day and hands each in as an update. */
    void resync(BrokerGateway gateway) {
        execute(() -> {
            String broker = gateway.name();
            if (permit(broker, EndpointFamily.QUERIES, RequestPriority.NORMAL).isPresent()) {
                return;
            }
            BrokerResult<List<BrokerOrder>> orders = gateway.orders();
            if (orders instanceof BrokerResult.Success<List<BrokerOrder>> success) {
                success.value()
                        .forEach(o -> replies.accept(new EngineCommand.OrderUpdate(broker, o, Optional.empty())));
            } else {
                LOG.warn("re-reading the orders of broker {} after a reconnect failed: {}", broker, orders);
            }
            if (permit(broker, EndpointFamily.QUERIES, RequestPriority.NORMAL).isPresent()) {
                return;
            }
            BrokerResult<List<BrokerTrade>> trades = gateway.trades();
            if (trades instanceof BrokerResult.Success<List<BrokerTrade>> success) {
                success.value()
                        .forEach(t -> replies.accept(new EngineCommand.TradeReport(broker, t, Optional.empty())));
            } else {
                LOG.warn("re-reading the trades of broker {} after a reconnect failed: {}", broker, trades);
            }
        });
    }

    private void send(
            ClientOrderId id,
            BrokerOperation operation,
            String broker,
            EndpointFamily family,
            RequestPriority priority,
            Supplier<BrokerResult<BrokerOrderId>> call) {
        boolean queued = execute(() -> replies.accept(attempt(id, operation, broker, family, priority, call)));
        if (!queued) {
            replies.accept(new EngineCommand.BrokerReply(
                    id, operation, Optional.empty(), Optional.of("the engine is stopping")));
        }
    }

    private boolean execute(Runnable task) {
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("broker dispatch task failed", e);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            return false;
        }
    }

    private EngineCommand.BrokerReply attempt(
            ClientOrderId id,
            BrokerOperation operation,
            String broker,
            EndpointFamily family,
            RequestPriority priority,
            Supplier<BrokerResult<BrokerOrderId>> call) {
        Duration maxWait = config.rateLimitMaxWait();
        // Only what the guard makes this request wait counts: the broker's backoff is waited there.
        Duration spent = Duration.ZERO;
        int retries = 0;
        while (true) {
            RateLimitDecision decision;
            try {
                decision = rateLimits.acquire(broker, family, priority, positive(maxWait.minus(spent)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return notSent(id, operation, "interrupted while waiting for the rate limit: the engine is stopping");
            }
            if (decision instanceof RateLimitDecision.Refused refused) {
                return notSent(id, operation, "rate limit of broker " + broker + ": " + refused.reason());
            }
            spent = spent.plus(((RateLimitDecision.Granted) decision).waited());
            BrokerResult<BrokerOrderId> result;
            try {
                result = call.get();
            } catch (RuntimeException e) {
                LOG.warn("broker {} {} of order {} threw; its outcome is unknown", broker, operation, id, e);
                result = BrokerResult.outcomeUnknown("the broker call failed: " + e);
            }
            if (result instanceof BrokerResult.RateLimited<BrokerOrderId> limited && retries < MAX_RATE_LIMIT_RETRIES) {
                Duration backoff =
                        max(limited.retryAfter().orElse(config.rateLimitDefaultBackoff()), MIN_RATE_LIMIT_BACKOFF);
                if (backoff.compareTo(maxWait.minus(spent)) <= 0) {
                    retries++;
                    LOG.debug(
                            "broker {} rate-limited {} of order {}; retrying after {}", broker, operation, id, backoff);
                    // The adapter may have held the family back already; the guard keeps the later end.
                    rateLimits.penalize(broker, family, backoff);
                    continue;
                }
            }
            return new EngineCommand.BrokerReply(id, operation, Optional.of(result), Optional.empty());
        }
    }

    /** Waits for a query permit; the refusal reason when there is none. */
    private Optional<String> permit(String broker, EndpointFamily family, RequestPriority priority) {
        try {
            RateLimitDecision decision = rateLimits.acquire(broker, family, priority, config.rateLimitMaxWait());
            if (decision instanceof RateLimitDecision.Refused refused) {
                LOG.warn("no rate-limit permit to query broker {}: {}", broker, refused.reason());
                return Optional.of(refused.reason());
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static EngineCommand.BrokerReply notSent(ClientOrderId id, BrokerOperation operation, String reason) {
        return new EngineCommand.BrokerReply(id, operation, Optional.empty(), Optional.of(reason));
    }
}
