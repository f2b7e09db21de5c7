package io.openoms.app.http;

/** {@link DatabaseOutageApiSuite} on a fresh PostgreSQL database ({@code OMS_TEST_PG_URL}; see {@link TestDatabase}). */
class DatabaseOutageApiPostgresIT extends DatabaseOutageApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
