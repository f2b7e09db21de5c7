package io.openoms.app.http;

/** {@link MetricsApiSuite} on the embedded H2 database. */
class MetricsApiIT extends MetricsApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
