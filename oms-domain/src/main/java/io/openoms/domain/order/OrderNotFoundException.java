package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import java.util.NoSuchElementException;

/** No order is known under this client order id. */
public final class OrderNotFoundException extends NoSuchElementException {
    private final ClientOrderId orderId;

    public OrderNotFoundException(ClientOrderId orderId) {
        super("order " + requireNonNull(orderId, "orderId is null") + " not found");
        this.orderId = orderId;
    }

    public ClientOrderId orderId() {
        return orderId;
    }
}
