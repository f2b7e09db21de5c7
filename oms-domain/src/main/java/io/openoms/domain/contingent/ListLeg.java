package io.openoms.domain.contingent;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderRequest;
import java.util.Optional;

/**
 * One order of a list. {@code released} means OpenOMS decided to send it (a submit is due or in
 * flight); {@code orderId} is set once the order exists. A leg that is not released waits for its
 * trigger (an OTO child before its parent fills).
 */
public record ListLeg(
        String key, LegRole role, OrderRequest request, boolean released, Optional<ClientOrderId> orderId) {
    public ListLeg {
        requireNonNull(key, "key is null");
        requireNonNull(role, "role is null");
        requireNonNull(request, "request is null");
        requireNonNull(orderId, "orderId is null");
        if (orderId.isPresent() && !released) {
            throw new IllegalArgumentException("leg " + key + " has an order but was never released");
        }
    }

    static ListLeg released(String key, LegRole role, OrderRequest request) {
        return new ListLeg(key, role, request, true, Optional.empty());
    }

    static ListLeg waiting(String key, LegRole role, OrderRequest request) {
        return new ListLeg(key, role, request, false, Optional.empty());
    }

    /** Released and not yet known as an order: its submit is in flight. */
    public boolean inFlight() {
        return released && orderId.isEmpty();
    }

    ListLeg release() {
        return new ListLeg(key, role, request, true, orderId);
    }

    ListLeg sentAs(ClientOrderId id) {
        return new ListLeg(key, role, request, true, Optional.of(id));
    }
}
