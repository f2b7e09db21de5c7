package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;

/** The connection pool and the one {@link Jdbi} over it. */
final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.postgres = postgres;
        if (!postgres) {
            jdbi.setTransactionHandler(new SyncingTransactionHandler(jdbi.getTransactionHandler()));
        }
    }

    static Database open(PersistenceConfig config) {
        requireNonNull(config, "config is null");
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("openoms");
        hikari.setJdbcUrl(config.effectiveJdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        // Start even when the database is down: the first use fails clearly, later ones recover.
        hikari.setInitializationFailTimeout(-1);
        if (config.isPostgres()) {
            // Turns a batch of single-row inserts into multi-row inserts: one round trip per batch.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            hikari.addDataSourceProperty("ApplicationName", "openoms");
        }
        return new Database(new HikariDataSource(hikari), config.isPostgres());
    }

    Jdbi jdbi() {
        return jdbi;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
