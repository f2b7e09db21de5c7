package io.openoms.domain.value;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A non-negative amount of an instrument (shares, contracts, coins), exact. Equal quantities are
 * equal whatever their scale: {@code 10} equals {@code 10.00}.
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        requireNonNull(value, "value is null");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + value.toPlainString());
        }
        value = Decimals.normalize(value);
    }

    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value));
    }

    public static Quantity of(String value) {
        return new Quantity(Decimals.parse(value, "quantity"));
    }

    public static Quantity of(BigDecimal value) {
        return new Quantity(value);
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    /** Throws when the result would be negative; use {@link #min} first when that can happen. */
    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value));
    }

    public Quantity min(Quantity other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Quantity max(Quantity other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isGreaterThan(Quantity other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Quantity other) {
        return compareTo(other) < 0;
    }

    /** True when this quantity is a whole number of {@code lot}s; a zero lot accepts everything. */
    public boolean isMultipleOf(Quantity lot) {
        return lot.isZero() || value.remainder(lot.value).signum() == 0;
    }

    /** The value of this quantity at {@code price}: price times quantity, exact. */
    public Money times(Price price) {
        return Money.of(value.multiply(price.value()));
    }

    /** This quantity with the sign of {@code side}: positive for a buy, negative for a sell. */
    public BigDecimal signed(Side side) {
        return side == Side.BUY ? value : value.negate();
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
