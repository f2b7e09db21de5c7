package io.openoms.application.engine;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderStatus;
import java.time.Instant;
import java.util.List;

/**
 * How an open order the broker does not know is closed. It cannot fill there, so it must stop
 * counting as open (open orders, buying power). An order whose cancel was asked for — still pending,
 * or refused by the broker because it did not find the order — is {@code CANCELLED} (or {@code
 * EXPIRED} when the cancel was its expiry): that is what its owner asked for. Any other order is
 * {@code ERROR} with the reason, since nobody asked for it to end.
 */
final class NotKnownAtBroker {
    private NotKnownAtBroker() {}

    /** The events that close {@code order}; it must be open. */
    static List<OrderEvent> close(OrderManager orders, Order order, boolean expiring, String reason, Instant now) {
        if (!cancelAsked(order)) {
            return orders.error(order.id(), reason, now);
        }
        return expiring ? orders.expire(order.id(), now) : orders.confirmCancel(order.id(), now);
    }

    static boolean cancelAsked(Order order) {
        return order.status() == OrderStatus.PENDING_CANCEL
                || order.lastCancelRejection().isPresent();
    }
}
