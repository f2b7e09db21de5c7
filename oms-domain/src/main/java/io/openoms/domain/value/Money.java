package io.openoms.domain.value;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A signed amount of money in the account's currency, exact. OpenOMS keeps one currency per
 * account (see docs/adr/0001-money-representation.md), so amounts carry no currency of their own.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        requireNonNull(amount, "amount is null");
        amount = Decimals.normalize(amount);
    }

    public static Money of(String amount) {
        return new Money(Decimals.parse(amount, "amount"));
    }

    public static Money of(long amount) {
        return new Money(BigDecimal.valueOf(amount));
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public Money abs() {
        return new Money(amount.abs());
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    /** {@code percent}% of this amount, e.g. {@code Money.of(200).percent(5)} is 10. */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).movePointLeft(2));
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
