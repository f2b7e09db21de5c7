package io.openoms.domain.testing;

import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.testing.contract.ReconciliationLogContract;

class InMemoryReconciliationLogContractTest extends ReconciliationLogContract {
    private final InMemoryReconciliationLog store = new InMemoryReconciliationLog();

    @Override
    protected ReconciliationLog reconciliationLog() {
        return store;
    }

    @Override
    protected void restartStore() {}
}
