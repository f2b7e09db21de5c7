package io.openoms.app.http;

/** {@link BrokerFaultApiSuite} on a fresh PostgreSQL database ({@code OMS_TEST_PG_URL}; see {@link TestDatabase}). */
class BrokerFaultApiPostgresIT extends BrokerFaultApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
