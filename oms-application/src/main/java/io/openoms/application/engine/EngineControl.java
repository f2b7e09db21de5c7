package io.openoms.application.engine;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.OrderQueries;
import io.openoms.domain.port.in.PositionQueries;
import io.openoms.domain.port.in.RiskAdministration;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.StrategyId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the engine's own collaborators use — the order monitor, reconciliation, the kill switch, the
 * HTTP routes, metrics and the app's lifecycle — beyond the driving ports strategy authors see.
 * Each hook is one command through the engine's queue; hooks wait for room in the queue like broker
 * updates (they are never refused as busy) and their futures complete once the command is durable,
 * on the engine thread: dependent stages that may block must use the {@code *Async} variants. A hook
 * called while the engine is not running fails its future with {@link EngineUnavailableException}.
 */
public interface EngineControl extends OrderQueries, PositionQueries, RiskAdministration {
    /** The strategy of orders found at a broker and adopted (placed outside OpenOMS, or lost by us). */
    StrategyId EXTERNAL_STRATEGY = StrategyId.of("external");

    /**
     * Restores open orders, positions (closed ones too), limits and trading states from the stores,
     * records an unknown submit outcome for every order found in {@code PENDING_SUBMISSION} (it may
     * have reached the broker before the stop: it is never resent; the resolver looks for it), keeps
     * the cancel of an order found in {@code PENDING_CANCEL} without a broker order id waiting for its
     * acknowledgement, then starts the engine thread. Throws when the stores cannot be read or that
     * record not journalled.
     */
    void start();

    /**
     * Stops accepting commands ({@code ENGINE_STOPPED}), applies what is queued, waits for the broker
     * calls in flight and their answers, and ends the engine thread, within the configured stop
     * timeout. Broker requests still waiting for a rate-limit permit are then interrupted and never
     * sent; their orders are rejected as not sent. Idempotent.
     */
    void stop();

    /**
     * Whether the engine thread is taking commands: false before {@link #start()}, once stopping, and
     * after the thread died of an unexpected failure (the log says which).
     */
    boolean isRunning();

    /**
     * Commands waiting in the queues (callers' and brokers') at this moment, not the batch being
     * applied; for metrics, from any thread.
     */
    int queueDepth();

    /** Broker calls handed to the dispatch executor and not yet answered; for metrics, from any thread. */
    int brokerCallsInFlight();

    /** Applies the broker's view of one order (as a stream update would); completes once durable. */
    CompletableFuture<Void> applyBrokerSnapshot(String broker, BrokerOrder order);

    /** Applies one execution (as a stream trade would); completes once durable. */
    CompletableFuture<Void> applyBrokerTrade(String broker, BrokerTrade trade);

    /**
     * Requests the cancel at the broker of every open order whose expiry has come; each is recorded
     * {@code EXPIRED} when the broker confirms the cancel. Completes with their ids once durable.
     */
    CompletableFuture<List<ClientOrderId>> expireDue();

    /**
     * Resolves an unknown outcome with the evidence the resolver found: the broker's view of the
     * order, or empty when it proved the order absent. A submit proved absent becomes {@code ERROR}
     * (never placed); a cancel or modify the broker's view shows not in effect is recorded as refused.
     * The grace window and repeated misses are the resolver's to enforce before it passes empty.
     */
    CompletableFuture<OrderCommandResult> resolveUnknown(ClientOrderId orderId, Optional<BrokerOrder> atBroker);

    /**
     * Closes an open order the broker does not know (the caller holds the evidence: repeated lookups
     * over a grace window, or an admin's approval): {@code CANCELLED} when its cancel was asked for,
     * else {@code ERROR} with {@code reason}; it then no longer counts as open. Writes one finding
     * {@code ORDER_MISSING_AT_BROKER} and one log line. An order already closed is answered as it
     * is; nothing is sent to the broker.
     */
    CompletableFuture<OrderCommandResult> closeNotKnownAtBroker(ClientOrderId orderId, String reason);

    /** Rolls the day's P&amp;L baselines at session starts and enters held orders that may go now. */
    CompletableFuture<Void> timerTick();

    /** Marks open positions in the instrument (marks are not journalled). */
    void markPrice(InstrumentId instrument, Price price);

    /** The engine's orders and positions after every command queued before this call. */
    CompletableFuture<EngineSnapshot> snapshot();

    /**
     * The account's P&amp;L of the trading day and its peak, as of the engine's last observation (before
     * every fill and mark, and on every {@link #timerTick}); run a tick first for a reading as of now.
     * Empty before the account's first observation. Never blocks the engine.
     */
    Optional<DayPnl> dayPnl(AccountId account);
}
