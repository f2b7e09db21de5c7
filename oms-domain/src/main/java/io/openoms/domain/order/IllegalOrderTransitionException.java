package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** An event that the order's state does not allow; the order is left as it was. */
public final class IllegalOrderTransitionException extends IllegalStateException {
    private final ClientOrderId orderId;
    private final OrderStatus status;
    private final OrderEventType eventType;

    public IllegalOrderTransitionException(
            ClientOrderId orderId, OrderStatus status, OrderEventType eventType, Optional<String> detail) {
        super("order " + requireNonNull(orderId, "orderId is null") + " in state "
                + requireNonNull(status, "status is null") + " cannot take "
                + requireNonNull(eventType, "eventType is null").typeName()
                + requireNonNull(detail, "detail is null").map(d -> ": " + d).orElse(""));
        this.orderId = orderId;
        this.status = status;
        this.eventType = eventType;
    }

    public ClientOrderId orderId() {
        return orderId;
    }

    public OrderStatus status() {
        return status;
    }

    public OrderEventType eventType() {
        return eventType;
    }
}
