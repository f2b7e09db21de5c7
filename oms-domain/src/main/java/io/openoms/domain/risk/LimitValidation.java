package io.openoms.domain.risk;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;
import java.math.BigDecimal;
import java.util.Optional;

final class LimitValidation {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LimitValidation() {}

    static <T> Optional<T> present(Optional<T> value, String key) {
        return requireNonNull(value, key + " is null");
    }

    static Optional<Money> nonNegativeMoney(Optional<Money> value, String key) {
        present(value, key).ifPresent(money -> {
            if (money.isNegative()) {
                throw new IllegalArgumentException(key + " must not be negative, got " + money);
            }
        });
        return value;
    }

    static Optional<Integer> nonNegativeCount(Optional<Integer> value, String key) {
        present(value, key).ifPresent(count -> {
            if (count < 0) {
                throw new IllegalArgumentException(key + " must not be negative, got " + count);
            }
        });
        return value;
    }

    static Optional<BigDecimal> nonNegative(Optional<BigDecimal> value, String key) {
        present(value, key).ifPresent(number -> {
            if (number.signum() < 0) {
                throw new IllegalArgumentException(key + " must not be negative, got " + number.toPlainString());
            }
        });
        return value;
    }

    static Optional<BigDecimal> percentOfWhole(Optional<BigDecimal> value, String key) {
        nonNegative(value, key).ifPresent(percent -> {
            if (percent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException(
                        key + " is a percentage between 0 and 100, got " + percent.toPlainString());
            }
        });
        return value;
    }
}
