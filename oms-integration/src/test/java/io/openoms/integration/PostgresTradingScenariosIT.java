package io.openoms.integration;

/** The scenarios on PostgreSQL, each in a fresh schema of {@code OMS_TEST_PG_URL}'s database. */
class PostgresTradingScenariosIT extends TradingScenarios {
    @Override
    protected ScenarioDatabase newDatabase(String name) {
        return ScenarioDatabase.postgres(name);
    }
}
