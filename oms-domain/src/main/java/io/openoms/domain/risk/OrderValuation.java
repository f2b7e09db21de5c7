package io.openoms.domain.risk;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.util.Optional;

/**
 * The price at which the risk checks value an order: the limit price of a {@code LIMIT} or
 * {@code STOP_LIMIT} order; for a {@code STOP} (stop-market) order the trigger price, or the last
 * price when that is further from zero; the last price for a {@code MARKET} order. Empty when the
 * order has no price of its own and no last price is known: checks that need a value then fail.
 */
public final class OrderValuation {
    private OrderValuation() {}

    public static Optional<Price> price(OrderRequest request, RiskContext context) {
        if (request.limitPrice().isPresent()) {
            return request.limitPrice();
        }
        Optional<Price> last = context.lastPrice(request.instrument());
        if (request.triggerPrice().isPresent()) {
            Price trigger = request.triggerPrice().get();
            return Optional.of(
                    last.filter(l -> l.value().abs().compareTo(trigger.value().abs()) > 0)
                            .orElse(trigger));
        }
        return last;
    }

    /** {@code quantity × |price|} at {@link #price}, or empty when there is no price. */
    public static Optional<Money> notional(OrderRequest request, RiskContext context) {
        return price(request, context)
                .map(price -> request.quantity().times(price).abs());
    }

    /**
     * The notional a working order holds, as {@link RiskContext#openOrderNotional} sums it: remaining
     * quantity × |limit price|, or × |{@code lastPrice}| for an order without a limit price, or ×
     * |trigger price| when no last price is known; empty when there is no price at all.
     */
    public static Optional<Money> workingNotional(Order order, Optional<Price> lastPrice) {
        return order.limitPrice().or(() -> lastPrice).or(order::triggerPrice).map(price -> order.remainingQuantity()
                .times(price)
                .abs());
    }

    /** The reason a check gives when it needs a price and there is none. */
    public static String noPriceReason(OrderRequest request, String limitKey) {
        return "cannot check " + limitKey + ": " + request.type() + " order in " + request.instrument()
                + " has no price and no last price is known";
    }
}
