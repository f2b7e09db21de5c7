package io.openoms.domain.value;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A price per unit of an instrument, exact. The type admits zero and negative values because
 * some instruments (spreads, a few futures) trade there; whether a price is acceptable for an
 * order is a risk decision ({@code PriceValidityCheck}), not a type rule.
 */
public record Price(BigDecimal value) implements Comparable<Price> {
    public Price {
        requireNonNull(value, "value is null");
        value = Decimals.normalize(value);
    }

    public static Price of(String value) {
        return new Price(Decimals.parse(value, "price"));
    }

    public static Price of(long value) {
        return new Price(BigDecimal.valueOf(value));
    }

    public static Price of(BigDecimal value) {
        return new Price(value);
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    /** True when this price is a whole number of {@code tickSize}s; a zero tick accepts every price. */
    public boolean isOnTickGrid(BigDecimal tickSize) {
        return tickSize.signum() == 0 || value.remainder(tickSize).signum() == 0;
    }

    /** {@code this - other} per unit, exact. */
    public BigDecimal minus(Price other) {
        return value.subtract(other.value);
    }

    public boolean isGreaterThan(Price other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Price other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Price other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
