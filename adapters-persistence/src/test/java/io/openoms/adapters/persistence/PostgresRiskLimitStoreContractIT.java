package io.openoms.adapters.persistence;

import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.testing.contract.RiskLimitStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresRiskLimitStoreContractIT extends RiskLimitStoreContract {
    private OpenedStore store;

    @BeforeEach
    void openEmptyStore() {
        store = OpenedStore.postgres("risk_limit_store");
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
