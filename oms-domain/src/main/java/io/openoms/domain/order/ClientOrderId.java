package io.openoms.domain.order;

import io.openoms.domain.value.Identifiers;

/** Our id for an order: unique and time-sortable, assigned by the {@code IdGenerator} port. */
public record ClientOrderId(String value) {
    public ClientOrderId {
        value = Identifiers.require(value, "client order id");
    }

    public static ClientOrderId of(String value) {
        return new ClientOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
