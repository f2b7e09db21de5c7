package io.openoms.app.http;

/** {@link CrashRecoverySuite} on the embedded H2 database in the app's data directory. */
class CrashRecoveryIT extends CrashRecoverySuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
