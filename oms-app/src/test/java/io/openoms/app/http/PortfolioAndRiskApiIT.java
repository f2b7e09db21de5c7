package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positions, portfolio, risk limits, the kill switch, reconciliation and the OpenAPI document over HTTP. */
class PortfolioAndRiskApiIT {
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
    void a_filled_market_order_shows_in_positions_and_the_portfolio() throws InterruptedException {
        Response signal = client.post(
                app.trader,
                "/api/v1/signals",
                "{\"symbol\":\"INFY\",\"side\":\"BUY\",\"qty\":\"3\",\"reason\":\"breakout\"}");
        assertThat(signal.status()).as(signal.toString()).isEqualTo(201);

        JsonNode positions = await(
                () -> client.get(app.viewer, "/api/v1/positions").json(),
                body -> body.get("items").size() == 1);
        JsonNode position = positions.get("items").get(0);
        assertThat(position.get("instrument").asText()).isEqualTo("NSE:INFY");
        assertThat(position.get("quantity").asText()).isEqualTo("3");
        assertThat(position.get("strategy").asText()).isEqualTo("signal");
        for (String field : new String[] {
            "account",
            "strategy",
            "instrument",
            "product",
            "quantity",
            "averagePrice",
            "realizedPnl",
            "unrealizedPnl",
            "fees"
        }) {
            assertThat(position.has(field)).as(field).isTrue();
        }
        Response order = client.get(
                app.viewer, "/api/v1/orders/" + signal.json().get("id").asText());
        assertThat(order.json().get("fills")).isNotEmpty();

        Response portfolio = client.get(app.viewer, "/api/v1/portfolio");
        assertThat(portfolio.status()).isEqualTo(200);
        JsonNode account = portfolio.json().get("accounts").get(0);
        assertThat(account.get("account").asText()).isEqualTo("PAPER");
        assertThat(account.get("totals").get("openPositions").asInt()).isEqualTo(1);
        assertThat(account.get("strategies").get(0).get("strategy").asText()).isEqualTo("signal");
        assertThat(account.has("dailyPnl")).isTrue();
        assertThat(account.has("openOrders")).isTrue();
        assertThat(client.get(app.viewer, "/api/v1/positions?includeClosed=maybe")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void risk_limits_are_read_by_viewers_and_replaced_by_admins_only() {
        Response read = client.get(app.viewer, "/api/v1/risk/limits");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("maxOrderQuantity").asText()).isEqualTo("10000");

        String limits = "{\"maxOrderQuantity\":50,\"priceBandPercent\":\"10\",\"checkBuyingPower\":true,"
                + "\"instrumentOverrides\":{\"NSE:INFY\":{\"maxOrderQuantity\":5}}}";
        assertThat(client.put(app.trader, "/api/v1/risk/limits", limits).status())
                .isEqualTo(403);
        Response replaced = client.put(app.admin, "/api/v1/risk/limits", limits);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("maxOrderQuantity").asText()).isEqualTo("50");
        assertThat(replaced.json()
                        .get("instrumentOverrides")
                        .get("NSE:INFY")
                        .get("maxOrderQuantity")
                        .asText())
                .isEqualTo("5");
        assertThat(replaced.json().get("maxOpenOrders").isNull()).isTrue();

        Response tooMany = client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":6,\"type\":\"LIMIT\",\"price\":1500}");
        assertThat(tooMany.status()).isEqualTo(422);

        Response invalid = client.put(app.admin, "/api/v1/risk/limits", "{\"maxOrderQuantity\":\"lots\",\"x\":1}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("details").get("fields").has("maxOrderQuantity"))
                .isTrue();
        assertThat(invalid.json().get("details").get("fields").has("x")).isTrue();
    }

    @Test
    void the_kill_switch_halts_new_orders_and_is_reported_with_its_reason() {
        Response halted = client.put(
                app.admin, "/api/v1/risk/trading-state", "{\"state\":\"HALTED\",\"reason\":\"runaway strategy\"}");
        assertThat(halted.status()).as(halted.toString()).isEqualTo(200);
        assertThat(halted.json().get("state").asText()).isEqualTo("HALTED");

        Response state = client.get(app.viewer, "/api/v1/risk/trading-state");
        assertThat(state.json().get("state").asText()).isEqualTo("HALTED");
        assertThat(state.json().get("reason").asText()).isEqualTo("runaway strategy");
        assertThat(state.json().get("changedBy").asText()).contains("OMS_ADMIN_API_KEY");

        Response refused = client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"MARKET\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rejection").get("check").asText()).isNotBlank();

        Response resumed =
                client.put(app.admin, "/api/v1/risk/trading-state", "{\"state\":\"ACTIVE\",\"reason\":\"fixed\"}");
        assertThat(resumed.json().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(client.put(app.admin, "/api/v1/risk/trading-state", "{\"state\":\"PAUSED\",\"reason\":\"x\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void cancel_all_cancels_the_open_orders_matching_its_filter() {
        for (String price : new String[] {"3100", "3101"}) {
            assertThat(client.post(
                                    app.trader,
                                    "/api/v1/orders",
                                    "{\"instrument\":\"NSE:TCS\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"LIMIT\","
                                            + "\"price\":" + price + "}")
                            .status())
                    .isEqualTo(201);
        }
        Response cancelled = client.post(app.trader, "/api/v1/orders/cancel-all", "{\"instrument\":\"NSE:TCS\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
        assertThat(cancelled.json().get("requested").size()
                        + cancelled.json().get("refused").size())
                .isEqualTo(2);
        assertThat(client.post(app.viewer, "/api/v1/orders/cancel-all", "{}").status())
                .isEqualTo(403);
    }

    @Test
    void reconciliation_without_a_bound_service_is_503_and_needs_admin_to_run() {
        assertThat(client.get(app.viewer, "/api/v1/reconciliation").status()).isIn(200, 503);
        assertThat(client.post(app.trader, "/api/v1/reconciliation/run", null).status())
                .isEqualTo(403);
        Response run = client.post(app.admin, "/api/v1/reconciliation/run", null);
        assertThat(run.status()).isIn(200, 503);
        if (run.status() == 503) {
            assertThat(run.json().get("code").asText()).isEqualTo("RECONCILIATION_UNAVAILABLE");
        }
    }

    @Test
    void the_openapi_document_is_served() {
        Response document = client.get(app.viewer, "/api/v1/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("openapi").asText()).startsWith("3.");
        assertThat(document.json().get("paths").has("/api/v1/orders")).isTrue();
    }

    private static JsonNode await(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s; last: " + last);
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(50).toNanos());
            last = read.get();
        }
        return last;
    }
}
