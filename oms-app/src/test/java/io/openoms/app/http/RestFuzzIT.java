package io.openoms.app.http;

/** {@link RestFuzzSuite} on the embedded H2 database. */
class RestFuzzIT extends RestFuzzSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
