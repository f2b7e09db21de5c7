package io.openoms.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.openoms.adapters.persistence.Persistence;
import io.openoms.adapters.persistence.PersistenceConfig;
import io.openoms.app.runtime.DatabaseProbe;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PnlSeriesStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.port.out.RiskLimitStore;

/**
 * The persistence adapter for the resolved database (embedded H2 or PostgreSQL; {@code Main} decides
 * from the configuration). The pool is opened, and the schema migrated unless turned off, when the
 * object graph is built; {@code OmsRuntime} closes it at shutdown, after the engine drained.
 */
public final class PersistenceModule extends AbstractModule {
    private final PersistenceConfig config;

    public PersistenceModule(PersistenceConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(PersistenceConfig.class).toInstance(config);
        bind(PersistenceOpening.class).in(Singleton.class);
    }

    /** Opened once by {@link PersistenceOpening}, which also remembers a failure for every dependant. */
    @Provides
    @Singleton
    static Persistence persistence(PersistenceOpening opening) {
        return opening.open();
    }

    @Provides
    static Journal journal(Persistence persistence) {
        return persistence.journal();
    }

    @Provides
    static OrderStore orderStore(Persistence persistence) {
        return persistence.orderStore();
    }

    @Provides
    static PositionStore positionStore(Persistence persistence) {
        return persistence.positionStore();
    }

    @Provides
    static RiskLimitStore riskLimitStore(Persistence persistence) {
        return persistence.riskLimitStore();
    }

    @Provides
    static InstrumentStore instrumentStore(Persistence persistence) {
        return persistence.instrumentStore();
    }

    @Provides
    static InstrumentCatalog instrumentCatalog(Persistence persistence) {
        return persistence.instrumentStore();
    }

    @Provides
    static ReconciliationLog reconciliationLog(Persistence persistence) {
        return persistence.reconciliationLog();
    }

    @Provides
    static PnlSeriesStore pnlSeriesStore(Persistence persistence) {
        return persistence.pnlSeriesStore();
    }

    /** The latest reconciliation finding: one indexed read, enough to prove the database answers. */
    @Provides
    static DatabaseProbe databaseProbe(Persistence persistence) {
        ReconciliationLog log = persistence.reconciliationLog();
        return () -> log.latest(1);
    }
}
