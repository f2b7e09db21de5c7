package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.util.Optional;

/**
 * A change to a working order: a new total quantity (including what is already filled), a new
 * limit price, a new trigger price; at least one of them. Whether it fits the order (its type, its
 * filled quantity) is decided by {@link OrderManager#requestModify}.
 */
public record OrderModification(Optional<Quantity> quantity, Optional<Price> limitPrice, Optional<Price> triggerPrice) {
    public OrderModification {
        requireNonNull(quantity, "quantity is null");
        requireNonNull(limitPrice, "limitPrice is null");
        requireNonNull(triggerPrice, "triggerPrice is null");
        if (quantity.isEmpty() && limitPrice.isEmpty() && triggerPrice.isEmpty()) {
            throw new IllegalArgumentException(
                    "a modification changes the quantity, the limit price or the trigger price");
        }
        if (quantity.isPresent() && !quantity.get().isPositive()) {
            throw new IllegalArgumentException("modified quantity must be positive, got " + quantity.get());
        }
    }

    public static OrderModification quantity(Quantity quantity) {
        return new OrderModification(Optional.of(quantity), Optional.empty(), Optional.empty());
    }

    public static OrderModification limitPrice(Price limitPrice) {
        return new OrderModification(Optional.empty(), Optional.of(limitPrice), Optional.empty());
    }

    public static OrderModification triggerPrice(Price triggerPrice) {
        return new OrderModification(Optional.empty(), Optional.empty(), Optional.of(triggerPrice));
    }
}
