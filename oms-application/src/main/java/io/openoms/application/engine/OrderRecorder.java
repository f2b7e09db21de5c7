package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.FillOutcome;
import io.openoms.domain.order.IllegalOrderTransitionException;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what the domain decided into a {@link Unit}: each event with the order after it, fills
 * with their position change, and the broker's view of an order. An acknowledgement releases what
 * waited for it: trades that came first, and a cancel requested before it. Engine thread only.
 */
final class OrderRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(OrderRecorder.class);

    private final EngineState state;
    private final OrderRouter router;
    private final BrokerDispatcher dispatcher;

    OrderRecorder(EngineState state, OrderRouter router, BrokerDispatcher dispatcher) {
        this.state = requireNonNull(state, "state is null");
        this.router = requireNonNull(router, "router is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
    }

    /** Journals the events of one domain call: the unit records each with the order after it. */
    void record(Unit unit, List<OrderEvent> events) {
        OrderManager orders = state.orders();
        for (OrderEvent event : events) {
            Order after = orders.get(event.orderId());
            unit.event(event, after);
            if (event instanceof OrderEvent.OrderAccepted accepted) {
                acknowledged(unit, after, accepted.brokerOrderId(), event.occurredAt());
            }
        }
    }

    /** Applies a broker answer; one the transition table refuses is stale and ignored. */
    void tryRecord(Unit unit, Supplier<List<OrderEvent>> change) {
        try {
            record(unit, change.get());
        } catch (IllegalOrderTransitionException e) {
            LOG.debug("stale broker update ignored: {}", e.getMessage());
        }
    }

    /** Applies one execution to the order and, unless it is a duplicate, to the position. */
    void applyFill(Unit unit, Order order, BrokerTrade trade, Instant now) {
        FillOutcome outcome = fill(unit, order, trade, now);
        if (outcome instanceof FillOutcome.Duplicate duplicate) {
            LOG.debug("trade {} of order {} already recorded", duplicate.tradeId(), order.id());
        } else if (outcome instanceof FillOutcome.Refused refused) {
            LOG.error("fill refused for order {}: {}", order.id(), refused.reason());
            unit.publish(new OmsEvent.Alert(
                    "engine", "fill refused for order " + order.id() + ": " + refused.reason(), Optional.empty()));
        }
    }

    /**
     * Applies one fill to the order and its position (the events go into {@code unit}) and says what
     * became of it; the caller reports duplicates and refusals.
     */
    FillOutcome fill(Unit unit, Order order, BrokerTrade trade, Instant now) {
        state.observeDailyPnl(order.account(), now);
        FillOutcome outcome = state.orders().applyFill(order.id(), trade.fill(), now);
        if (outcome instanceof FillOutcome.Applied applied) {
            unit.event(applied.event(), applied.order());
            PositionKey key = new PositionKey(order.account(), order.strategy(), order.instrument(), order.product());
            PositionUpdate update = state.positions().apply(key, order.side(), trade.fill());
            if (!update.isDuplicate()) {
                unit.position(update.position(), update.change());
            }
        }
        return outcome;
    }

    /** Applies the broker's view of one of our orders; stale views the transition table refuses are ignored. */
    void applyBrokerView(Order order, BrokerOrder atBroker, Unit unit, Instant now) {
        OrderManager orders = state.orders();
        ClientOrderId id = order.id();
        if (order.brokerOrderId().isEmpty() && atBroker.status() != OrderStatus.REJECTED) {
            tryRecord(unit, () -> orders.accept(id, atBroker.brokerOrderId(), now));
        }
        Order current = orders.get(id);
        switch (atBroker.status()) {
            case CANCELLED -> {
                if (!current.isTerminal()) {
                    boolean expire = state.expiring().remove(id);
                    tryRecord(unit, () -> expire ? orders.expire(id, now) : orders.confirmCancel(id, now));
                }
            }
            case EXPIRED -> {
                if (!current.isTerminal()) {
                    tryRecord(unit, () -> orders.expire(id, now));
                }
            }
            case REJECTED -> {
                if (!current.isTerminal() && current.fills().isEmpty()) {
                    String reason = atBroker.statusMessage().orElse(atBroker.brokerStatus());
                    tryRecord(unit, () -> orders.rejectByBroker(id, reason.isBlank() ? "rejected" : reason, now));
                }
            }
            default -> {
                if (atBroker.filledQuantity().isGreaterThan(current.filledQuantity())) {
                    LOG.debug(
                            "broker shows {} filled of order {}, we hold {}: waiting for the trades",
                            atBroker.filledQuantity(),
                            id,
                            current.filledQuantity());
                }
            }
        }
        Order after = orders.get(id);
        if (after.pendingModification().filter(atBroker::shows).isPresent()) {
            tryRecord(unit, () -> orders.confirmModify(id, now));
        }
    }

    /** The broker acknowledged an order: apply trades that arrived before, send a cancel that waited. */
    private void acknowledged(Unit unit, Order order, BrokerOrderId brokerOrderId, Instant now) {
        List<BrokerTrade> early = state.parkedTrades().remove(brokerOrderId);
        if (early != null) {
            early.forEach(trade -> applyFill(unit, state.orders().get(order.id()), trade, now));
        }
        if (state.cancelWhenAcknowledged().contains(order.id())) {
            unit.afterCommit(() -> {
                if (state.cancelWhenAcknowledged().remove(order.id())) {
                    Order current = state.orders().find(order.id()).orElse(order);
                    Optional<BrokerGateway> gateway = router.brokerFor(current.account());
                    if (current.status() == OrderStatus.PENDING_CANCEL && gateway.isPresent()) {
                        dispatcher.cancel(gateway.get(), current);
                    }
                }
            });
        }
    }
}
