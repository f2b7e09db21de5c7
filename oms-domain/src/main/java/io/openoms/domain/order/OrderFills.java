package io.openoms.domain.order;

import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Figures derived from an order's fills, kept apart so {@link Order} reads as state and transitions. */
final class OrderFills {
    private OrderFills() {}

    static Quantity filledQuantity(List<Fill> fills) {
        Quantity total = Quantity.ZERO;
        for (Fill fill : fills) {
            total = total.plus(fill.quantity());
        }
        return total;
    }

    /** The volume-weighted average price of {@code fills}, or empty before the first fill. */
    static Optional<Price> averageFillPrice(List<Fill> fills, Quantity filledQuantity) {
        if (fills.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal notional = BigDecimal.ZERO;
        for (Fill fill : fills) {
            notional = notional.add(fill.notional().amount());
        }
        return Optional.of(Price.of(notional.divide(filledQuantity.value(), DecimalPrecision.DIVISION)));
    }

    static Money totalFees(List<Fill> fills) {
        Money total = Money.ZERO;
        for (Fill fill : fills) {
            total = total.plus(fill.fee());
        }
        return total;
    }
}
