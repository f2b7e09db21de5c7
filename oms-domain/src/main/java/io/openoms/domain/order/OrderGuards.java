package io.openoms.domain.order;

import io.openoms.domain.order.OrderEvent.OrderAccepted;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.order.OrderEvent.OrderModified;
import io.openoms.domain.order.OrderEvent.OrderModifyRejected;
import io.openoms.domain.order.OrderEvent.OrderModifyRequested;
import io.openoms.domain.order.OrderEvent.OrderOutcomeUnknown;
import io.openoms.domain.order.OrderEvent.OrderRejected;
import io.openoms.domain.value.Quantity;
import java.util.Optional;

/**
 * The guards {@link Order#apply} checks beyond the {@code OrderTransitions} table: why an event, fill
 * or modification does not fit an order's current state. Kept apart so the aggregate reads as state.
 */
final class OrderGuards {
    private OrderGuards() {}

    static Optional<String> guard(Order order, OrderEvent event) {
        if (event instanceof OrderRejected rejected) {
            if (rejected.rejection().source() == RejectionSource.RISK && order.status() != OrderStatus.CREATED) {
                return Optional.of("a risk rejection comes before the order is released");
            }
            if (!order.fills().isEmpty()) {
                return Optional.of("an order with fills cannot be rejected");
            }
        } else if (event instanceof OrderAccepted accepted) {
            if (order.brokerOrderId().isPresent()
                    && !order.brokerOrderId().get().equals(accepted.brokerOrderId())) {
                return Optional.of("broker order id " + accepted.brokerOrderId() + " conflicts with "
                        + order.brokerOrderId().get());
            }
        } else if (event instanceof OrderFilled filled) {
            return fillProblem(order, filled.fill());
        } else if (event instanceof OrderModifyRequested requested) {
            return modificationProblem(order, requested.modification());
        } else if (event instanceof OrderModified modified) {
            if (order.pendingModification().isEmpty()) {
                return Optional.of("no modification is pending");
            }
            Optional<Quantity> newQuantity = modified.modification().quantity();
            if (newQuantity.isPresent() && newQuantity.get().isLessThan(order.filledQuantity())) {
                return Optional.of("new quantity " + newQuantity.get() + " is below the filled quantity "
                        + order.filledQuantity());
            }
        } else if (event instanceof OrderModifyRejected
                && order.pendingModification().isEmpty()) {
            return Optional.of("no modification is pending");
        } else if (event instanceof OrderOutcomeUnknown unknown) {
            return unknownOutcomeProblem(order, unknown.operation());
        }
        return Optional.empty();
    }

    /** Why {@code operation} cannot be in flight in this order's state, or empty when it can. */
    static Optional<String> unknownOutcomeProblem(Order order, UnknownOperation operation) {
        return switch (operation) {
            case SUBMIT -> order.brokerOrderId().isPresent() || !order.fills().isEmpty()
                    ? Optional.of("the broker already acknowledged or filled the order")
                    : Optional.empty();
            case CANCEL -> order.status() == OrderStatus.PENDING_CANCEL
                    ? Optional.empty()
                    : Optional.of("no cancel is pending");
            case MODIFY -> order.pendingModification().isPresent()
                    ? Optional.empty()
                    : Optional.of("no modification is pending");
        };
    }

    /** Why {@code fill} cannot be applied to this order now, or empty when it can. */
    static Optional<String> fillProblem(Order order, Fill fill) {
        if (!OrderTransitions.isAllowed(order.status(), OrderEventType.FILLED)) {
            return Optional.of("order " + order.id() + " takes no fills in state " + order.status());
        }
        if (order.hasFill(fill.tradeId())) {
            return Optional.of("trade " + fill.tradeId() + " is already recorded on order " + order.id());
        }
        Quantity after = order.filledQuantity().plus(fill.quantity());
        if (after.isGreaterThan(order.quantity())) {
            return Optional.of("fill " + fill.tradeId() + " of " + fill.quantity() + " would overfill order "
                    + order.id() + ": " + order.filledQuantity() + " of " + order.quantity() + " already filled");
        }
        return Optional.empty();
    }

    /** Why {@code modification} does not fit this order, or empty when it does. */
    static Optional<String> modificationProblem(Order order, OrderModification modification) {
        if (modification.limitPrice().isPresent() && !order.type().requiresLimitPrice()) {
            return Optional.of("a " + order.type() + " order has no limit price");
        }
        if (modification.triggerPrice().isPresent() && !order.type().requiresTriggerPrice()) {
            return Optional.of("a " + order.type() + " order has no trigger price");
        }
        if (modification.quantity().isPresent()
                && !modification.quantity().get().isGreaterThan(order.filledQuantity())) {
            return Optional.of("new quantity " + modification.quantity().get() + " must be above the filled quantity "
                    + order.filledQuantity());
        }
        boolean changes = modification
                        .quantity()
                        .filter(q -> q.compareTo(order.quantity()) != 0)
                        .isPresent()
                || modification
                        .limitPrice()
                        .filter(p -> !order.limitPrice().equals(Optional.of(p)))
                        .isPresent()
                || modification
                        .triggerPrice()
                        .filter(p -> !order.triggerPrice().equals(Optional.of(p)))
                        .isPresent();
        if (!changes) {
            return Optional.of("the modification changes nothing");
        }
        return Optional.empty();
    }
}
