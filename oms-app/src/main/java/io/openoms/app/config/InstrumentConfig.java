package io.openoms.app.config;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * One tradable instrument, as data: written to the instrument store at start-up (replacing the stored
 * definition of the same id) and listed on the simulated venue.
 *
 * @param id {@code instruments[].id}, {@code EXCHANGE:SYMBOL}
 * @param tickSize {@code tick-size} (default 0.05)
 * @param lotSize {@code lot-size} (default 1)
 * @param maxQuantity {@code max-quantity}: largest single order, if any
 * @param freezeQuantity {@code freeze-quantity}: the exchange's per-order cap, if any
 * @param currency {@code currency} (ISO 4217, default INR)
 * @param price {@code price}: the simulated venue's opening price (the venue's default when absent)
 */
public record InstrumentConfig(
        String id,
        BigDecimal tickSize,
        BigDecimal lotSize,
        Optional<BigDecimal> maxQuantity,
        Optional<BigDecimal> freezeQuantity,
        String currency,
        Optional<BigDecimal> price) {
    public InstrumentConfig {
        if (id == null) {
            throw new IllegalArgumentException("id: is required (EXCHANGE:SYMBOL, e.g. NSE:INFY)");
        }
        try {
            InstrumentId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id: " + e.getMessage(), e);
        }
        positive("tick-size", tickSize);
        positive("lot-size", lotSize);
        maxQuantity = optionalPositive("max-quantity", maxQuantity);
        freezeQuantity = optionalPositive("freeze-quantity", freezeQuantity);
        price = optionalPositive("price", price);
        try {
            Currency.getInstance(currency == null ? "" : currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "currency: must be an ISO 4217 code such as INR, got '" + currency + "'");
        }
    }

    public static InstrumentConfig equity(String id, String price) {
        return new InstrumentConfig(
                id,
                new BigDecimal("0.05"),
                BigDecimal.ONE,
                Optional.empty(),
                Optional.empty(),
                "INR",
                Optional.of(new BigDecimal(price)));
    }

    public InstrumentId instrumentId() {
        return InstrumentId.parse(id);
    }

    public Optional<Price> openingPrice() {
        return price.map(Price::of);
    }

    public Instrument toInstrument(TradingSession session) {
        Quantity lot = Quantity.of(lotSize);
        return new Instrument(
                instrumentId(),
                tickSize,
                lot,
                lot,
                maxQuantity.map(Quantity::of),
                freezeQuantity.map(Quantity::of),
                Currency.getInstance(currency),
                session);
    }

    private static void positive(String key, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(key + ": must be a positive number, got " + plain(value));
        }
    }

    private static Optional<BigDecimal> optionalPositive(String key, Optional<BigDecimal> value) {
        Optional<BigDecimal> present = value == null ? Optional.empty() : value;
        present.ifPresent(v -> positive(key, v));
        return present;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "nothing" : value.toPlainString();
    }
}
