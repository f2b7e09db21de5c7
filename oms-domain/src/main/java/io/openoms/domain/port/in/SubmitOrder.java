package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderRequest;
import java.util.Optional;

/**
 * Submit {@code request}. {@code clientOrderId}, when given, makes the submit idempotent: a second
 * submit with the same id returns the first order. Without it the engine assigns one.
 */
public record SubmitOrder(OrderRequest request, Optional<ClientOrderId> clientOrderId) {
    public SubmitOrder {
        requireNonNull(request, "request is null");
        requireNonNull(clientOrderId, "clientOrderId is null");
    }

    public static SubmitOrder of(OrderRequest request) {
        return new SubmitOrder(request, Optional.empty());
    }
}
