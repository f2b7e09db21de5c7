package io.openoms.domain.port.out;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Price;
import java.util.Optional;

/**
 * Last traded prices, for risk checks (price band, notional of market orders) and marks, and
 * the exchange's circuit limits where the source has them.
 *
 * <p>Thread safety: safe to call from any thread. Must not block on the network: an
 * implementation answers from its latest known value, empty when it has none.
 */
public interface MarketData {
    Optional<Price> lastPrice(InstrumentId instrument);

    /** The day's circuit band of {@code instrument}, or empty when this source does not know it. */
    default Optional<CircuitLimits> circuitLimits(InstrumentId instrument) {
        return Optional.empty();
    }
}
