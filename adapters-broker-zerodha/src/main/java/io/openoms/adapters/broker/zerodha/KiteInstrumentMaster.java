package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The day's instruments from Kite's CSV, keyed by {@code EXCHANGE:TRADINGSYMBOL} (never by
 * instrument token: exchanges reuse tokens), with Kite's instrument token of each and how many
 * rows were left out (indices, symbols OpenOMS cannot name, exchanges without a configured
 * session, rows without a tick or lot size).
 */
public record KiteInstrumentMaster(
        Map<InstrumentId, Instrument> instruments, Map<InstrumentId, Long> tokens, int skipped) {
    public KiteInstrumentMaster {
        instruments = Map.copyOf(requireNonNull(instruments, "instruments is null"));
        tokens = Map.copyOf(requireNonNull(tokens, "tokens is null"));
        if (skipped < 0) {
            throw new IllegalArgumentException("skipped is negative: " + skipped);
        }
    }

    public Optional<Instrument> find(InstrumentId id) {
        return Optional.ofNullable(instruments.get(id));
    }

    public List<Instrument> all() {
        return List.copyOf(instruments.values());
    }
}
