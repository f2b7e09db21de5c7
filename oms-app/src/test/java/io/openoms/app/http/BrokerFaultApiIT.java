package io.openoms.app.http;

/** {@link BrokerFaultApiSuite} on the embedded H2 database. */
class BrokerFaultApiIT extends BrokerFaultApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
