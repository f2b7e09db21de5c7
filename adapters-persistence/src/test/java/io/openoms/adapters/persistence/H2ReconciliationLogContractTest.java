package io.openoms.adapters.persistence;

import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.testing.contract.ReconciliationLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2ReconciliationLogContractTest extends ReconciliationLogContract {
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
    protected ReconciliationLog reconciliationLog() {
        return store.persistence().reconciliationLog();
    }

    @Override
    protected void restartStore() {
        store.restart();
    }
}
