package io.openoms.domain.contingent;

import io.openoms.domain.value.Identifiers;

/** Our id for an order list. */
public record OrderListId(String value) {
    public OrderListId {
        value = Identifiers.require(value, "order list id");
    }

    public static OrderListId of(String value) {
        return new OrderListId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
