package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.util.Optional;

/**
 * An order placed at the venue outside OpenOMS (from the broker's own terminal): it carries no
 * correlation tag, so OpenOMS can only adopt it as an external order.
 */
public record ExternalOrder(
        InstrumentId instrument,
        Side side,
        OrderType type,
        Quantity quantity,
        Optional<Price> limitPrice,
        Optional<Price> triggerPrice,
        Product product,
        TimeInForce timeInForce) {
    public ExternalOrder {
        requireNonNull(instrument, "instrument is null");
        requireNonNull(side, "side is null");
        requireNonNull(type, "type is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(limitPrice, "limitPrice is null");
        requireNonNull(triggerPrice, "triggerPrice is null");
        requireNonNull(product, "product is null");
        requireNonNull(timeInForce, "timeInForce is null");
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("quantity must be positive, got " + quantity);
        }
        if (type.requiresLimitPrice() != limitPrice.isPresent()) {
            throw new IllegalArgumentException(
                    type + (type.requiresLimitPrice() ? " needs" : " takes no") + " limit price");
        }
        if (type.requiresTriggerPrice() != triggerPrice.isPresent()) {
            throw new IllegalArgumentException(
                    type + (type.requiresTriggerPrice() ? " needs" : " takes no") + " trigger price");
        }
    }

    /** A DAY market order under {@code CNC}. */
    public static ExternalOrder market(InstrumentId instrument, Side side, Quantity quantity) {
        return new ExternalOrder(
                instrument,
                side,
                OrderType.MARKET,
                quantity,
                Optional.empty(),
                Optional.empty(),
                Product.CNC,
                TimeInForce.DAY);
    }

    /** A DAY limit order under {@code CNC}. */
    public static ExternalOrder limit(InstrumentId instrument, Side side, Quantity quantity, Price limitPrice) {
        return new ExternalOrder(
                instrument,
                side,
                OrderType.LIMIT,
                quantity,
                Optional.of(limitPrice),
                Optional.empty(),
                Product.CNC,
                TimeInForce.DAY);
    }
}
