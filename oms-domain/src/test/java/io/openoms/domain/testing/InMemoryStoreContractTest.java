package io.openoms.domain.testing;

import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.testing.contract.JournalContract;
import java.time.Instant;

class InMemoryStoreContractTest extends JournalContract {
    private final InMemoryStore store = new InMemoryStore(() -> Instant.parse("2024-03-04T04:30:00Z"));

    @Override
    protected Journal journal() {
        return store;
    }

    @Override
    protected OrderStore orderStore() {
        return store;
    }

    @Override
    protected PositionStore positionStore() {
        return store;
    }

    @Override
    protected void restartStore() {}
}
