package io.openoms.domain.order;

import io.openoms.domain.value.Identifiers;

/** The broker's id for an order, kept as text (Kite's are 19-digit numbers that overflow a JavaScript number). */
public record BrokerOrderId(String value) {
    public BrokerOrderId {
        value = Identifiers.require(value, "broker order id");
    }

    public static BrokerOrderId of(String value) {
        return new BrokerOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
