package io.openoms.adapters.persistence;

class PostgresPersistenceAdapterIT extends PersistenceAdapterContract {
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
