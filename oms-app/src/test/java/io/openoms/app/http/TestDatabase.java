package io.openoms.app.http;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The database an API suite runs the app on: the embedded H2 file database in the app's data directory,
 * or a fresh PostgreSQL database created for the suite in the server named by {@code OMS_TEST_PG_URL}
 * ({@code OMS_TEST_PG_USER}, who needs the CREATEDB right, and {@code OMS_TEST_PG_PASSWORD}); the PostgreSQL
 * suites are skipped without it and fail when {@code OMS_TEST_PG_REQUIRED=true}.
 */
interface TestDatabase extends AutoCloseable {
    /** Which database a suite runs on. */
    enum Kind {
        EMBEDDED,
        POSTGRES
    }

    /** The environment that points the app at this database (none for the embedded one). */
    Map<String, String> environment();

    /** Takes the database away from the running app, as an outage would. */
    void cutOff();

    /**
     * Whether {@link #cutOff()} is a real outage (connections refused), so reads fail as unavailable too;
     * otherwise the database still answers, with errors.
     */
    boolean cutOffRefusesConnections();

    /** Gives it back after {@link #cutOff()}. */
    void restore();

    @Override
    void close();

    static TestDatabase embedded(Path dataDirectory) {
        return new Embedded(dataDirectory);
    }

    /** A new database in the test server; aborts (skips) the calling suite when none is configured. */
    static TestDatabase postgres() {
        String url = System.getenv("OMS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("OMS_TEST_PG_REQUIRED"))) {
                fail("OMS_TEST_PG_REQUIRED=true but OMS_TEST_PG_URL is not set");
            }
            Assumptions.abort("skipped: set OMS_TEST_PG_URL to run the REST API on PostgreSQL");
        }
        return new Postgres(
                url,
                System.getenv().getOrDefault("OMS_TEST_PG_USER", "postgres"),
                System.getenv().getOrDefault("OMS_TEST_PG_PASSWORD", ""));
    }

    /**
     * H2 allows no outage from outside, so the tables the app writes and reads are renamed away: the
     * journal cannot append, the stores cannot read, the readiness probe fails.
     */
    final class Embedded implements TestDatabase {
        private static final String[] TABLES = {"order_events", "orders", "reconciliation_log"};

        private final String url;

        Embedded(Path dataDirectory) {
            this.url = "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("openoms")
                    + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        }

        @Override
        public Map<String, String> environment() {
            return Map.of();
        }

        @Override
        public boolean cutOffRefusesConnections() {
            return false;
        }

        @Override
        public void cutOff() {
            for (String table : TABLES) {
                execute("ALTER TABLE " + table + " RENAME TO " + table + "_cut_off");
            }
        }

        @Override
        public void restore() {
            for (String table : TABLES) {
                execute("ALTER TABLE " + table + "_cut_off RENAME TO " + table);
            }
        }

        @Override
        public void close() {}

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A database of its own per suite, so every run starts empty; an outage refuses new connections and
     * ends the app's open ones.
     */
    final class Postgres implements TestDatabase {
        private final String adminUrl;
        private final String user;
        private final String password;
        private final String name;

        Postgres(String adminUrl, String user, String password) {
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
            this.name = ("t_api_"
                            + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                    .toLowerCase(Locale.ROOT);
            execute("CREATE DATABASE " + name);
        }

        @Override
        public Map<String, String> environment() {
            return Map.of("OMS_DB_URL", databaseUrl(), "OMS_DB_USER", user, "OMS_DB_PASSWORD", password);
        }

        /** {@code OMS_TEST_PG_URL} with this suite's database in place of the one it names. */
        private String databaseUrl() {
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            if (slash < 0) {
                throw new IllegalStateException("OMS_TEST_PG_URL names no database: " + adminUrl);
            }
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
        }

        @Override
        public boolean cutOffRefusesConnections() {
            return true;
        }

        @Override
        public void cutOff() {
            execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        }

        @Override
        public void restore() {
            execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }

        @Override
        public void close() {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }
}
