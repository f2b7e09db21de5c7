package io.openoms.app.http;

/** {@link OrderApiSuite} on the embedded H2 database. */
class OrderApiIT extends OrderApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
