package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;

/** Cancel a working order. */
public record CancelOrder(ClientOrderId orderId) {
    public CancelOrder {
        requireNonNull(orderId, "orderId is null");
    }
}
