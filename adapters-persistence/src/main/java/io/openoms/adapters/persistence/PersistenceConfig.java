package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach the database and how the journal writer batches.
 *
 * <ul>
 *   <li>{@code jdbcUrl}: a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL; absent means the embedded
 *       H2 file database {@code openoms} under {@code dataDirectory}, in PostgreSQL mode.
 *   <li>{@code user}, {@code password}: credentials; the password never appears in {@link #toString()}.
 *   <li>{@code poolSize}: the most connections HikariCP holds (1–100).
 *   <li>{@code connectionTimeout}: how long a caller waits for a connection before the read or append
 *       fails with "database unavailable".
 *   <li>{@code journalBatchSize}: the most appends one group commit takes (1–10000).
 *   <li>{@code journalMaxWait}: how long the writer waits for more appends after the first of a group
 *       (0 commits whatever is queued at once).
 *   <li>{@code migrateOnStart}: run the Liquibase changelog when the store opens (default true; ops who
 *       run {@code oms migrate} separately turn it off).
 *   <li>{@code brokerName}: the broker this deployment trades with; fills and broker order ids are
 *       unique per broker. One broker per deployment for now.
 * </ul>
 */
public record PersistenceConfig(
        Optional<String> jdbcUrl,
        Path dataDirectory,
        String user,
        String password,
        int poolSize,
        Duration connectionTimeout,
        int journalBatchSize,
        Duration journalMaxWait,
        boolean migrateOnStart,
        String brokerName) {

    public static final int DEFAULT_POOL_SIZE = 8;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_JOURNAL_BATCH_SIZE = 512;
    public static final Duration DEFAULT_JOURNAL_MAX_WAIT = Duration.ofMillis(1);
    public static final String DEFAULT_BROKER_NAME = "mock";

    public PersistenceConfig {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(connectionTimeout, "connectionTimeout is null");
        requireNonNull(journalMaxWait, "journalMaxWait is null");
        requireNonNull(brokerName, "brokerName is null");
        if (jdbcUrl.isPresent()) {
            String url = jdbcUrl.get();
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw new IllegalArgumentException(
                        "jdbcUrl must start with jdbc:postgresql: or jdbc:h2:, got '" + redact(url) + "'");
            }
            if (setsH2WriteDelay(url)) {
                throw new IllegalArgumentException(
                        "jdbcUrl must not set WRITE_DELAY: OpenOMS sets WRITE_DELAY=0 so that"
                                + " a commit is in the file before it is acknowledged, got '" + redact(url) + "'");
            }
        }
        if (poolSize < 1 || poolSize > 100) {
            throw new IllegalArgumentException("poolSize must be between 1 and 100, got " + poolSize);
        }
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            throw new IllegalArgumentException(
                    "connectionTimeout must be at least 250ms (HikariCP's minimum), got " + connectionTimeout);
        }
        if (journalBatchSize < 1 || journalBatchSize > 10_000) {
            throw new IllegalArgumentException("journalBatchSize must be between 1 and 10000, got " + journalBatchSize);
        }
        if (journalMaxWait.isNegative() || journalMaxWait.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("journalMaxWait must be between 0 and 1s, got " + journalMaxWait);
        }
        if (!brokerName.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException(
                    "brokerName must be 1-32 lower-case letters, digits, _ or -, got '" + brokerName + "'");
        }
    }

    /** The embedded H2 database under {@code dataDirectory}, with the defaults. */
    public static PersistenceConfig embedded(Path dataDirectory) {
        return new PersistenceConfig(
                Optional.empty(),
                dataDirectory,
                "sa",
                "",
                DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_JOURNAL_BATCH_SIZE,
                DEFAULT_JOURNAL_MAX_WAIT,
                true,
                DEFAULT_BROKER_NAME);
    }

    /** A server database at {@code jdbcUrl}, with the defaults. */
    public static PersistenceConfig server(String jdbcUrl, String user, String password) {
        return new PersistenceConfig(
                Optional.of(requireNonNull(jdbcUrl, "jdbcUrl is null")),
                Path.of("data"),
                user,
                password,
                DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_JOURNAL_BATCH_SIZE,
                DEFAULT_JOURNAL_MAX_WAIT,
                true,
                DEFAULT_BROKER_NAME);
    }

    /** True for an H2 URL that sets {@code WRITE_DELAY}, which OpenOMS refuses: it sets it to 0 itself. */
    public static boolean setsH2WriteDelay(String url) {
        return url.startsWith("jdbc:h2:") && H2_WRITE_DELAY.matcher(url).find();
    }

    /**
     * The URL connected to: {@code jdbcUrl}, or the embedded H2 file database; an H2 URL always with
     * {@link #H2_DURABLE_COMMIT}.
     */
    public String effectiveJdbcUrl() {
        return jdbcUrl.map(url -> url.startsWith("jdbc:h2:") ? url + ";" + H2_DURABLE_COMMIT : url)
                .orElseGet(
                        () -> "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("openoms") + ";" + H2_SETTINGS
                                + ";" + H2_DURABLE_COMMIT);
    }

    /** True for PostgreSQL, false for H2. */
    public boolean isPostgres() {
        return effectiveJdbcUrl().startsWith("jdbc:postgresql:");
    }

    /**
     * The H2 settings the schema and SQL rely on: PostgreSQL compatibility and NULLs sorting last
     * ascending as in PostgreSQL. Not {@code DATABASE_TO_LOWER}: Liquibase 4.33 then fails to find
     * its own {@code DATABASECHANGELOG} table on the second start; every name in our SQL is unquoted,
     * so the case H2 folds names to does not matter.
     */
    static final String H2_SETTINGS = "MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";

    /**
     * H2's default write delay (500 ms) lets a commit return while its changes are only in memory: a
     * {@code kill -9} then lost orders already answered 201. With 0, H2 2.4 writes each commit to the file
     * (the operating system's cache) before the commit returns; forcing it to the device is {@link
     * SyncingTransactionHandler}'s job.
     */
    static final String H2_DURABLE_COMMIT = "WRITE_DELAY=0";

    private static final Pattern H2_WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=");

    public PersistenceConfig withJdbcUrl(String url) {
        return new PersistenceConfig(
                Optional.of(url),
                dataDirectory,
                user,
                password,
                poolSize,
                connectionTimeout,
                journalBatchSize,
                journalMaxWait,
                migrateOnStart,
                brokerName);
    }

    public PersistenceConfig withPoolSize(int size) {
        return new PersistenceConfig(
                jdbcUrl,
                dataDirectory,
                user,
                password,
                size,
                connectionTimeout,
                journalBatchSize,
                journalMaxWait,
                migrateOnStart,
                brokerName);
    }

    public PersistenceConfig withJournal(int batchSize, Duration maxWait) {
        return new PersistenceConfig(
                jdbcUrl,
                dataDirectory,
                user,
                password,
                poolSize,
                connectionTimeout,
                batchSize,
                maxWait,
                migrateOnStart,
                brokerName);
    }

    public PersistenceConfig withConnectionTimeout(Duration timeout) {
        return new PersistenceConfig(
                jdbcUrl,
                dataDirectory,
                user,
                password,
                poolSize,
                timeout,
                journalBatchSize,
                journalMaxWait,
                migrateOnStart,
                brokerName);
    }

    public PersistenceConfig withMigrateOnStart(boolean migrate) {
        return new PersistenceConfig(
                jdbcUrl,
                dataDirectory,
                user,
                password,
                poolSize,
                connectionTimeout,
                journalBatchSize,
                journalMaxWait,
                migrate,
                brokerName);
    }

    public PersistenceConfig withBrokerName(String name) {
        return new PersistenceConfig(
                jdbcUrl,
                dataDirectory,
                user,
                password,
                poolSize,
                connectionTimeout,
                journalBatchSize,
                journalMaxWait,
                migrateOnStart,
                name);
    }

    @Override
    public String toString() {
        return "PersistenceConfig{jdbcUrl=" + redact(effectiveJdbcUrl()) + ", user=" + user + ", password="
                + (password.isEmpty() ? "(none)" : "***") + ", poolSize=" + poolSize + ", connectionTimeout="
                + connectionTimeout + ", journalBatchSize=" + journalBatchSize + ", journalMaxWait=" + journalMaxWait
                + ", migrateOnStart=" + migrateOnStart + ", brokerName=" + brokerName + "}";
    }

    /** {@code url} with any {@code password=…} parameter masked. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
