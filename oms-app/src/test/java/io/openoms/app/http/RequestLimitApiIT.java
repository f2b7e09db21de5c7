package io.openoms.app.http;

/** {@link RequestLimitApiSuite} on the embedded H2 database. */
class RequestLimitApiIT extends RequestLimitApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
