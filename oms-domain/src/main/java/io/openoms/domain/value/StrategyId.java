package io.openoms.domain.value;

/** The strategy that owns an order and its share of a position. */
public record StrategyId(String value) {
    public StrategyId {
        value = Identifiers.require(value, "strategy");
    }

    public static StrategyId of(String value) {
        return new StrategyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
