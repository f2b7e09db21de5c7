package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orders over real HTTP against the started app (embedded H2, simulated venue). */
class OrderApiIT {
    private static final String LIMIT_BUY =
            "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":10,\"type\":\"LIMIT\",\"price\":\"1400.05\"}";

    @TempDir
    Path data;

    private ApiTestApp app;
    private ApiClient client;

    @BeforeEach
    void start() {
        app = ApiTestApp.start(data);
        client = app.client;
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_request_without_a_valid_key_is_401_and_a_key_without_the_role_is_403() {
        Response none = client.get(null, "/api/v1/orders");
        Response wrong = client.get("not-a-key", "/api/v1/orders");
        Response viewerSubmits = client.post(app.viewer, "/api/v1/orders", LIMIT_BUY);
        Response traderHalts =
                client.put(app.trader, "/api/v1/risk/trading-state", "{\"state\":\"HALTED\",\"reason\":\"x\"}");
        Response unknownPathWithoutKey = client.get(null, "/api/v1/nothing-here");
        Response health = client.get(null, "/health");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(none.json().has("details")).isTrue();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(viewerSubmits.status()).as(viewerSubmits.toString()).isEqualTo(403);
        assertThat(viewerSubmits.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(traderHalts.status()).as(traderHalts.toString()).isEqualTo(403);
        assertThat(unknownPathWithoutKey.status()).isEqualTo(401);
        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void a_limit_order_is_submitted_listed_shown_modified_and_cancelled() {
        Response created = client.post(app.trader, "/api/v1/orders", LIMIT_BUY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode order = created.json();
        String id = order.get("id").asText();
        assertThat(order.get("instrument").asText()).isEqualTo("NSE:INFY");
        assertThat(order.get("price").asText()).isEqualTo("1400.05");
        assertThat(order.get("quantity").asText()).isEqualTo("10");
        assertThat(order.get("account").asText()).isEqualTo("PAPER");
        assertThat(order.get("rejection").isNull()).isTrue();
        for (String field : new String[] {
            "id",
            "clientOrderId",
            "brokerOrderId",
            "status",
            "instrument",
            "side",
            "type",
            "quantity",
            "price",
            "triggerPrice",
            "timeInForce",
            "filledQuantity",
            "remainingQuantity",
            "averageFillPrice",
            "fees",
            "account",
            "strategy",
            "tag",
            "rejection",
            "outcomeUnknown",
            "createdAt",
            "updatedAt"
        }) {
            assertThat(order.has(field)).as(field).isTrue();
        }

        Response listed = client.get(app.viewer, "/api/v1/orders?instrument=NSE:INFY&limit=10");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items")).hasSize(1);
        assertThat(listed.json().has("next")).isTrue();

        Response shown = client.get(app.viewer, "/api/v1/orders/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("events").get(0).get("type").asText()).isEqualTo("OrderCreated");
        assertThat(shown.json().has("fills")).isTrue();

        Response modified = client.patch(app.trader, "/api/v1/orders/" + id, "{\"price\":1399.95}");
        assertThat(modified.status()).as(modified.toString()).isEqualTo(202);

        Response cancelled = client.delete(app.trader, "/api/v1/orders/" + id);
        assertThat(cancelled.status()).as(cancelled.toString()).isIn(202, 409);
    }

    @Test
    void a_malformed_order_is_400_with_every_field_error_and_nothing_is_stored() {
        Response bad = client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"INFY\",\"side\":\"HOLD\",\"quantity\":\"ten\",\"type\":\"LIMIT\",\"colour\":1}");

        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        JsonNode fields = bad.json().get("details").get("fields");
        assertThat(fields.has("instrument")).isTrue();
        assertThat(fields.has("side")).isTrue();
        assertThat(fields.has("quantity")).isTrue();
        assertThat(fields.has("colour")).isTrue();
        assertThat(client.get(app.viewer, "/api/v1/orders").json().get("items")).isEmpty();
    }

    @Test
    void the_same_client_order_id_returns_the_first_order_and_never_a_second() {
        String body = "{\"instrument\":\"NSE:TCS\",\"side\":\"BUY\",\"quantity\":\"1\",\"type\":\"LIMIT\","
                + "\"price\":3400,\"clientOrderId\":\"my-order-1\"}";
        Response first = client.post(app.trader, "/api/v1/orders", body);
        Response again = client.post(app.trader, "/api/v1/orders", body);
        Response different = client.post(app.trader, "/api/v1/orders", body.replace("3400", "3401"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo("my-order-1");
        assertThat(different.status()).isEqualTo(409);
        assertThat(client.get(app.viewer, "/api/v1/orders").json().get("items")).hasSize(1);
    }

    @Test
    void a_risk_rejected_order_is_422_with_the_stored_order() {
        Response rejected = client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":20000,\"type\":\"LIMIT\",\"price\":1500}");

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejection").get("source").asText()).isEqualTo("RISK");
        assertThat(rejected.json().get("rejection").get("check").asText()).isNotBlank();
        String id = rejected.json().get("id").asText();
        assertThat(client.get(app.viewer, "/api/v1/orders/" + id).status()).isEqualTo(200);
    }

    @Test
    void unknown_orders_are_404_and_oversized_bodies_413() {
        assertThat(client.get(app.viewer, "/api/v1/orders/nope").status()).isEqualTo(404);
        assertThat(client.delete(app.trader, "/api/v1/orders/nope").status()).isEqualTo(404);
        String huge = "{\"tag\":\"" + "x".repeat(70_000) + "\"}";
        Response tooLarge = client.post(app.trader, "/api/v1/orders", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_signal_becomes_a_market_order_that_keeps_its_reason_in_the_tag() {
        Response signal = client.post(
                app.trader,
                "/api/v1/signals",
                "{\"symbol\":\"NSE:SBIN\",\"side\":\"BUY\",\"qty\":5,\"reason\":\"RSI crossed 30 on 5m\"}");

        assertThat(signal.status()).as(signal.toString()).isEqualTo(201);
        assertThat(signal.json().get("type").asText()).isEqualTo("MARKET");
        assertThat(signal.json().get("tag").asText()).isEqualTo("sig-RSI-crossed-30-on-5m");
        assertThat(signal.json().get("strategy").asText()).isEqualTo("signal");
    }
}
