package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One {@link Persistence} on a fresh database for a domain contract test: {@link #restart()} closes
 * every in-memory object and reopens on the same data, {@link #close()} drops the database.
 */
final class OpenedStore implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-04T04:30:00Z"), ZoneOffset.UTC);

    private final PersistenceConfig config;
    private final boolean postgres;
    private Persistence persistence;

    private OpenedStore(PersistenceConfig config, boolean postgres) {
        this.config = requireNonNull(config, "config is null");
        this.postgres = postgres;
        this.persistence = Persistence.open(config, CLOCK);
    }

    /** An embedded H2 database in {@code directory}. */
    static OpenedStore h2(Path directory) {
        return new OpenedStore(TestDatabases.h2(directory), false);
    }

    /** A fresh schema in the test PostgreSQL; skips or fails as {@link TestDatabases#postgresUrl()} says. */
    static OpenedStore postgres(String name) {
        return new OpenedStore(TestDatabases.postgresFreshSchema(name), true);
    }

    Persistence persistence() {
        return persistence;
    }

    void restart() {
        persistence.close();
        persistence = null;
        persistence = Persistence.open(config, CLOCK);
    }

    @Override
    public void close() {
        try {
            if (persistence != null) {
                persistence.close();
            }
        } finally {
            if (postgres) {
                TestDatabases.dropSchemaOf(config);
            }
        }
    }
}
