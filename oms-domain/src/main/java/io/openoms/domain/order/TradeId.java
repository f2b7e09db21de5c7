package io.openoms.domain.order;

import io.openoms.domain.value.Identifiers;

/** The venue's id of one execution; fills are deduplicated by it. */
public record TradeId(String value) {
    public TradeId {
        value = Identifiers.require(value, "trade id");
    }

    public static TradeId of(String value) {
        return new TradeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
