package io.openoms.domain.instrument;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Price;

/**
 * The day's price band an exchange lets an instrument trade in (Kite's {@code lower_circuit_limit}
 * and {@code upper_circuit_limit}), bounds included. The exchange refuses orders priced outside it.
 */
public record CircuitLimits(Price lower, Price upper) {
    public CircuitLimits {
        requireNonNull(lower, "lower is null");
        requireNonNull(upper, "upper is null");
        if (lower.value().compareTo(upper.value()) > 0) {
            throw new IllegalArgumentException("lower circuit limit " + lower + " is above the upper " + upper);
        }
    }

    public static CircuitLimits of(String lower, String upper) {
        return new CircuitLimits(Price.of(lower), Price.of(upper));
    }

    public boolean contains(Price price) {
        return price.value().compareTo(lower.value()) >= 0 && price.value().compareTo(upper.value()) <= 0;
    }

    @Override
    public String toString() {
        return lower + " to " + upper;
    }
}
