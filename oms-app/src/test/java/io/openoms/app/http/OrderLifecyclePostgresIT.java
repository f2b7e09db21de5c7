package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.openoms.app.http.ApiClient.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order lifecycle over HTTP on PostgreSQL ({@code OMS_TEST_PG_URL}, {@code OMS_TEST_PG_USER}, {@code
 * OMS_TEST_PG_PASSWORD}) in a fresh schema; skipped without it, failing when {@code OMS_TEST_PG_REQUIRED=true}.
 */
class OrderLifecyclePostgresIT {
    @TempDir
    Path data;

    @Test
    void an_order_is_submitted_idempotently_shown_modified_and_cancelled_on_postgresql() throws Exception {
        String url = System.getenv("OMS_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("OMS_TEST_PG_REQUIRED"))) {
                fail("OMS_TEST_PG_REQUIRED=true but OMS_TEST_PG_URL is not set");
            }
            Assumptions.abort("skipped: set OMS_TEST_PG_URL to run the REST API on PostgreSQL");
        }
        String user = System.getenv().getOrDefault("OMS_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("OMS_TEST_PG_PASSWORD", "");
        String schema = ("t_api_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute(url, user, password, "CREATE SCHEMA " + schema);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (ApiTestApp app = ApiTestApp.start(
                data, Map.of("OMS_DB_URL", schemaUrl, "OMS_DB_USER", user, "OMS_DB_PASSWORD", password))) {
            ApiClient client = app.client;
            String body = "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":\"10\",\"type\":\"LIMIT\","
                    + "\"price\":\"1400.05\",\"clientOrderId\":\"pg-1\"}";
            Response created = client.post(app.trader, "/api/v1/orders", body);
            Response repeated = client.post(app.trader, "/api/v1/orders", body);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(repeated.status()).isEqualTo(200);
            assertThat(repeated.json().get("id").asText()).isEqualTo("pg-1");

            Response shown = client.get(app.viewer, "/api/v1/orders/pg-1");
            assertThat(shown.json().get("price").asText()).isEqualTo("1400.05");
            assertThat(client.patch(app.trader, "/api/v1/orders/pg-1", "{\"quantity\":12}")
                            .status())
                    .isEqualTo(202);
            assertThat(client.delete(app.trader, "/api/v1/orders/pg-1").status())
                    .isIn(202, 409);
            assertThat(client.get(app.viewer, "/api/v1/orders?status=REJECTED")
                            .json()
                            .get("items"))
                    .isEmpty();
            assertThat(client.get(app.viewer, "/api/v1/orders").json().get("items"))
                    .hasSize(1);
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
