package io.openoms.domain.fees;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.LocalDate;

/**
 * A fill as a fee model needs to see it. Brokerage is charged per executed order, so the model
 * also needs what the order's earlier fills traded and were charged: {@code orderTurnoverBefore}
 * and {@code orderBrokerageBefore} (both zero for an order's first fill).
 */
public record ChargeableFill(
        ChargeSegment segment,
        String exchange,
        Side side,
        Quantity quantity,
        Price price,
        LocalDate tradeDate,
        Money orderTurnoverBefore,
        Money orderBrokerageBefore) {

    public ChargeableFill {
        requireNonNull(segment, "segment is null");
        requireNonNull(exchange, "exchange is null");
        requireNonNull(side, "side is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(price, "price is null");
        requireNonNull(tradeDate, "tradeDate is null");
        requireNonNull(orderTurnoverBefore, "orderTurnoverBefore is null");
        requireNonNull(orderBrokerageBefore, "orderBrokerageBefore is null");
    }

    /** Price × quantity of this fill. */
    public Money turnover() {
        return quantity.times(price);
    }
}
