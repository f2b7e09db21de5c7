package io.openoms.app.http;

/** {@link DatabaseOutageApiSuite} on the embedded H2 database. */
class DatabaseOutageApiIT extends DatabaseOutageApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
