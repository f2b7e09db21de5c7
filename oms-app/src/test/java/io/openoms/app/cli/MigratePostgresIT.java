package io.openoms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code oms migrate} against the PostgreSQL named by {@code OMS_TEST_PG_URL} ({@code OMS_TEST_PG_USER},
 * {@code OMS_TEST_PG_PASSWORD}), in a fresh schema; skipped without it, failing when {@code
 * OMS_TEST_PG_REQUIRED=true}.
 */
class MigratePostgresIT {
    private static final Function<OmsConfig, OmsRuntime> NO_RUNTIME = config -> {
        throw new AssertionError("migrate does not start the server");
    };

    @Test
    void migrate_applies_the_schema_to_postgresql_and_is_idempotent() throws Exception {
        String url = System.getenv("OMS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("OMS_TEST_PG_REQUIRED"))) {
                fail("OMS_TEST_PG_REQUIRED=true but OMS_TEST_PG_URL is not set");
            }
            Assumptions.abort("skipped: set OMS_TEST_PG_URL to run the PostgreSQL migration test");
        }
        String user = System.getenv().getOrDefault("OMS_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("OMS_TEST_PG_PASSWORD", "");
        String schema = ("t_migrate_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute(url, user, password, "CREATE SCHEMA " + schema);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Map<String, String> environment =
                Map.of("OMS_DB_URL", schemaUrl, "OMS_DB_USER", user, "OMS_DB_PASSWORD", password);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            int first = Cli.execute(
                    new String[] {"migrate"}, environment, NO_RUNTIME, new PrintWriter(out), new PrintWriter(err));
            int second = Cli.execute(
                    new String[] {"migrate"}, environment, NO_RUNTIME, new PrintWriter(out), new PrintWriter(err));

            assertThat(first).as(err.toString()).isZero();
            assertThat(second).as(err.toString()).isZero();
            assertThat(out.toString()).contains("schema is up to date: jdbc:postgresql:");
            try (Connection connection = DriverManager.getConnection(schemaUrl, user, password);
                    Statement statement = connection.createStatement();
                    ResultSet tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables"
                            + " WHERE table_schema = '" + schema + "' AND table_name IN ('orders', 'order_events')")) {
                tables.next();
                assertThat(tables.getInt(1)).isEqualTo(2);
            }
        } finally {
            execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String user, String password, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
