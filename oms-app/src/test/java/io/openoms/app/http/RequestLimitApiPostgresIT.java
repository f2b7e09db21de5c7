package io.openoms.app.http;

/** {@link RequestLimitApiSuite} on a fresh PostgreSQL database ({@code OMS_TEST_PG_URL}; see {@link TestDatabase}). */
class RequestLimitApiPostgresIT extends RequestLimitApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
