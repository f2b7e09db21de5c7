package io.openoms.app.http;

/** {@link CrashRecoverySuite} on a fresh PostgreSQL database ({@code OMS_TEST_PG_URL}; see {@link TestDatabase}). */
class CrashRecoveryPostgresIT extends CrashRecoverySuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
