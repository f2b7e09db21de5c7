package io.openoms.domain.testing;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.InstrumentStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Instruments that a test adds. */
public final class InMemoryInstrumentCatalog implements InstrumentStore {
    private final Map<InstrumentId, Instrument> instruments = new ConcurrentHashMap<>();

    public InMemoryInstrumentCatalog add(Instrument instrument) {
        instruments.put(instrument.id(), instrument);
        return this;
    }

    @Override
    public void saveAll(Collection<Instrument> toSave) {
        toSave.forEach(this::add);
    }

    @Override
    public Optional<Instrument> find(InstrumentId id) {
        return Optional.ofNullable(instruments.get(id));
    }

    @Override
    public Collection<Instrument> all() {
        return List.copyOf(instruments.values());
    }
}
