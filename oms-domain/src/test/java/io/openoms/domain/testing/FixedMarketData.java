package io.openoms.domain.testing;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.value.Price;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Last prices and circuit limits that a test sets. */
public final class FixedMarketData implements MarketData {
    private final Map<InstrumentId, Price> lastPrices = new ConcurrentHashMap<>();
    private final Map<InstrumentId, CircuitLimits> circuitLimits = new ConcurrentHashMap<>();

    public FixedMarketData setLastPrice(InstrumentId instrument, Price price) {
        lastPrices.put(instrument, price);
        return this;
    }

    public FixedMarketData setCircuitLimits(InstrumentId instrument, CircuitLimits limits) {
        circuitLimits.put(instrument, limits);
        return this;
    }

    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        return Optional.ofNullable(lastPrices.get(instrument));
    }

    @Override
    public Optional<CircuitLimits> circuitLimits(InstrumentId instrument) {
        return Optional.ofNullable(circuitLimits.get(instrument));
    }
}
