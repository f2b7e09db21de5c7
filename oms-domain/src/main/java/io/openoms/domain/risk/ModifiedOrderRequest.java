package io.openoms.domain.risk;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.util.Optional;

/**
 * A working order as it would stand after a modification, as the request the pre-trade checks see:
 * what it would have left to fill (the new total quantity less the filled quantity), at the new
 * prices, with everything else the order's own. The filled part is already in the position, so
 * counting it again would refuse modifications that add no risk.
 */
final class ModifiedOrderRequest {
    private ModifiedOrderRequest() {}

    static OrderRequest of(Order order, OrderModification modification) {
        Quantity remaining = modification.quantity().orElse(order.quantity()).minus(order.filledQuantity());
        if (!remaining.isPositive()) {
            throw new IllegalArgumentException("order " + order.id() + " would have nothing left to fill");
        }
        return new OrderRequest(
                order.account(),
                order.strategy(),
                order.instrument(),
                order.side(),
                order.type(),
                remaining,
                modification.limitPrice().or(order::limitPrice),
                modification.triggerPrice().or(order::triggerPrice),
                order.timeInForce(),
                // A DAY order carries its session close as expiry; a request may only name one under GTD.
                order.timeInForce() == TimeInForce.GTD ? order.expiresAt() : Optional.empty(),
                Optional.empty(),
                order.product(),
                order.tag(),
                order.parentOrderId(),
                order.reduceOnly(),
                order.stopLoss(),
                order.takeProfit());
    }

    /** True when the modification lowers the quantity and changes no price: it can only take risk away. */
    static boolean onlyReducesRisk(Order order, OrderModification modification) {
        return modification
                        .quantity()
                        .filter(q -> q.isLessThan(order.quantity()))
                        .isPresent()
                && unchangedOrAbsent(modification.limitPrice(), order.limitPrice())
                && unchangedOrAbsent(modification.triggerPrice(), order.triggerPrice());
    }

    private static boolean unchangedOrAbsent(Optional<Price> changed, Optional<Price> current) {
        return changed.isEmpty() || changed.equals(current);
    }
}
