package io.openoms.adapters.persistence;

import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.testing.contract.InstrumentStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresInstrumentStoreContractIT extends InstrumentStoreContract {
    private OpenedStore store;

    @BeforeEach
    void openEmptyStore() {
        store = OpenedStore.postgres("instrument_store");
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    protected InstrumentStore instrumentStore() {
        return store.persistence().instrumentStore();
    }

    @Override
    protected void restartStore() {
        store.restart();
    }
}
