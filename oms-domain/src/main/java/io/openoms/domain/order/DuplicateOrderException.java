package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

/** An order with this client order id already exists; entering it again would place the same order twice. */
public final class DuplicateOrderException extends IllegalArgumentException {
    private final ClientOrderId orderId;

    public DuplicateOrderException(ClientOrderId orderId) {
        super("order " + requireNonNull(orderId, "orderId is null") + " already exists");
        this.orderId = orderId;
    }

    public ClientOrderId orderId() {
        return orderId;
    }
}
