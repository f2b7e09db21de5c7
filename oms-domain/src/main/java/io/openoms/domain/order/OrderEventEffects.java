package io.openoms.domain.order;

import io.openoms.domain.order.OrderEvent.OrderAccepted;
import io.openoms.domain.order.OrderEvent.OrderCancelRejected;
import io.openoms.domain.order.OrderEvent.OrderErrored;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.order.OrderEvent.OrderLocked;
import io.openoms.domain.order.OrderEvent.OrderModified;
import io.openoms.domain.order.OrderEvent.OrderModifyRejected;
import io.openoms.domain.order.OrderEvent.OrderModifyRequested;
import io.openoms.domain.order.OrderEvent.OrderOutcomeUnknown;
import io.openoms.domain.order.OrderEvent.OrderRejected;
import io.openoms.domain.value.Quantity;
import java.util.Optional;

/**
 * What an allowed event does to an {@link OrderDraft}: the data it records and the status move of its
 * {@code OrderTransitions} effect. Kept apart from {@link Order} so the aggregate reads as state.
 */
final class OrderEventEffects {
    private OrderEventEffects() {}

    /**
     * True when {@code event}, leading to {@code status}, is the definitive answer to an unknown
     * {@code operation}. A terminal order has nothing in flight.
     */
    static boolean answers(UnknownOperation operation, OrderEventType event, OrderStatus status) {
        if (status.isTerminal()) {
            return true;
        }
        return switch (operation) {
            case SUBMIT -> switch (event) {
                case ACCEPTED, REJECTED, ERRORED, FILLED, CANCELLED, EXPIRED -> true;
                default -> false;
            };
            case CANCEL -> event == OrderEventType.CANCELLED
                    || event == OrderEventType.CANCEL_REJECTED
                    || event == OrderEventType.EXPIRED;
            case MODIFY -> event == OrderEventType.MODIFIED
                    || event == OrderEventType.MODIFY_REJECTED
                    || event == OrderEventType.CANCELLED;
        };
    }

    static void record(OrderEvent event, OrderDraft d) {
        if (event instanceof OrderAccepted accepted) {
            d.brokerOrderId = Optional.of(accepted.brokerOrderId());
        } else if (event instanceof OrderRejected rejected) {
            d.rejection = Optional.of(rejected.rejection());
        } else if (event instanceof OrderFilled filled) {
            d.fills.add(filled.fill());
        } else if (event instanceof OrderCancelRejected rejected) {
            d.lastCancelRejection = Optional.of(rejected.reason());
        } else if (event instanceof OrderModifyRequested requested) {
            d.pendingModification = Optional.of(requested.modification());
            d.modificationCount++;
        } else if (event instanceof OrderModified modified) {
            OrderModification change = modified.modification();
            d.quantity = change.quantity().orElse(d.quantity);
            d.limitPrice = change.limitPrice().or(() -> d.limitPrice);
            d.triggerPrice = change.triggerPrice().or(() -> d.triggerPrice);
            d.pendingModification = Optional.empty();
        } else if (event instanceof OrderModifyRejected rejected) {
            d.lastModifyRejection = Optional.of(rejected.reason());
            d.pendingModification = Optional.empty();
        } else if (event instanceof OrderErrored errored) {
            d.errorReason = Optional.of(errored.reason());
        } else if (event instanceof OrderLocked locked) {
            switch (locked.lock()) {
                case CANCEL -> d.cancelLockedUntil = Optional.of(locked.until());
                case MODIFY -> d.modifyLockedUntil = Optional.of(locked.until());
            }
        } else if (event instanceof OrderOutcomeUnknown unknown) {
            // An unknown submit is never replaced: whether the order exists at all is the first
            // question. The first unknown of an operation keeps its time; another operation's replaces it.
            Optional<UnknownOperation> current = d.outcomeUnknown.map(UnknownOutcome::operation);
            if (current.isEmpty()
                    || (current.get() != UnknownOperation.SUBMIT && current.get() != unknown.operation())) {
                d.outcomeUnknown =
                        Optional.of(new UnknownOutcome(unknown.operation(), unknown.reason(), unknown.occurredAt()));
            }
        }
    }

    static void moveTo(OrderDraft d, OrderStatus target) {
        if (target.isPending()) {
            // From PENDING_MODIFY to PENDING_CANCEL the state to return to stays the working state.
            if (!d.status.isPending()) {
                d.previousStatus = Optional.of(d.status);
            }
        } else {
            d.previousStatus = Optional.empty();
        }
        if (target.isTerminal()) {
            d.pendingModification = Optional.empty();
        }
        d.status = target;
    }

    static void afterFill(OrderDraft d) {
        Quantity filled = OrderFills.filledQuantity(d.fills);
        // While an increase of the quantity is pending, the broker may already trade the new quantity:
        // a fill that completes the old one leaves the order pending, and the modify's answer decides.
        boolean increasePending = d.pendingModification
                .flatMap(OrderModification::quantity)
                .filter(q -> q.isGreaterThan(filled))
                .isPresent();
        if (filled.compareTo(d.quantity) >= 0 && !increasePending) {
            moveTo(d, OrderStatus.FILLED);
        } else if (d.status.isPending()) {
            d.previousStatus = Optional.of(OrderStatus.PARTIALLY_FILLED);
        } else {
            d.status = OrderStatus.PARTIALLY_FILLED;
        }
    }

    static void resume(OrderDraft d, OrderEventType answered) {
        // A modification down to exactly the filled quantity completes the order.
        if (!OrderFills.filledQuantity(d.fills).isLessThan(d.quantity)) {
            moveTo(d, OrderStatus.FILLED);
            return;
        }
        if (answered != OrderEventType.CANCEL_REJECTED && d.status == OrderStatus.PENDING_CANCEL) {
            return; // a modify answer while the cancel is still pending
        }
        if (answered == OrderEventType.CANCEL_REJECTED && d.pendingModification.isPresent()) {
            d.status = OrderStatus.PENDING_MODIFY;
            return;
        }
        OrderStatus back = d.previousStatus.orElseThrow();
        d.previousStatus = Optional.empty();
        d.status = back;
    }

    static void keep(OrderDraft d, OrderEventType event) {
        if (!d.status.isPending() || d.previousStatus.isEmpty()) {
            return;
        }
        OrderStatus working = d.previousStatus.get();
        if (event == OrderEventType.SUBMITTED && working == OrderStatus.PENDING_SUBMISSION) {
            d.previousStatus = Optional.of(OrderStatus.SUBMITTED);
        } else if (event == OrderEventType.ACCEPTED
                && (working == OrderStatus.PENDING_SUBMISSION || working == OrderStatus.SUBMITTED)) {
            d.previousStatus = Optional.of(OrderStatus.ACCEPTED);
        }
    }
}
