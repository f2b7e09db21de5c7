package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app on the manual venue ({@code OMS_BROKER=manual}): orders are recorded and wait; fills entered
 * with {@code POST /api/v1/orders/{id}/fills} fill them and move the position, once per trade id, never
 * beyond the order's quantity; the order monitor and reconciliation find the venue in agreement.
 */
class ManualVenueApiIT {
    private static final String ORDER =
            "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":10,\"type\":\"LIMIT\","
                    + "\"price\":\"1500\",\"strategy\":\"desk\",\"clientOrderId\":\"manual-1\"}";

    @Test
    void external_fills_fill_the_order_and_move_the_position_once_per_trade_id_and_never_beyond_the_order(
            @TempDir Path data) {
        try (ApiTestApp app = ApiTestApp.start(data, Map.of("OMS_BROKER", "manual"))) {
            ApiClient api = app.client;
            assertThat(api.post(app.trader, "/api/v1/orders", ORDER).status()).isEqualTo(201);
            api.awaitStatus(app.trader, "manual-1", "ACCEPTED");

            ApiClient.Response first = api.post(
                    app.trader,
                    "/api/v1/orders/manual-1/fills",
                    "{\"tradeId\":\"desk-77\",\"quantity\":4,\"price\":\"1499.50\",\"fee\":\"1.25\"}");
            ApiClient.Response again = api.post(
                    app.trader,
                    "/api/v1/orders/manual-1/fills",
                    "{\"tradeId\":\"desk-77\",\"quantity\":4,\"price\":\"1499.50\",\"fee\":\"1.25\"}");
            ApiClient.Response overfill = api.post(
                    app.trader,
                    "/api/v1/orders/manual-1/fills",
                    "{\"tradeId\":\"desk-78\",\"quantity\":7,\"price\":\"1500\"}");
            ApiClient.Response viewer = api.post(
                    app.viewer,
                    "/api/v1/orders/manual-1/fills",
                    "{\"tradeId\":\"desk-79\",\"quantity\":1,\"price\":\"1500\"}");
            ApiClient.Response invalid =
                    api.post(app.trader, "/api/v1/orders/manual-1/fills", "{\"quantity\":-1,\"price\":\"x\"}");

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.json().get("status").asText()).isEqualTo("PARTIALLY_FILLED");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("filledQuantity").asText()).isEqualTo("4");
            assertThat(overfill.status()).isEqualTo(422);
            assertThat(overfill.json().get("code").asText()).isEqualTo("VALIDATION_FILL_REFUSED");
            assertThat(viewer.status()).isEqualTo(403);
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.json().get("details").get("fields").fieldNames())
                    .toIterable()
                    .contains("tradeId", "quantity", "price");

            JsonNode positions = api.get(app.viewer, "/api/v1/positions").json();
            assertThat(positions.toString()).contains("\"instrument\":\"NSE:INFY\"");
            assertThat(positions.findValuesAsText("quantity")).contains("4");
            assertThat(positions.findValuesAsText("strategy")).contains("desk");

            ApiClient.Response rest = api.post(
                    app.trader,
                    "/api/v1/orders/manual-1/fills",
                    "{\"tradeId\":\"desk-80\",\"quantity\":6,\"price\":\"1501\"}");
            assertThat(rest.status()).isEqualTo(201);
            assertThat(rest.json().get("status").asText()).isEqualTo("FILLED");

            ApiClient.Response reconcile = api.post(app.admin, "/api/v1/reconciliation/run", "{}");
            assertThat(reconcile.status()).isLessThan(300);
            assertThat(reconcile.body()).doesNotContain("POSITION_MISMATCH").doesNotContain("MISSING_FILL");
            assertThat(api.get(app.viewer, "/api/v1/risk/trading-state").body()).contains("ACTIVE");
        }
    }

    @Test
    void an_order_at_a_venue_that_reports_its_own_fills_takes_no_external_fill(@TempDir Path data) {
        try (ApiTestApp app = ApiTestApp.start(data)) {
            ApiClient api = app.client;
            assertThat(api.post(app.trader, "/api/v1/orders", ORDER).status()).isEqualTo(201);

            ApiClient.Response refused = api.post(
                    app.trader,
                    "/api/v1/orders/manual-1/fills",
                    "{\"tradeId\":\"desk-1\",\"quantity\":1,\"price\":\"1500\"}");

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_EXTERNAL_FILLS_NOT_ACCEPTED");
            assertThat(api.post(
                                    app.trader,
                                    "/api/v1/orders/nope/fills",
                                    "{\"tradeId\":\"a\",\"quantity\":1,\"price\":\"1\"}")
                            .status())
                    .isEqualTo(404);
        }
    }
}
