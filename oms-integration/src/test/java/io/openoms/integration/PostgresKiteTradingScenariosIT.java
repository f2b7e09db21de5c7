package io.openoms.integration;

/**
 * The scenarios on PostgreSQL through the real Kite adapter and the Kite simulator: the production
 * pairing of database and broker, each scenario in a fresh schema of {@code OMS_TEST_PG_URL}'s database.
 */
class PostgresKiteTradingScenariosIT extends TradingScenarios {
    @Override
    protected ScenarioDatabase newDatabase(String name) {
        return ScenarioDatabase.postgres(name);
    }

    @Override
    protected BrokerKind brokerKind() {
        return BrokerKind.KITE;
    }
}
