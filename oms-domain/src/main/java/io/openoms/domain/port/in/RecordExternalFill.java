package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Instant;
import java.util.Optional;

/**
 * A fill from outside OpenOMS (a drop copy, a trade done by hand, an account manager) for order {@code
 * orderId}: {@code quantity} at {@code price}, executed at {@code executedAt} (default: when recorded),
 * with {@code fee} (default none). {@code tradeId} makes it idempotent: a fill with a trade id the
 * order already has is not recorded twice.
 */
public record RecordExternalFill(
        ClientOrderId orderId,
        TradeId tradeId,
        Quantity quantity,
        Price price,
        Optional<Instant> executedAt,
        Optional<Money> fee) {
    public RecordExternalFill {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(tradeId, "tradeId is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(price, "price is null");
        requireNonNull(executedAt, "executedAt is null");
        requireNonNull(fee, "fee is null");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("quantity: must be positive, got " + quantity);
        }
    }
}
