package io.openoms.app.http;

/** {@link PortfolioAndRiskApiSuite} on the embedded H2 database. */
class PortfolioAndRiskApiIT extends PortfolioAndRiskApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
