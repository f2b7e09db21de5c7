package io.openoms.domain.basket;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderRequest;
import java.util.Optional;

/**
 * One order of a basket: its key (unique in the basket), what to order, and once sent the id of
 * the order that carries it.
 */
public record BasketLeg(String key, OrderRequest request, Optional<ClientOrderId> orderId) {
    public BasketLeg {
        requireNonNull(key, "key is null");
        requireNonNull(request, "request is null");
        requireNonNull(orderId, "orderId is null");
    }

    public boolean isSent() {
        return orderId.isPresent();
    }

    BasketLeg sentAs(ClientOrderId id) {
        if (orderId.isPresent()) {
            throw new IllegalStateException("leg " + key + " was already sent as " + orderId.get());
        }
        return new BasketLeg(key, request, Optional.of(id));
    }
}
