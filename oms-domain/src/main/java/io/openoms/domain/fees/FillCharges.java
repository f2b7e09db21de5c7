package io.openoms.domain.fees;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** What one fill cost, per contract-note line, each rounded to the paisa. */
public final class FillCharges {
    public static final FillCharges NONE = new FillCharges(new EnumMap<>(Charge.class));

    private final Map<Charge, Money> amounts;

    private FillCharges(EnumMap<Charge, Money> amounts) {
        this.amounts = Collections.unmodifiableMap(amounts);
    }

    /** Charges from their amounts; a line absent from {@code amounts} is zero. */
    public static FillCharges of(Map<Charge, Money> amounts) {
        EnumMap<Charge, Money> copy = new EnumMap<>(Charge.class);
        amounts.forEach((charge, amount) -> {
            requireNonNull(amount, charge + " is null");
            if (amount.isNegative()) {
                throw new IllegalArgumentException(charge + " must not be negative, got " + amount);
            }
            copy.put(charge, amount);
        });
        return new FillCharges(copy);
    }

    public Money amount(Charge charge) {
        return amounts.getOrDefault(charge, Money.ZERO);
    }

    /** Every line, in contract-note order, zeros included. */
    public Map<Charge, Money> lines() {
        EnumMap<Charge, Money> all = new EnumMap<>(Charge.class);
        for (Charge charge : Charge.values()) {
            all.put(charge, amount(charge));
        }
        return all;
    }

    public Money total() {
        Money total = Money.ZERO;
        for (Money amount : amounts.values()) {
            total = total.plus(amount);
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FillCharges that && lines().equals(that.lines());
    }

    @Override
    public int hashCode() {
        return lines().hashCode();
    }

    @Override
    public String toString() {
        return "FillCharges" + amounts + " total " + total();
    }
}
