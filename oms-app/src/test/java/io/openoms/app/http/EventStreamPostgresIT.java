package io.openoms.app.http;

/** {@link EventStreamSuite} on a fresh PostgreSQL database ({@code OMS_TEST_PG_URL}; see {@link TestDatabase}). */
class EventStreamPostgresIT extends EventStreamSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
