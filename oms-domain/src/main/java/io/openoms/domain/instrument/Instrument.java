package io.openoms.domain.instrument;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * What the venue says about an instrument: price grid, lot, the quantity range of one order
 * ({@code maxQuantity} and {@code freezeQuantity} are optional), its currency and its session.
 * The freeze quantity is the exchange's per-order cap above which an order must be sliced.
 */
public record Instrument(
        InstrumentId id,
        BigDecimal tickSize,
        Quantity lotSize,
        Quantity minQuantity,
        Optional<Quantity> maxQuantity,
        Optional<Quantity> freezeQuantity,
        Currency currency,
        TradingSession session) {

    public Instrument {
        requireNonNull(id, "id is null");
        requireNonNull(tickSize, "tickSize is null");
        requireNonNull(lotSize, "lotSize is null");
        requireNonNull(minQuantity, "minQuantity is null");
        requireNonNull(maxQuantity, "maxQuantity is null");
        requireNonNull(freezeQuantity, "freezeQuantity is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(session, "session is null");
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException(id + ": tick size must be positive, got " + tickSize.toPlainString());
        }
        if (!lotSize.isPositive()) {
            throw new IllegalArgumentException(id + ": lot size must be positive, got " + lotSize);
        }
        if (maxQuantity.isPresent() && maxQuantity.get().isLessThan(minQuantity)) {
            throw new IllegalArgumentException(
                    id + ": max quantity " + maxQuantity.get() + " is below min quantity " + minQuantity);
        }
    }

    /** An instrument with the given grid and lot, min one lot, no max or freeze quantity. */
    public static Instrument of(
            InstrumentId id, String tickSize, long lotSize, Currency currency, TradingSession session) {
        Quantity lot = Quantity.of(lotSize);
        return new Instrument(
                id, new BigDecimal(tickSize), lot, lot, Optional.empty(), Optional.empty(), currency, session);
    }

    /**
     * Why {@code quantity} cannot be ordered in one order of this instrument (not a whole number of
     * lots, below the minimum, above the maximum or the freeze quantity), or empty when it can.
     */
    public Optional<String> quantityProblem(Quantity quantity) {
        if (!quantity.isPositive()) {
            return Optional.of("quantity must be positive, got " + quantity);
        }
        if (!quantity.isMultipleOf(lotSize)) {
            return Optional.of("quantity " + quantity + " is not a multiple of the lot size " + lotSize + " of " + id);
        }
        if (quantity.isLessThan(minQuantity)) {
            return Optional.of("quantity " + quantity + " is below the minimum " + minQuantity + " of " + id);
        }
        if (maxQuantity.isPresent() && quantity.isGreaterThan(maxQuantity.get())) {
            return Optional.of("quantity " + quantity + " is above the maximum " + maxQuantity.get() + " of " + id);
        }
        if (freezeQuantity.isPresent() && quantity.isGreaterThan(freezeQuantity.get())) {
            return Optional.of(
                    "quantity " + quantity + " is above the freeze quantity " + freezeQuantity.get() + " of " + id);
        }
        return Optional.empty();
    }

    /** Why {@code price} is not a valid order price for this instrument, or empty when it is. */
    public Optional<String> priceProblem(Price price) {
        if (!price.isPositive()) {
            return Optional.of("price must be positive, got " + price);
        }
        if (!price.isOnTickGrid(tickSize)) {
            return Optional.of(
                    "price " + price + " is not a multiple of the tick size " + tickSize.toPlainString() + " of " + id);
        }
        return Optional.empty();
    }
}
