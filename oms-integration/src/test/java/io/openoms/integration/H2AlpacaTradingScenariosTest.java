package io.openoms.integration;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios on H2 through the real Alpaca adapter: orders over HTTP to the Alpaca simulator,
 * {@code trade_updates} back over its WebSocket, the simulator running over the same kind of venue as
 * the mock's.
 */
class H2AlpacaTradingScenariosTest extends TradingScenarios {
    @TempDir
    static Path directory;

    @Override
    protected ScenarioDatabase newDatabase(String name) {
        return ScenarioDatabase.h2Networked(directory.resolve(name));
    }

    @Override
    protected BrokerKind brokerKind() {
        return BrokerKind.ALPACA;
    }
}
