package io.openoms.domain.port.in;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import java.util.List;
import java.util.Optional;

/** Reads orders as last made durable. Thread safety: safe from any thread; never blocks the engine. */
public interface OrderQueries {
    Optional<Order> order(ClientOrderId id);

    Optional<Order> orderByBrokerOrderId(BrokerOrderId id);

    OrderPage orders(OrderQuery query);

    /** The order's events in sequence; empty when the order is unknown. */
    List<OrderEvent> history(ClientOrderId id);
}
