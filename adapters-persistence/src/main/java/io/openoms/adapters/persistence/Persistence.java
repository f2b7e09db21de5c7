package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PnlSeriesStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.port.out.RiskLimitStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence adapter's entry point: opens the connection pool, migrates the schema (unless
 * {@link PersistenceConfig#migrateOnStart()} is off), and hands out the stores and the journal.
 * {@link #close()} drains the journal (every append already made is committed or failed), stops
 * the projector and then closes the pool.
 *
 * <p>The journal is append-only; the {@code orders} and {@code positions} tables the stores query
 * are projections of it, kept up to date by a {@link JournalProjector}, caught up when the adapter
 * opens (healing a crash between a commit and its projection) and before every store read that
 * uses them (so a read reflects every append completed before it).
 *
 * <p>Every store is safe for concurrent readers; the journal has one writer (the engine).
 */
public final class Persistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);

    private final Database database;
    private final GroupCommitJournal journal;
    private final JournalProjector projector;
    private final JdbiOrderStore orderStore;
    private final JdbiPositionStore positionStore;
    private final JdbiRiskLimitStore riskLimitStore;
    private final JdbiInstrumentStore instrumentStore;
    private final JdbiReconciliationLog reconciliationLog;
    private final JdbiPnlSeriesStore pnlSeries;

    private Persistence(Database database, PersistenceConfig config, Clock clock) {
        this.database = database;
        Jdbi jdbi = database.jdbi();
        this.projector = new JournalProjector(jdbi, database.isPostgres(), config.brokerName());
        // Whatever a crash left between the journal and its projections is applied before anything reads them.
        this.projector.catchUp();
        this.orderStore = new JdbiOrderStore(jdbi, config.brokerName(), projector::catchUp);
        this.positionStore = new JdbiPositionStore(jdbi, projector::catchUp);
        this.riskLimitStore = new JdbiRiskLimitStore(jdbi, clock);
        this.instrumentStore = new JdbiInstrumentStore(jdbi, clock);
        this.reconciliationLog = new JdbiReconciliationLog(jdbi);
        this.pnlSeries = new JdbiPnlSeriesStore(jdbi);
        this.instrumentStore.load();
        this.journal = new GroupCommitJournal(
                jdbi,
                database.isPostgres(),
                config.brokerName(),
                clock,
                config.journalBatchSize(),
                config.journalMaxWait(),
                projector::journalCommitted);
        this.projector.start();
    }

    /**
     * Opens the database described by {@code config}; {@code clock} stamps when events were recorded
     * and when rows were updated.
     */
    public static Persistence open(PersistenceConfig config, Clock clock) {
        requireNonNull(config, "config is null");
        requireNonNull(clock, "clock is null");
        prepareDataDirectory(config);
        Database database = Database.open(config);
        try {
            if (config.migrateOnStart()) {
                LiquibaseMigrations.migrate(database.dataSource());
            }
            Persistence persistence = new Persistence(database, config, clock);
            LOG.info("persistence open: {}", config);
            return persistence;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Brings the schema up to date and returns, for {@code oms migrate}. */
    public static void migrate(PersistenceConfig config) {
        requireNonNull(config, "config is null");
        prepareDataDirectory(config);
        try (Database database = Database.open(config.withPoolSize(1))) {
            LiquibaseMigrations.migrate(database.dataSource());
        }
    }

    public Journal journal() {
        return journal;
    }

    public OrderStore orderStore() {
        return orderStore;
    }

    public PositionStore positionStore() {
        return positionStore;
    }

    public RiskLimitStore riskLimitStore() {
        return riskLimitStore;
    }

    public InstrumentStore instrumentStore() {
        return instrumentStore;
    }

    public ReconciliationLog reconciliationLog() {
        return reconciliationLog;
    }

    public PnlSeriesStore pnlSeriesStore() {
        return pnlSeries;
    }

    GroupCommitJournal groupCommitJournal() {
        return journal;
    }

    JournalProjector projector() {
        return projector;
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    @Override
    public void close() {
        try {
            journal.close();
            projector.close();
        } finally {
            database.close();
        }
    }

    private static void prepareDataDirectory(PersistenceConfig config) {
        if (config.jdbcUrl().isEmpty()) {
            try {
                Files.createDirectories(config.dataDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + config.dataDirectory(), e);
            }
        }
    }
}
