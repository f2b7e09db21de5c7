package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Instant;
import java.util.Optional;

/**
 * One execution of (part of) an order, as reported by the venue. The trade id is unique per
 * broker; a fill reported twice under the same trade id is the same fill. The fee is what this
 * execution cost (brokerage, taxes), a non-negative amount.
 */
public record Fill(
        TradeId tradeId,
        Quantity quantity,
        Price price,
        Money fee,
        Instant executedAt,
        Optional<LiquiditySide> liquidity) {

    public Fill {
        requireNonNull(tradeId, "tradeId is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(price, "price is null");
        requireNonNull(fee, "fee is null");
        requireNonNull(executedAt, "executedAt is null");
        requireNonNull(liquidity, "liquidity is null");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("fill " + tradeId + ": quantity must be positive, got " + quantity);
        }
        if (fee.isNegative()) {
            throw new IllegalArgumentException("fill " + tradeId + ": fee must not be negative, got " + fee);
        }
    }

    public static Fill of(String tradeId, long quantity, String price, String fee, Instant executedAt) {
        return new Fill(
                TradeId.of(tradeId),
                Quantity.of(quantity),
                Price.of(price),
                Money.of(fee),
                executedAt,
                Optional.empty());
    }

    /** Price times quantity, before fees. */
    public Money notional() {
        return quantity.times(price);
    }
}
