package io.openoms.adapters.persistence;

class PostgresJournalAndStoresIT extends JournalAndStoresContract {
    @Override
    PersistenceConfig freshDatabase() {
        return TestDatabases.postgresFreshSchema("stores");
    }

    @Override
    void dropDatabase(PersistenceConfig config) {
        if (config != null) {
            TestDatabases.dropSchemaOf(config);
        }
    }
}
