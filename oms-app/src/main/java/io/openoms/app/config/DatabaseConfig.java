package io.openoms.app.config;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.persistence.PersistenceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The database: PostgreSQL when {@code url} is set, else the embedded H2 file database under the
 * data directory (PostgreSQL mode; the zero-setup default).
 *
 * @param url {@code database.url}, {@code OMS_DB_URL}: a {@code jdbc:postgresql:} (or {@code jdbc:h2:})
 *     URL; absent means embedded
 * @param user {@code database.user}, {@code OMS_DB_USER}; empty means {@code sa} for the embedded database
 * @param password {@code database.password}, {@code OMS_DB_PASSWORD}; never printed
 * @param poolSize {@code database.pool-size}: most pooled connections (1-100, default 8)
 * @param connectionTimeout {@code database.connection-timeout}: how long a caller waits for a connection
 *     (at least 250ms, default 5s)
 * @param journalBatchSize {@code database.journal-batch-size}: most appends per group commit (1-10000,
 *     default 512)
 * @param journalMaxWait {@code database.journal-max-wait}: how long the journal writer waits to fill a
 *     group (0-1s, default 1ms)
 * @param migrateOnStart {@code database.migrate-on-start}: apply the schema when the server starts
 *     (default true; turn off when ops run {@code oms migrate} themselves)
 */
public record DatabaseConfig(
        Optional<String> url,
        String user,
        Secret password,
        int poolSize,
        Duration connectionTimeout,
        int journalBatchSize,
        Duration journalMaxWait,
        boolean migrateOnStart) {
    public static final DatabaseConfig DEFAULT = new DatabaseConfig(
            Optional.empty(),
            "",
            Secret.NONE,
            PersistenceConfig.DEFAULT_POOL_SIZE,
            PersistenceConfig.DEFAULT_CONNECTION_TIMEOUT,
            PersistenceConfig.DEFAULT_JOURNAL_BATCH_SIZE,
            PersistenceConfig.DEFAULT_JOURNAL_MAX_WAIT,
            true);

    private static final String EMBEDDED_USER = "sa";

    public DatabaseConfig {
        url = requireNonNull(url, "url is null").filter(value -> !value.isBlank());
        url.ifPresent(value -> {
            if (!value.startsWith("jdbc:postgresql:") && !value.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException(
                        "url: must start with jdbc:postgresql: (or jdbc:h2:), or be absent for the embedded database");
            }
            if (PersistenceConfig.setsH2WriteDelay(value)) {
                throw new IllegalArgumentException("url: must not set WRITE_DELAY: OpenOMS opens H2 with WRITE_DELAY=0"
                        + " so that every commit is in the file before it is acknowledged");
            }
        });
        user = user == null ? "" : user;
        password = password == null ? Secret.NONE : password;
        if (poolSize < 1 || poolSize > 100) {
            throw new IllegalArgumentException("pool-size: must be between 1 and 100, got " + poolSize);
        }
        Durations.require("connection-timeout", connectionTimeout, Duration.ofMillis(250), Duration.ofMinutes(10));
        if (journalBatchSize < 1 || journalBatchSize > 10_000) {
            throw new IllegalArgumentException(
                    "journal-batch-size: must be between 1 and 10000, got " + journalBatchSize);
        }
        Durations.require("journal-max-wait", journalMaxWait, Duration.ZERO, Duration.ofSeconds(1));
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    /** The persistence adapter's settings: this database, with {@code dataDirectory} for the embedded one. */
    public PersistenceConfig toPersistenceConfig(Path dataDirectory, String brokerName) {
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(brokerName, "brokerName is null");
        String effectiveUser = user.isEmpty() && embedded() ? EMBEDDED_USER : user;
        return new PersistenceConfig(
                url,
                dataDirectory,
                effectiveUser,
                password.reveal(),
                poolSize,
                connectionTimeout,
                journalBatchSize,
                journalMaxWait,
                migrateOnStart,
                brokerName);
    }

    @Override
    public String toString() {
        return "DatabaseConfig{url=" + url.map(Secret::redactUrl).orElse("(embedded)") + ", user=" + user
                + ", password=" + password + ", poolSize=" + poolSize + ", connectionTimeout=" + connectionTimeout
                + ", journalBatchSize=" + journalBatchSize + ", journalMaxWait=" + journalMaxWait
                + ", migrateOnStart=" + migrateOnStart + "}";
    }
}
