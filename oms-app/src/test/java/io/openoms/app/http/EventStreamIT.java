package io.openoms.app.http;

/** {@link EventStreamSuite} on the embedded H2 database. */
class EventStreamIT extends EventStreamSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
