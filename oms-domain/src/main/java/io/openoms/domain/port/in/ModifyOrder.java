package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderModification;

/** Change the quantity, limit price or trigger price of a working order. */
public record ModifyOrder(ClientOrderId orderId, OrderModification modification) {
    public ModifyOrder {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(modification, "modification is null");
    }
}
