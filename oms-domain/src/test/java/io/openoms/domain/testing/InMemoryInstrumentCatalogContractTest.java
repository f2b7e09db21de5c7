package io.openoms.domain.testing;

import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.testing.contract.InstrumentStoreContract;

class InMemoryInstrumentCatalogContractTest extends InstrumentStoreContract {
    private final InMemoryInstrumentCatalog store = new InMemoryInstrumentCatalog();

    @Override
    protected InstrumentStore instrumentStore() {
        return store;
    }

    @Override
    protected void restartStore() {}
}
