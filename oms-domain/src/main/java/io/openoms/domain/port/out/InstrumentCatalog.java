package io.openoms.domain.port.out;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import java.util.Collection;
import java.util.Optional;

/**
 * Instrument master data (tick and lot size, quantity limits, session), e.g. from the broker's
 * daily instruments file.
 *
 * <p>Thread safety: safe to call from any thread; answers from memory.
 */
public interface InstrumentCatalog {
    Optional<Instrument> find(InstrumentId id);

    Collection<Instrument> all();
}
