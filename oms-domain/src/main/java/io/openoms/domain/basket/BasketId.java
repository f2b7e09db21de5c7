package io.openoms.domain.basket;

import io.openoms.domain.value.Identifiers;

/** Our id for a basket, assigned like an order's. */
public record BasketId(String value) {
    public BasketId {
        value = Identifiers.require(value, "basket id");
    }

    public static BasketId of(String value) {
        return new BasketId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
