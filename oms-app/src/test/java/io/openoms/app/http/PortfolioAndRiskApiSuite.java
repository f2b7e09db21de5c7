package io.openoms.app.http;

import static io.openoms.app.http.OrderApiSuite.assertErrorShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Positions, portfolio, risk limits, the kill switch, cancel-all, reconciliation, health, metrics and
 * the OpenAPI document over HTTP, against one started app per class on the database the subclass names.
 * A test that changes the limits or the trading state puts them back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortfolioAndRiskApiSuite {
    private ApiTestApp app;
    private ApiClient client;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        app = ApiTestApp.start(database(), "");
        client = app.client;
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void a_filled_market_order_shows_in_positions_and_the_portfolio() {
        Response signal = client.post(
                app.trader,
                "/api/v1/signals",
                "{\"symbol\":\"INFY\",\"side\":\"BUY\",\"qty\":\"3\",\"reason\":\"breakout\",\"strategy\":\"swing\"}");
        assertThat(signal.status()).as(signal.toString()).isEqualTo(201);

        JsonNode positions = client.await(
                app.viewer,
                "/api/v1/positions?strategy=swing",
                body -> body.get("items").size() == 1);
        JsonNode position = positions.get("items").get(0);
        assertThat(position.get("instrument").asText()).isEqualTo("NSE:INFY");
        assertThat(position.get("quantity").asText()).isEqualTo("3");
        assertThat(position.get("strategy").asText()).isEqualTo("swing");
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
        JsonNode order = client.awaitStatus(app.viewer, signal.json().get("id").asText(), "FILLED");
        assertThat(order.get("fills")).hasSize(1);
        assertThat(order.get("fills").get(0).get("quantity").asText()).isEqualTo("3");
        assertThat(position.get("averagePrice").asText())
                .isEqualTo(order.get("averageFillPrice").asText());
        assertThat(client.get(app.viewer, "/api/v1/positions?instrument=NSE:TCS&strategy=swing")
                        .json()
                        .get("items"))
                .isEmpty();

        Response portfolio = client.get(app.viewer, "/api/v1/portfolio");
        assertThat(portfolio.status()).isEqualTo(200);
        JsonNode account = portfolio.json().get("accounts").get(0);
        assertThat(account.get("account").asText()).isEqualTo("PAPER");
        assertThat(account.get("totals").get("openPositions").asInt()).isEqualTo(1);
        assertThat(account.get("strategies").get(0).get("strategy").asText()).isEqualTo("swing");
        assertThat(account.has("dailyPnl")).isTrue();
        assertThat(account.get("openOrders").isInt()).isTrue();
        for (String total : new String[] {"realizedPnl", "unrealizedPnl", "totalPnl", "fees", "grossExposure"}) {
            assertThat(account.get("totals").get(total).isTextual()).as(total).isTrue();
        }
        Response badFlag = client.get(app.viewer, "/api/v1/positions?includeClosed=maybe");
        assertThat(badFlag.status()).isEqualTo(400);
        assertErrorShape(badFlag);
    }

    @Test
    void risk_limits_are_read_by_viewers_and_replaced_by_admins_only() {
        Response read = client.get(app.viewer, "/api/v1/risk/limits");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("maxOrderQuantity").asText()).isEqualTo("10000");
        String original = read.json().toString();

        try {
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
                    "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":6,\"type\":\"LIMIT\",\"price\":1500,"
                            + "\"strategy\":\"limits\"}");
            assertThat(tooMany.status()).isEqualTo(422);
            assertThat(tooMany.json().get("rejection").get("check").asText()).isEqualTo("MAX_ORDER_QUANTITY");

            Response invalid = client.put(app.admin, "/api/v1/risk/limits", "{\"maxOrderQuantity\":\"lots\",\"x\":1}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.json().get("details").get("fields").has("maxOrderQuantity"))
                    .isTrue();
            assertThat(invalid.json().get("details").get("fields").has("x")).isTrue();
            assertErrorShape(invalid);
        } finally {
            Response restored = client.put(app.admin, "/api/v1/risk/limits", original);
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
        assertThat(client.get(app.viewer, "/api/v1/risk/limits").json().toString())
                .isEqualTo(original);
    }

    @Test
    void the_kill_switch_halts_new_orders_and_is_reported_with_its_reason() {
        try {
            Response halted = client.put(
                    app.admin, "/api/v1/risk/trading-state", "{\"state\":\"HALTED\",\"reason\":\"runaway strategy\"}");
            assertThat(halted.status()).as(halted.toString()).isEqualTo(200);
            assertThat(halted.json().get("state").asText()).isEqualTo("HALTED");

            Response state = client.get(app.viewer, "/api/v1/risk/trading-state");
            assertThat(state.json().get("state").asText()).isEqualTo("HALTED");
            assertThat(state.json().get("reason").asText()).isEqualTo("runaway strategy");
            assertThat(state.json().get("changedBy").asText()).contains("OMS_ADMIN_API_KEY");
            assertThat(state.json().get("account").asText()).isEqualTo("PAPER");

            Response refused = client.post(
                    app.trader,
                    "/api/v1/orders",
                    "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"MARKET\","
                            + "\"strategy\":\"halted\"}");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("rejection").get("check").asText()).isEqualTo("TRADING_STATE");

            Response reducing = client.put(
                    app.admin, "/api/v1/risk/trading-state", "{\"state\":\"REDUCING\",\"reason\":\"wind down\"}");
            assertThat(reducing.json().get("state").asText()).isEqualTo("REDUCING");
            Response opening = client.post(
                    app.trader,
                    "/api/v1/orders",
                    "{\"instrument\":\"NSE:TCS\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"MARKET\","
                            + "\"strategy\":\"halted\"}");
            assertThat(opening.status()).isEqualTo(422);
        } finally {
            Response resumed =
                    client.put(app.admin, "/api/v1/risk/trading-state", "{\"state\":\"ACTIVE\",\"reason\":\"fixed\"}");
            assertThat(resumed.json().get("state").asText()).isEqualTo("ACTIVE");
        }
        assertThat(client.put(app.admin, "/api/v1/risk/trading-state", "{\"state\":\"PAUSED\",\"reason\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.put(app.admin, "/api/v1/risk/trading-state", "{\"state\":\"HALTED\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.get(app.viewer, "/api/v1/risk/trading-state")
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void cancel_all_cancels_exactly_the_open_orders_matching_its_filter() {
        List<String> matching = new ArrayList<>();
        for (String price : new String[] {"3100", "3101"}) {
            matching.add(submitLimit("NSE:TCS", price, "sweep"));
        }
        String otherStrategy = submitLimit("NSE:TCS", "3102", "keep");
        for (String id : List.of(matching.get(0), matching.get(1), otherStrategy)) {
            client.awaitStatus(app.viewer, id, "ACCEPTED");
        }

        Response cancelled = client.post(
                app.trader, "/api/v1/orders/cancel-all", "{\"instrument\":\"NSE:TCS\",\"strategy\":\"sweep\"}");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
        List<String> requested = new ArrayList<>();
        cancelled.json().get("requested").forEach(id -> requested.add(id.asText()));
        assertThat(requested).containsExactlyInAnyOrderElementsOf(matching);
        assertThat(cancelled.json().get("refused").isEmpty()).isTrue();
        for (String id : matching) {
            client.awaitStatus(app.viewer, id, "CANCELLED");
        }
        assertThat(client.get(app.viewer, "/api/v1/orders/" + otherStrategy)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("ACCEPTED");
        Response nothingLeft = client.post(app.trader, "/api/v1/orders/cancel-all", "{\"strategy\":\"sweep\"}");
        assertThat(nothingLeft.json().get("requested")).isEmpty();
        Response badFilter = client.post(app.trader, "/api/v1/orders/cancel-all", "{\"instrument\":\"NOPE\"}");
        assertThat(badFilter.status()).isEqualTo(400);
    }

    @Test
    void reconciliation_findings_are_read_by_viewers_and_a_run_is_started_by_admins() {
        Response latest = client.get(app.viewer, "/api/v1/reconciliation");
        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        assertThat(latest.json().get("items").isArray()).isTrue();
        assertThat(client.post(app.trader, "/api/v1/reconciliation/run", null).status())
                .isEqualTo(403);

        Response run = client.post(app.admin, "/api/v1/reconciliation/run", null);

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        String runId = run.json().get("runId").asText();
        assertThat(runId).isNotBlank();
        assertThat(run.json().get("startedAt").asText()).isNotBlank();
        assertThat(run.json().get("finishedAt").asText()).isNotBlank();
        assertThat(run.json().get("findings").isArray()).isTrue();
        // Only this app has traded with the simulated venue: the two agree.
        assertThat(run.json().get("findings")).isEmpty();
        Response ofRun = client.get(app.viewer, "/api/v1/reconciliation?runId=" + runId);
        assertThat(ofRun.status()).isEqualTo(200);
        assertThat(ofRun.json().get("items")).isEmpty();
        assertThat(client.get(app.viewer, "/api/v1/reconciliation?limit=0").status())
                .isEqualTo(400);
    }

    @Test
    void the_openapi_document_describes_every_endpoint() {
        Response document = client.get(app.viewer, "/api/v1/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(document.json().get("openapi").asText()).startsWith("3.");
        JsonNode paths = document.json().get("paths");
        for (String[] endpoint : new String[][] {
            {"/api/v1/orders", "post"},
            {"/api/v1/orders", "get"},
            {"/api/v1/orders/{id}", "get"},
            {"/api/v1/orders/{id}", "patch"},
            {"/api/v1/orders/{id}", "delete"},
            {"/api/v1/orders/cancel-all", "post"},
            {"/api/v1/signals", "post"},
            {"/api/v1/positions", "get"},
            {"/api/v1/portfolio", "get"},
            {"/api/v1/risk/limits", "get"},
            {"/api/v1/risk/limits", "put"},
            {"/api/v1/risk/trading-state", "get"},
            {"/api/v1/risk/trading-state", "put"},
            {"/api/v1/reconciliation", "get"},
            {"/api/v1/reconciliation/run", "post"},
            {"/api/v1/events", "get"},
            {"/api/v1/openapi.json", "get"},
            {"/api/v1/whoami", "get"},
            {"/api/v1/pnl/intraday", "get"}
        }) {
            assertThat(paths.has(endpoint[0])).as(endpoint[0]).isTrue();
            assertThat(paths.get(endpoint[0]).has(endpoint[1]))
                    .as(endpoint[1] + " " + endpoint[0])
                    .isTrue();
        }
    }

    @Test
    void liveness_and_readiness_need_no_key_and_report_every_check() {
        Response live = client.get(null, "/health");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
        assertThat(live.json().get("phase").asText()).isEqualTo("RUNNING");

        Response ready = client.get(null, "/health/ready");

        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
        JsonNode checks = ready.json().get("checks");
        assertThat(checks.get("database").get("status").asText()).isEqualTo("UP");
        assertThat(checks.get("engine").get("status").asText()).isEqualTo("UP");
        assertThat(checks.get("engine").get("recovered").asBoolean()).isTrue();
        assertThat(checks.get("brokers")).hasSize(1);
        assertThat(checks.get("brokers").get(0).get("name").asText()).isEqualTo("mock");
        assertThat(checks.get("brokers").get(0).get("status").asText()).isEqualTo("UP");
        assertThat(checks.get("reconciliation").get("scheduled").asBoolean()).isTrue();
        // reconciliation.run-at-startup: the first run happened before the server answered.
        assertThat(checks.get("reconciliation").get("lastRun").asText()).isNotBlank();
    }

    @Test
    void metrics_are_served_in_the_prometheus_text_format_without_a_key() {
        String id = submitLimit("NSE:RELIANCE", "1300", "metrics");
        client.awaitStatus(app.viewer, id, "ACCEPTED");

        Response metrics = client.get(null, "/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("# TYPE oms_engine_queue_depth gauge")
                .contains("oms_engine_running 1.0")
                .contains("oms_engine_broker_calls_in_flight ")
                .contains("oms_schedule_failures ")
                .contains("jvm_memory_used_bytes")
                .contains("process_uptime_seconds")
                .doesNotContain(ApiTestApp.ADMIN_KEY)
                .doesNotContain(app.trader);
    }

    private String submitLimit(String instrument, String price, String strategy) {
        Response created = client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"" + instrument + "\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"LIMIT\","
                        + "\"price\":" + price + ",\"strategy\":\"" + strategy + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
