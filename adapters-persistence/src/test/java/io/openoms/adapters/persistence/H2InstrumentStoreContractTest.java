package io.openoms.adapters.persistence;

import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.testing.contract.InstrumentStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2InstrumentStoreContractTest extends InstrumentStoreContract {
    @TempDir
    Path directory;

    private OpenedStore store;

    @BeforeEach
    void openEmptyStore() {
        store = OpenedStore.h2(directory);
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
