package io.openoms.app.http;

/** {@link PortfolioAndRiskApiSuite} on a fresh PostgreSQL database ({@code OMS_TEST_PG_URL}; see {@link TestDatabase}). */
class PortfolioAndRiskApiPostgresIT extends PortfolioAndRiskApiSuite {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
