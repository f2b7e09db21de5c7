package io.openoms.app.http;

/** {@link RestFuzzSuite} on a fresh PostgreSQL database ({@code OMS_TEST_PG_URL}; see {@link TestDatabase}). */
class RestFuzzPostgresIT extends RestFuzzSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
