package io.openoms.adapters.persistence;

import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.testing.contract.RiskLimitStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2RiskLimitStoreContractTest extends RiskLimitStoreContract {
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
    protected RiskLimitStore riskLimitStore() {
        return store.persistence().riskLimitStore();
    }

    @Override
    protected void restartStore() {
        store.restart();
    }
}
