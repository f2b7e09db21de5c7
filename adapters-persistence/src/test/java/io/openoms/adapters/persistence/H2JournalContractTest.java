package io.openoms.adapters.persistence;

import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.testing.contract.JournalContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2JournalContractTest extends JournalContract {
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
    protected Journal journal() {
        return store.persistence().journal();
    }

    @Override
    protected OrderStore orderStore() {
        return store.persistence().orderStore();
    }

    @Override
    protected PositionStore positionStore() {
        return store.persistence().positionStore();
    }

    @Override
    protected void restartStore() {
        store.restart();
    }
}
