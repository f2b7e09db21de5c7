package io.openoms.integration;

/**
 * The scenarios on PostgreSQL through the real Alpaca adapter and the Alpaca simulator, each scenario
 * in a fresh schema of {@code OMS_TEST_PG_URL}'s database.
 */
class PostgresAlpacaTradingScenariosIT extends TradingScenarios {
    @Override
    protected ScenarioDatabase newDatabase(String name) {
        return ScenarioDatabase.postgres(name);
    }

    @Override
    protected BrokerKind brokerKind() {
        return BrokerKind.ALPACA;
    }
}
