package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A simulated exchange and broker in one: instruments with a price each, our resting orders, its
 * trades and its own net positions. It has no threads and no clock; time moves only when told:
 *
 * <ul>
 *   <li>{@link #advanceTo} moves venue time: placements whose acknowledgement latency has passed are
 *       acknowledged, and each gets its first matching attempt at the current price;
 *   <li>{@link #step} advances time likewise, then moves every price one step (the scripted path, else
 *       the seeded random walk) and runs one matching round over all working orders;
 *   <li>{@link #setPrice} sets one price and runs a matching round over that instrument's orders.
 * </ul>
 *
 * <p>Matching: a market order (and a triggered stop) fills at the last price plus the configured
 * slippage in ticks (a sell: minus, never below one tick). A buy limit fills when last ≤ limit, a
 * sell limit when last ≥ limit; on arrival (its first attempt, or right after a modify or trigger)
 * it takes liquidity at the last price plus slippage capped at its limit, later it fills as a
 * resting order at its limit. A stop triggers when a buy's last ≥ trigger (a sell's ≤), then acts as
 * a market order; a stop-limit then acts as a limit. One matching round fills at most the configured
 * liquidity per order (whole lots, at least one); the rest waits for the next round. An IOC order's
 * remainder is cancelled after its first attempt. DAY, GTC and GTD orders rest until filled or
 * cancelled: expiry is OpenOMS's job.
 *
 * <p>Determinism: for the same configuration, instruments, start instant and sequence of calls,
 * the venue produces the same ids, prices, fills and updates, faults included.
 *
 * <p>Threading and delivery: every public method is safe from any thread; state changes under one
 * lock. Updates (acknowledgements and other order snapshots, trades, malformed payloads, stream
 * reconnects) are queued in generation order under that lock and pushed to the attached
 * {@link BrokerUpdates} after it is released, at the end of the call that caused them, by one
 * pusher at a time, in order. No call ever waits for a push by another thread: if a push is under
 * way, that pusher also pushes the updates this call queued, so the call may return before they
 * arrive; otherwise a call returns only after its updates were pushed. A sink that calls back into
 * the venue from inside a push is allowed (the venue is not locked during a push); updates that
 * call causes are pushed after the current one returns. Until a sink is attached, updates are
 * kept. A sink that throws loses that update (logged); reconciliation finds what it carried.
 */
public final class SimulatedVenue implements MarketData {
    private final MockVenueConfig config;
    private final VenueFaults faults;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<InstrumentId, PriceProcess> prices = new LinkedHashMap<>();
    private final Map<InstrumentId, Price> lastPrices = new ConcurrentHashMap<>();
    private final Map<InstrumentId, CircuitLimits> circuitLimits = new ConcurrentHashMap<>();
    private final Map<BrokerOrderId, VenueOrder> orders = new LinkedHashMap<>();
    private final Map<ClientOrderId, VenueOrder> byClientOrderId = new HashMap<>();
    private final Set<VenueOrder> working = new LinkedHashSet<>();
    private final List<BrokerTrade> trades = new ArrayList<>();
    private final VenuePositions positions = new VenuePositions();
    private final VenueFaultGate gate;
    private final VenueUpdateStream stream;
    private final VenueMatcher matcher;
    private final String idPrefix;
    private Instant now;
    private long steps;
    private long orderSequence;

    /**
     * A venue listing {@code instruments} at their configured initial prices (else the default,
     * snapped to the tick grid), with venue time at {@code start}. Broker order and trade ids start
     * with {@code start}'s epoch milliseconds, so a venue started later never reuses an id.
     */
    public SimulatedVenue(MockVenueConfig config, Collection<Instrument> instruments, Instant start) {
        this.config = requireNonNull(config, "config is null");
        requireNonNull(instruments, "instruments is null");
        this.now = requireNonNull(start, "start is null");
        this.faults = new VenueFaults(config.faults());
        this.gate = new VenueFaultGate(faults, config.seed());
        this.stream = new VenueUpdateStream(config.name(), faults, gate, lock);
        this.idPrefix = Long.toString(start.toEpochMilli());
        this.matcher = new VenueMatcher(config, prices, working, trades, positions, stream, idPrefix, () -> now);
        instruments.forEach(this::listInstrument);
    }

    public String name() {
        return config.name();
    }

    public MockVenueConfig config() {
        return config;
    }

    /** The fault switches; changes apply from the next call. */
    public VenueFaults faults() {
        return faults;
    }

    /** Where updates are pushed; replaces any earlier sink and pushes what was kept meanwhile. */
    public void attach(BrokerUpdates updates) {
        stream.attach(updates);
        stream.deliver();
    }

    public Instant now() {
        return locked(() -> now);
    }

    /** How many {@link #step}s have run. */
    public long steps() {
        return locked(() -> steps);
    }

    /** Lists an instrument at its configured initial price, else the default. */
    public void listInstrument(Instrument instrument) {
        requireNonNull(instrument, "instrument is null");
        listInstrument(instrument, config.initialPrices().getOrDefault(instrument.id(), config.defaultInitialPrice()));
    }

    /** Lists an instrument at {@code initialPrice} (snapped to its tick grid). */
    public void listInstrument(Instrument instrument, Price initialPrice) {
        requireNonNull(instrument, "instrument is null");
        requireNonNull(initialPrice, "initialPrice is null");
        lockedRun(() -> {
            if (prices.containsKey(instrument.id())) {
                throw new IllegalArgumentException(instrument.id() + " is already listed");
            }
            PriceProcess process = new PriceProcess(instrument, initialPrice, config.seed());
            prices.put(instrument.id(), process);
            lastPrices.put(instrument.id(), process.last());
        });
    }

    /** The last price, answered without waiting for the venue's lock. */
    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        return Optional.ofNullable(lastPrices.get(instrument));
    }

    /** The circuit band set by {@link #setCircuitLimits}; none by default, as the walk has no band. */
    @Override
    public Optional<CircuitLimits> circuitLimits(InstrumentId instrument) {
        return Optional.ofNullable(circuitLimits.get(instrument));
    }

    /** Sets the day's circuit band of {@code instrument}, as an exchange publishes it each morning. */
    public void setCircuitLimits(InstrumentId instrument, CircuitLimits limits) {
        circuitLimits.put(instrument, limits);
    }

    /**
     * Sets the last price of {@code instrument} (positive, on its tick grid) and runs a matching round
     * over its working orders. A scripted path, if any, continues at the next step.
     */
    public void setPrice(InstrumentId instrument, Price price) {
        lockedRun(() -> {
            PriceProcess process = process(instrument);
            process.set(price);
            lastPrices.put(instrument, price);
            for (VenueOrder order : List.copyOf(working)) {
                if (order.instrument.equals(instrument)) {
                    matcher.match(order, false);
                }
            }
        });
    }

    /**
     * The next steps take {@code path}'s prices in order (each positive, on the tick grid), replacing
     * any earlier script; after the last one the random walk resumes from it (a volatility of 0 holds it).
     */
    public void scriptPrices(InstrumentId instrument, List<Price> path) {
        requireNonNull(path, "path is null");
        List<Price> copy = List.copyOf(path);
        lockedRun(() -> process(instrument).script(copy));
    }

    /** Moves venue time to {@code time} (never backwards): due acknowledgements go out. */
    public void advanceTo(Instant time) {
        lockedRun(() -> advance(time));
    }

    /** Moves venue time to {@code time} (never backwards), moves every price one step and matches. */
    public void step(Instant time) {
        lockedRun(() -> {
            advance(time);
            steps++;
            stream.updateStream(steps);
            for (Map.Entry<InstrumentId, PriceProcess> entry : prices.entrySet()) {
                entry.getValue().step(config.volatilityTicks());
                lastPrices.put(entry.getKey(), entry.getValue().last());
            }
            for (VenueOrder order : List.copyOf(working)) {
                matcher.match(order, false);
            }
        });
    }

    /**
     * Places an order as if from the broker's own terminal, without a correlation tag, bypassing the
     * gateway faults. Throws {@link IllegalArgumentException} with the venue's reason if the venue
     * would refuse it.
     */
    public BrokerOrderId placeExternal(ExternalOrder order) {
        requireNonNull(order, "order is null");
        return locked(() -> {
            placementProblem(order.instrument(), order.quantity(), order.limitPrice(), order.triggerPrice())
                    .ifPresent(problem -> {
                        throw new IllegalArgumentException(problem);
                    });
            return open(
                            Optional.empty(),
                            order.instrument(),
                            order.side(),
                            order.type(),
                            order.product(),
                            order.timeInForce(),
                            order.quantity(),
                            order.limitPrice(),
                            order.triggerPrice(),
                            false)
                    .id;
        });
    }

    /**
     * The venue cancels a working order on its own (an exchange or risk desk cancellation), with
     * {@code reason} as the status message. Throws if the order is unknown or no longer working.
     */
    public void cancelAtVenue(BrokerOrderId id, String reason) {
        requireNonNull(reason, "reason is null");
        lockedRun(() -> {
            VenueOrder order = orders.get(requireNonNull(id, "id is null"));
            if (order == null || !order.isWorking()) {
                throw new IllegalArgumentException("no working order " + id + " at the venue");
            }
            matcher.cancelRemainder(order, reason);
        });
    }

    /**
     * The venue forgets its working orders, as one that keeps its book in memory does when it restarts:
     * queries no longer find them and cancels and modifies are refused "not found"; they never fill.
     * Trades and positions stay. Returns the forgotten orders' ids.
     */
    public List<BrokerOrderId> forgetWorkingOrders() {
        return locked(() -> {
            List<BrokerOrderId> forgotten = new ArrayList<>();
            for (VenueOrder order : List.copyOf(working)) {
                working.remove(order);
                orders.remove(order.id);
                byClientOrderId.values().remove(order);
                forgotten.add(order.id);
            }
            return List.copyOf(forgotten);
        });
    }

    /** Disconnects the update stream: updates are dropped until {@link #reconnectStream}. */
    public void disconnectStream() {
        lockedRun(stream::disconnect);
    }

    /** Reconnects the update stream and pushes {@link BrokerUpdates#streamReconnected}; no-op when connected. */
    public void reconnectStream() {
        lockedRun(stream::reconnect);
    }

    public boolean streamConnected() {
        return locked(stream::connected);
    }

    /** Updates dropped while the stream was disconnected. */
    public long droppedUpdates() {
        return locked(stream::droppedUpdates);
    }

    /** Every order of the day, in placement order, ignoring faults: the venue's truth. */
    public List<BrokerOrder> orders() {
        return locked(() -> orders.values().stream().map(VenueOrder::snapshot).toList());
    }

    /** One order, ignoring faults. */
    public Optional<BrokerOrder> order(BrokerOrderId id) {
        return locked(() -> Optional.ofNullable(orders.get(id)).map(VenueOrder::snapshot));
    }

    /** The order placed for {@code id} (the first, if placed twice), ignoring faults. */
    public Optional<BrokerOrder> findOrder(ClientOrderId id) {
        return locked(() -> Optional.ofNullable(byClientOrderId.get(id)).map(VenueOrder::snapshot));
    }

    /** Every execution, in order, ignoring faults. */
    public List<BrokerTrade> trades() {
        return locked(() -> List.copyOf(trades));
    }

    /** The non-flat net positions per instrument and product, ignoring faults. */
    public List<BrokerPosition> positions() {
        return locked(positions::open);
    }

    BrokerResult<BrokerOrderId> submit(Order order) {
        requireNonNull(order, "order is null");
        return locked(() -> gate.call(VenueOperation.PLACE, () -> {
            Optional<String> problem =
                    placementProblem(order.instrument(), order.quantity(), order.limitPrice(), order.triggerPrice());
            if (problem.isPresent()) {
                return BrokerResult.rejected(problem.get());
            }
            VenueOrder placed = open(
                    Optional.of(order.id()),
                    order.instrument(),
                    order.side(),
                    order.type(),
                    order.product(),
                    order.timeInForce(),
                    order.quantity(),
                    order.limitPrice(),
                    order.triggerPrice(),
                    true);
            return BrokerResult.success(placed.id);
        }));
    }

    BrokerResult<BrokerOrderId> amend(Order order, OrderModification modification) {
        requireNonNull(order, "order is null");
        requireNonNull(modification, "modification is null");
        return locked(() -> gate.call(VenueOperation.MODIFY, () -> {
            Optional<VenueOrder> found = locate(order);
            if (found.isEmpty()) {
                return BrokerResult.rejected("order " + describe(order) + " not found at the venue");
            }
            VenueOrder venueOrder = found.get();
            Optional<String> problem = VenueOrderChecks.modificationProblem(
                    venueOrder, prices.get(venueOrder.instrument).instrument(), modification);
            if (problem.isPresent()) {
                return BrokerResult.rejected(problem.get());
            }
            modification.quantity().ifPresent(quantity -> venueOrder.quantity = quantity);
            modification.limitPrice().ifPresent(price -> venueOrder.limitPrice = Optional.of(price));
            modification.triggerPrice().ifPresent(price -> venueOrder.triggerPrice = Optional.of(price));
            venueOrder.updatedAt = now;
            stream.emitOrder(venueOrder);
            matcher.match(venueOrder, true);
            return BrokerResult.success(venueOrder.id);
        }));
    }

    BrokerResult<BrokerOrderId> cancel(Order order) {
        requireNonNull(order, "order is null");
        return locked(() -> gate.call(VenueOperation.CANCEL, () -> {
            Optional<VenueOrder> found = locate(order);
            if (found.isEmpty()) {
                return BrokerResult.rejected("order " + describe(order) + " not found at the venue");
            }
            VenueOrder venueOrder = found.get();
            if (!venueOrder.isWorking()) {
                return BrokerResult.rejected("order " + venueOrder.id + " is "
                        + venueOrder.snapshot().brokerStatus() + " and cannot be cancelled");
            }
            if (!venueOrder.cancelAfterNextFill) {
                boolean fillFirst = venueOrder.state == VenueOrder.State.OPEN
                        && (faults.takeFillBeforeCancel()
                                || gate.draw(faults.probabilities().fillAfterCancel()));
                if (fillFirst) {
                    venueOrder.cancelAfterNextFill = true;
                } else {
                    matcher.cancelRemainder(venueOrder, "cancelled on request");
                }
            }
            return BrokerResult.success(venueOrder.id);
        }));
    }

    BrokerResult<Optional<BrokerOrder>> queryOrder(BrokerOrderId id) {
        requireNonNull(id, "id is null");
        return query(
                () -> Optional.ofNullable(orders.get(id)).filter(this::visible).map(VenueOrder::snapshot));
    }

    BrokerResult<Optional<BrokerOrder>> queryOrder(ClientOrderId id) {
        requireNonNull(id, "id is null");
        return query(() -> Optional.ofNullable(byClientOrderId.get(id))
                .filter(this::visible)
                .map(VenueOrder::snapshot));
    }

    BrokerResult<List<BrokerOrder>> queryOrders() {
        return query(() -> orders.values().stream()
                .filter(this::visible)
                .map(VenueOrder::snapshot)
                .toList());
    }

    BrokerResult<List<BrokerTrade>> queryTrades() {
        return query(() -> List.copyOf(trades));
    }

    BrokerResult<List<BrokerPosition>> queryPositions() {
        return query(positions::open);
    }

    private <T> BrokerResult<T> query(Supplier<T> answer) {
        return locked(() -> gate.call(VenueOperation.QUERY, () -> BrokerResult.success(answer.get())));
    }

    private Optional<String> placementProblem(
            InstrumentId instrumentId, Quantity quantity, Optional<Price> limitPrice, Optional<Price> triggerPrice) {
        PriceProcess process = prices.get(instrumentId);
        return VenueOrderChecks.placementProblem(
                process == null ? null : process.instrument(), instrumentId, quantity, limitPrice, triggerPrice);
    }

    private VenueOrder open(
            Optional<ClientOrderId> clientOrderId,
            InstrumentId instrument,
            Side side,
            OrderType type,
            Product product,
            TimeInForce timeInForce,
            Quantity quantity,
            Optional<Price> limitPrice,
            Optional<Price> triggerPrice,
            boolean ours) {
        VenueOrder order = new VenueOrder(
                BrokerOrderId.of(idPrefix + String.format("%06d", ++orderSequence)),
                clientOrderId,
                instrument,
                side,
                type,
                product,
                timeInForce,
                quantity,
                limitPrice,
                triggerPrice,
                now,
                now.plus(config.ackLatency()));
        orders.put(order.id, order);
        clientOrderId.ifPresent(id -> byClientOrderId.putIfAbsent(id, order));
        working.add(order);
        if (ours) {
            FaultProbabilities chance = faults.probabilities();
            Optional<Integer> hideSteps = faults.takeHide();
            if (hideSteps.isEmpty() && gate.draw(chance.notFound())) {
                hideSteps = Optional.of(chance.notFoundSteps());
            }
            hideSteps.ifPresent(hidden -> order.visibleFromStep = steps + hidden);
            order.holdAcknowledgement = faults.takeReorder() || gate.draw(chance.outOfOrder());
            order.rejectOnAcknowledgement = faults.takeRejectionAfterAcknowledgement();
        }
        if (!order.acknowledgeAt.isAfter(now)) {
            matcher.acknowledge(order);
        }
        return order;
    }

    private void advance(Instant time) {
        requireNonNull(time, "time is null");
        if (time.isBefore(now)) {
            throw new IllegalArgumentException("venue time cannot go back from " + now + " to " + time);
        }
        now = time;
        for (VenueOrder order : List.copyOf(working)) {
            if (order.state == VenueOrder.State.PENDING_ACK && !order.acknowledgeAt.isAfter(now)) {
                matcher.acknowledge(order);
            }
        }
    }

    private boolean visible(VenueOrder order) {
        return steps >= order.visibleFromStep;
    }

    private Optional<VenueOrder> locate(Order order) {
        Optional<VenueOrder> byBrokerId = order.brokerOrderId().map(orders::get);
        return byBrokerId.isPresent() ? byBrokerId : Optional.ofNullable(byClientOrderId.get(order.id()));
    }

    private static String describe(Order order) {
        return order.brokerOrderId().map(BrokerOrderId::value).orElse("for " + order.id());
    }

    private PriceProcess process(InstrumentId instrument) {
        PriceProcess process = prices.get(requireNonNull(instrument, "instrument is null"));
        if (process == null) {
            throw new IllegalArgumentException("instrument " + instrument + " is not listed at this venue");
        }
        return process;
    }

    private void lockedRun(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    private <T> T locked(Supplier<T> action) {
        T result;
        lock.lock();
        try {
            result = action.get();
        } finally {
            lock.unlock();
        }
        stream.deliver();
        return result;
    }
}
