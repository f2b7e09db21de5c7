package io.openoms.adapters.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: an embedded H2 file database in a temporary directory, or a fresh schema in
 * the PostgreSQL named by {@code OMS_TEST_PG_URL} ({@code OMS_TEST_PG_USER}, {@code OMS_TEST_PG_PASSWORD}).
 * Without the URL the PostgreSQL tests are skipped, unless {@code OMS_TEST_PG_REQUIRED=true}, when
 * they fail.
 */
final class TestDatabases {
    private TestDatabases() {}

    static PersistenceConfig h2(Path directory) {
        return PersistenceConfig.embedded(directory).withJournal(64, Duration.ofMillis(2));
    }

    static String postgresUrl() {
        String url = System.getenv("OMS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            String message = "PostgreSQL tests need OMS_TEST_PG_URL, e.g."
                    + " OMS_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/openoms_test OMS_TEST_PG_USER=postgres"
                    + " (and OMS_TEST_PG_PASSWORD if needed)";
            if ("true".equalsIgnoreCase(System.getenv("OMS_TEST_PG_REQUIRED"))) {
                fail("OMS_TEST_PG_REQUIRED=true but OMS_TEST_PG_URL is not set. " + message);
            }
            Assumptions.abort("skipped: " + message);
        }
        return url;
    }

    static String postgresUser() {
        String user = System.getenv("OMS_TEST_PG_USER");
        return user == null ? "postgres" : user;
    }

    static String postgresPassword() {
        String password = System.getenv("OMS_TEST_PG_PASSWORD");
        return password == null ? "" : password;
    }

    /** Creates a new schema for one test class and returns a config whose connections use it. */
    static PersistenceConfig postgresFreshSchema(String name) {
        String url = postgresUrl();
        String schema = ("t_" + name + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute(url, "CREATE SCHEMA " + schema);
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return PersistenceConfig.server(withSchema, postgresUser(), postgresPassword())
                .withJournal(64, Duration.ofMillis(2));
    }

    static void dropSchemaOf(PersistenceConfig config) {
        String url = config.effectiveJdbcUrl();
        int at = url.indexOf("currentSchema=");
        if (at < 0) {
            return;
        }
        String schema = url.substring(at + "currentSchema=".length());
        execute(postgresUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, postgresUser(), postgresPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }
}
