package io.openoms.domain.port.out;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import java.util.List;
import java.util.Optional;

/**
 * The current state of every order, as last made durable by the {@link Journal}. Read-only: orders
 * are written only through {@link Journal#append}, so state and events cannot disagree.
 *
 * <p>Thread safety: safe for concurrent readers. A read reflects every batch whose append
 * completed before the read began.
 */
public interface OrderStore {
    Optional<Order> findById(ClientOrderId id);

    Optional<Order> findByBrokerOrderId(BrokerOrderId id);

    /** Every order that is not in a terminal state, for recovery and monitoring; oldest first. */
    List<Order> findOpenOrders();

    /** Orders matching {@code query}, newest first, one page at a time. */
    OrderPage find(OrderQuery query);
}
