package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Fill;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Instant;

/**
 * An open part of a FIFO or LIFO position: the quantity still open from one fill, at that fill's
 * price. A lot consumed in part keeps its price, time and trade id with the smaller quantity.
 */
public record Lot(Quantity quantity, Price price, Instant openedAt, TradeId tradeId) {
    public Lot {
        requireNonNull(quantity, "quantity is null");
        requireNonNull(price, "price is null");
        requireNonNull(openedAt, "openedAt is null");
        requireNonNull(tradeId, "tradeId is null");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException(
                    "lot of trade " + tradeId + ": quantity must be positive, got " + quantity);
        }
    }

    static Lot of(Fill fill, Quantity quantity) {
        return new Lot(quantity, fill.price(), fill.executedAt(), fill.tradeId());
    }

    /** What this lot cost (long) or brought in (short): price times quantity. */
    public Money cost() {
        return quantity.times(price);
    }

    Lot reducedBy(Quantity consumed) {
        return new Lot(quantity.minus(consumed), price, openedAt, tradeId);
    }
}
