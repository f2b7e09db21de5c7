package io.openoms.domain.port.out;

import io.openoms.domain.instrument.Instrument;
import java.util.Collection;

/**
 * An {@link InstrumentCatalog} that can be refreshed, e.g. from the broker's daily instruments
 * file. {@link #saveAll} replaces the stored definition of every instrument it names and is
 * durable when it returns; instruments it does not name are kept.
 */
public interface InstrumentStore extends InstrumentCatalog {
    void saveAll(Collection<Instrument> instruments);
}
