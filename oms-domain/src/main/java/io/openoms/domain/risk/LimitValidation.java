package io.openoms.domain.risk;

import io.openoms.domain.value.Money;
import java.math.BigDecimal;
import java.util.Optional;

final class LimitValidation {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LimitValidation() {}

    // Limits are validated whenever a record of them is built, which the risk checks do per order:
    // the messages are built only on failure, and no lambda is allocated on the passing path.

    static <T> Optional<T> present(Optional<T> value, String key) {
        if (value == null) {
            throw new NullPointerException(key + " is null");
        }
        return value;
    }

    static Optional<Money> nonNegativeMoney(Optional<Money> value, String key) {
        if (present(value, key).isPresent() && value.get().isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value.get());
        }
        return value;
    }

    static Optional<Integer> nonNegativeCount(Optional<Integer> value, String key) {
        if (present(value, key).isPresent() && value.get() < 0) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value.get());
        }
        return value;
    }

    static Optional<BigDecimal> nonNegative(Optional<BigDecimal> value, String key) {
        if (present(value, key).isPresent() && value.get().signum() < 0) {
            throw new IllegalArgumentException(
                    key + " must not be negative, got " + value.get().toPlainString());
        }
        return value;
    }

    static Optional<BigDecimal> percentOfWhole(Optional<BigDecimal> value, String key) {
        if (nonNegative(value, key).isPresent() && value.get().compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(key + " is a percentage between 0 and 100, got "
                    + value.get().toPlainString());
        }
        return value;
    }
}
