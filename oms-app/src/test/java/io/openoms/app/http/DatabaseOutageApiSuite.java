package io.openoms.app.http;

import static io.openoms.app.http.OrderApiSuite.assertErrorShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database goes away under the running app and comes back ({@link TestDatabase#cutOff()}): the API
 * answers 503 and stores nothing meanwhile, readiness reports the database down, and both recover
 * without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseOutageApiSuite {
    private static final String CONFIG = """
            database:
              connection-timeout: 1s
            """;

    private ApiTestApp app;
    private ApiClient client;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        app = ApiTestApp.start(database(), CONFIG);
        client = app.client;
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void while_the_database_is_away_orders_are_refused_with_503_and_readiness_is_down_until_it_returns() {
        Response before = submit("1450");
        assertThat(before.status()).isEqualTo(201);

        app.database.cutOff();
        Response refused;
        Response read;
        JsonNode notReady;
        try {
            refused = submit("1451");
            read = client.get(app.viewer, "/api/v1/orders?strategy=outage");
            assertThat(client.get(null, "/health").status()).as("liveness").isEqualTo(200);
            Response ready = client.get(null, "/health/ready");
            assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
            notReady = ready.json();
        } finally {
            app.database.restore();
        }

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.json().get("code").asText()).isEqualTo("JOURNAL_UNAVAILABLE");
        assertErrorShape(refused);
        assertErrorShape(read);
        if (app.database.cutOffRefusesConnections()) {
            assertThat(read.status()).as(read.toString()).isEqualTo(503);
            assertThat(read.json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
        }
        assertThat(notReady.get("status").asText()).isEqualTo("DOWN");
        assertThat(notReady.get("checks").get("database").get("status").asText())
                .isEqualTo("DOWN");
        assertThat(notReady.get("checks").get("engine").get("status").asText()).isEqualTo("UP");

        client.await(null, "/health/ready", body -> body.get("status").asText().equals("UP"));
        Response after = submit("1452");
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
        JsonNode stored =
                client.get(app.viewer, "/api/v1/orders?strategy=outage").json();
        assertThat(stored.get("items")).hasSize(2);
        stored.get("items")
                .forEach(order -> assertThat(order.get("price").asText()).isNotEqualTo("1451"));
    }

    private Response submit(String price) {
        return client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"LIMIT\",\"price\":" + price
                        + ",\"strategy\":\"outage\"}");
    }
}
