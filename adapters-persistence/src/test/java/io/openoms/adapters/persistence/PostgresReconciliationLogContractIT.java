package io.openoms.adapters.persistence;

import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.testing.contract.ReconciliationLogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresReconciliationLogContractIT extends ReconciliationLogContract {
    private OpenedStore store;

    @BeforeEach
    void openEmptyStore() {
        store = OpenedStore.postgres("reconciliation_log");
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
