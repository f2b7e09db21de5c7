package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

/** The order cannot be modified now: its state or a modify lock forbids it, or the request does not fit. */
public final class OrderNotModifiableException extends IllegalStateException {
    private final ClientOrderId orderId;
    private final OrderStatus status;

    public OrderNotModifiableException(ClientOrderId orderId, OrderStatus status, String cause) {
        super("order " + requireNonNull(orderId, "orderId is null") + " in state "
                + requireNonNull(status, "status is null") + " cannot be modified: "
                + requireNonNull(cause, "cause is null"));
        this.orderId = orderId;
        this.status = status;
    }

    public ClientOrderId orderId() {
        return orderId;
    }

    public OrderStatus status() {
        return status;
    }
}
