package io.openoms.app.http;

/** {@link OrderApiSuite} on a fresh PostgreSQL database ({@code OMS_TEST_PG_URL}; see {@link TestDatabase}). */
class OrderApiPostgresIT extends OrderApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
