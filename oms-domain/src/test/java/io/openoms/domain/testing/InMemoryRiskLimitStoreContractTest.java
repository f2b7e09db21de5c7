package io.openoms.domain.testing;

import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.testing.contract.RiskLimitStoreContract;

class InMemoryRiskLimitStoreContractTest extends RiskLimitStoreContract {
    private final InMemoryRiskLimitStore store = new InMemoryRiskLimitStore();

    @Override
    protected RiskLimitStore riskLimitStore() {
        return store;
    }

    @Override
    protected void restartStore() {}
}
