package io.openoms.integration;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.openoms.adapters.persistence.PersistenceConfig;
import io.openoms.simulators.net.CuttableTcpProxy;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;

/**
 * One database for one trading system, reopened on every restart: an embedded H2 file database, H2
 * behind its TCP server, or a fresh schema in the PostgreSQL named by {@code OMS_TEST_PG_URL}
 * ({@code OMS_TEST_PG_USER}, {@code OMS_TEST_PG_PASSWORD}). Without that URL the PostgreSQL
 * scenarios are skipped with a message, or fail when {@code OMS_TEST_PG_REQUIRED=true}.
 *
 * <p>The networked kinds reach the database through a {@link CuttableTcpProxy}, so {@link #goAway()}
 * takes it away for real (connections die, new ones are refused) and {@link #comeBack()} returns it.
 */
public abstract class ScenarioDatabase implements AutoCloseable {
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    /** The configuration to open it with; the same database every time. */
    public abstract PersistenceConfig config();

    public abstract String describe();

    /**
     * Empties every table but Liquibase's, so the next system starts on an empty, migrated database
     * (migrating a fresh one per scenario would cost seconds); brings it back if it was away.
     */
    public abstract void reset();

    /** Whether {@link #goAway()} is supported. */
    public boolean canGoAway() {
        return false;
    }

    /** Takes the database away: open connections die, new ones are refused. */
    public void goAway() {
        throw new UnsupportedOperationException(describe() + " cannot go away");
    }

    /** Brings it back after {@link #goAway()}. */
    public void comeBack() {
        throw new UnsupportedOperationException(describe() + " cannot go away");
    }

    @Override
    public abstract void close();

    @Override
    public String toString() {
        return describe();
    }

    /** An embedded H2 file database in {@code directory}: the fastest, cannot go away. */
    public static ScenarioDatabase h2Embedded(Path directory) {
        PersistenceConfig config = PersistenceConfig.embedded(requireNonNull(directory, "directory is null"))
                .withJournal(64, Duration.ofMillis(1))
                .withConnectionTimeout(CONNECTION_TIMEOUT);
        return new ScenarioDatabase() {
            @Override
            public PersistenceConfig config() {
                return config;
            }

            @Override
            public String describe() {
                return "embedded H2 in " + directory;
            }

            @Override
            public void reset() {
                truncateH2(config.effectiveJdbcUrl(), config.user());
            }

            @Override
            public void close() {}
        };
    }

    /** An H2 database in {@code directory} served by an in-process H2 TCP server, behind a proxy. */
    public static ScenarioDatabase h2Networked(Path directory) {
        requireNonNull(directory, "directory is null");
        Server server;
        try {
            server = Server.createTcpServer("-tcpPort", "0", "-baseDir", directory.toString(), "-ifNotExists")
                    .start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the H2 TCP server", e);
        }
        CuttableTcpProxy proxy = new CuttableTcpProxy("127.0.0.1", server.getPort());
        PersistenceConfig config = PersistenceConfig.embedded(directory)
                .withJdbcUrl("jdbc:h2:tcp://127.0.0.1:" + proxy.port()
                        + "/openoms;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
                .withJournal(64, Duration.ofMillis(1))
                .withConnectionTimeout(CONNECTION_TIMEOUT);
        String direct = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/openoms;MODE=PostgreSQL";
        return new Networked(config, proxy, "H2 over TCP in " + directory) {
            @Override
            public void reset() {
                super.reset();
                truncateH2(direct, config.user());
            }

            @Override
            public void close() {
                super.close();
                server.stop();
            }
        };
    }

    /** A fresh schema in the PostgreSQL of {@code OMS_TEST_PG_URL}, behind a proxy; dropped on close. */
    public static ScenarioDatabase postgres(String name) {
        String url = postgresUrl();
        String schema = ("s_" + name + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute(url, "CREATE SCHEMA " + schema);
        URI uri = URI.create(url.substring("jdbc:".length()));
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        CuttableTcpProxy proxy = new CuttableTcpProxy(host, port);
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&";
        String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + uri.getRawPath() + "?" + query
                + "currentSchema=" + schema;
        PersistenceConfig config = PersistenceConfig.server(proxied, postgresUser(), postgresPassword())
                .withJournal(64, Duration.ofMillis(1))
                .withConnectionTimeout(CONNECTION_TIMEOUT);
        return new Networked(config, proxy, "PostgreSQL schema " + schema) {
            @Override
            public void reset() {
                super.reset();
                List<String> tables = query(
                        url,
                        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                                + " AND table_schema = '" + schema + "'");
                List<String> ours = tables.stream()
                        .filter(t -> !t.toLowerCase(Locale.ROOT).startsWith("databasechangelog"))
                        .map(t -> schema + "." + t)
                        .toList();
                if (!ours.isEmpty()) {
                    execute(url, "TRUNCATE " + String.join(", ", ours) + " RESTART IDENTITY CASCADE");
                }
            }

            @Override
            public void close() {
                super.close();
                execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        };
    }

    /** The PostgreSQL URL, or the test is skipped (failed when {@code OMS_TEST_PG_REQUIRED=true}). */
    static String postgresUrl() {
        String url = System.getenv("OMS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            String message = "the PostgreSQL scenarios need OMS_TEST_PG_URL, e.g."
                    + " OMS_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/openoms_test OMS_TEST_PG_USER=postgres"
                    + " (and OMS_TEST_PG_PASSWORD if needed)";
            if ("true".equalsIgnoreCase(System.getenv("OMS_TEST_PG_REQUIRED"))) {
                fail("OMS_TEST_PG_REQUIRED=true but OMS_TEST_PG_URL is not set: " + message);
            }
            Assumptions.abort("skipped: " + message);
        }
        return url;
    }

    private static String postgresUser() {
        String user = System.getenv("OMS_TEST_PG_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    private static String postgresPassword() {
        String password = System.getenv("OMS_TEST_PG_PASSWORD");
        return password == null ? "" : password;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, postgresUser(), postgresPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static void truncateH2(String url, String user) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
            for (String table : tables) {
                if (!table.toLowerCase(Locale.ROOT).startsWith("databasechangelog")) {
                    statement.execute("TRUNCATE TABLE " + table + " RESTART IDENTITY");
                }
            }
            statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the H2 database: " + e.getMessage(), e);
        }
    }

    private static List<String> query(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, postgresUser(), postgresPassword());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static class Networked extends ScenarioDatabase {
        private final PersistenceConfig config;
        private final CuttableTcpProxy proxy;
        private final String description;

        Networked(PersistenceConfig config, CuttableTcpProxy proxy, String description) {
            this.config = config;
            this.proxy = proxy;
            this.description = description;
        }

        @Override
        public PersistenceConfig config() {
            return config;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public void reset() {
            proxy.restore();
        }

        @Override
        public boolean canGoAway() {
            return true;
        }

        @Override
        public void goAway() {
            proxy.cut();
        }

        @Override
        public void comeBack() {
            proxy.restore();
        }

        @Override
        public void close() {
            proxy.close();
        }
    }
}
