package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

/** The order cannot be cancelled now: its state or a cancel lock forbids it, or the request does not fit. */
public final class OrderNotCancellableException extends IllegalStateException {
    private final ClientOrderId orderId;
    private final OrderStatus status;

    public OrderNotCancellableException(ClientOrderId orderId, OrderStatus status, String cause) {
        super("order " + requireNonNull(orderId, "orderId is null") + " in state "
                + requireNonNull(status, "status is null") + " cannot be cancelled: "
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
