package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.app.http.RawHttp.Answer;
import io.openoms.app.http.RawHttp.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Generated malformed and hostile requests against every endpoint that takes input ({@link
 * HostileRequests}): each must be answered with a 4xx in the error shape, never a 5xx, an HTML page, a
 * 422 (which stores a rejected order) or no answer; nothing may be stored (orders, the filled order's
 * history, the limits and the trading state are compared before and after); and the server must still
 * take a valid order afterwards. Seeded: {@code -Doms.fuzz.seed=N} repeats a run, and a failure prints
 * its seed. The request budget's rate limit is off so that every request reaches the parsers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RestFuzzSuite {
    private static final int REQUESTS = Integer.getInteger("oms.fuzz.requests", 2_000);
    private static final int MAX_REPORTED = 15;

    private ApiTestApp app;
    private ApiClient client;
    private String filledOrder;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        app = ApiTestApp.start(database(), "security:\n  rate-limit:\n    enabled: false\n");
        client = app.client;
        ApiClient.Response created = client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":\"1\",\"type\":\"MARKET\","
                        + "\"clientOrderId\":\"fuzz-filled\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        filledOrder = "fuzz-filled";
        client.awaitStatus(app.viewer, filledOrder, "FILLED");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void every_hostile_request_gets_a_4xx_in_the_error_shape_stores_nothing_and_leaves_the_server_healthy() {
        long seed = Long.getLong("oms.fuzz.seed", new Random().nextLong());
        String state = storedState();
        HostileRequests requests =
                new HostileRequests(new Random(seed), app.admin, app.trader, app.viewer, filledOrder);
        RawHttp http = new RawHttp(app.runtime.httpPort());
        List<String> violations = new ArrayList<>();
        int sent = 0;
        for (; sent < REQUESTS && violations.size() < MAX_REPORTED; sent++) {
            Request request = requests.next();
            try {
                violation(http.send(request))
                        .ifPresent(v -> violations.add(v + "\n    request: " + request.describe()));
            } catch (RuntimeException e) {
                violations.add("no answer (" + e.getMessage() + ")\n    request: " + request.describe());
            }
        }
        assertThat(violations)
                .as(
                        "seed %d (repeat with -Doms.fuzz.seed=%d): %d of %d requests answered wrongly",
                        seed, seed, violations.size(), sent)
                .isEmpty();
        assertThat(storedState()).as("seed %d: what is stored changed", seed).isEqualTo(state);
        assertThat(client.get(null, "/health/ready").status())
                .as("seed %d: health", seed)
                .isEqualTo(200);
        ApiClient.Response valid = client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":\"1\",\"type\":\"MARKET\"}");
        assertThat(valid.status())
                .as("seed %d: a valid order afterwards: %s", seed, valid)
                .isEqualTo(201);
    }

    @Test
    void the_values_the_outside_fuzz_run_found_accepted_are_refused_naming_the_field() {
        for (String quantity : List.of("\" 5\"", "\"5 \"", "\"+5\"", "\"١٢\"", "1e400", "1e999")) {
            assertRefused(
                    submit("\"quantity\":" + quantity, "\"side\":\"BUY\"", "\"type\":\"MARKET\""), 400, "quantity");
        }
        assertRefused(submit("\"quantity\":1", "\"side\":\"BUY \"", "\"type\":\"MARKET\""), 400, "side");
        assertRefused(submit("\"quantity\":1", "\"side\":\"BUY\\u0000\"", "\"type\":\"MARKET\""), 400, "side");
        assertRefused(submit("\"quantity\":1", "\"side\":\"BUY\"", "\"type\":\"LIMIT\\u0000\""), 400, "type");
    }

    @Test
    void unknown_accounts_and_instruments_are_refused_and_never_answered_with_defaults() {
        RawHttp http = new RawHttp(app.runtime.httpPort());
        assertRefused(http.send(json("PUT", "/api/v1/risk/limits?account=NOPE", app.admin, "{}")), 400, "account");
        assertRefused(
                http.send(json(
                        "PUT",
                        "/api/v1/risk/limits",
                        app.admin,
                        "{\"instrumentOverrides\":{\"NSE:NOPE\":{\"maxOrderQuantity\":5}}}")),
                400,
                "instrumentOverrides.NSE:NOPE");
        assertRefused(
                http.send(json(
                        "PUT",
                        "/api/v1/risk/trading-state",
                        app.admin,
                        "{\"account\":\"NOPE\",\"state\":\"HALTED\",\"reason\":\"x\"}")),
                400,
                "account");
        for (String path : List.of("/orders", "/positions", "/portfolio", "/risk/limits", "/risk/trading-state")) {
            Answer answer = http.send(new Request(
                    "GET", "/api/v1" + path + "?account=NOPE", java.util.Map.of("X-API-Key", app.viewer), new byte[0]));
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(404);
            assertThat(violation(answer)).as(path).isEmpty();
        }
    }

    @Test
    void a_body_without_the_json_media_type_is_415() {
        RawHttp http = new RawHttp(app.runtime.httpPort());
        String order = "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"MARKET\"}";
        for (String type : java.util.Arrays.asList(
                null, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1")) {
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("X-API-Key", app.trader);
            if (type != null) {
                headers.put("Content-Type", type);
            }
            Answer answer = http.send(new Request(
                    "POST", "/api/v1/orders", headers, order.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(answer.status()).as(type + ": " + answer.body()).isEqualTo(415);
            assertThat(violation(answer)).as(String.valueOf(type)).isEmpty();
        }
    }

    @Test
    void what_jetty_refuses_before_routing_is_answered_in_the_error_shape() {
        RawHttp http = new RawHttp(app.runtime.httpPort());
        Answer huge = http.send(
                new Request("GET", "/api/v1/orders", java.util.Map.of("X-API-Key", "k".repeat(9_000)), new byte[0]));
        assertThat(huge.status()).isEqualTo(431);
        assertThat(violation(huge)).isEmpty();
        assertThat(huge.body()).doesNotContain("kkkk");
        for (String id : List.of("a%00", "a%ZZ", "a%")) {
            for (String[] call : new String[][] {
                {"GET", "/api/v1/orders/" + id},
                {"PATCH", "/api/v1/orders/" + id},
                {"DELETE", "/api/v1/orders/" + id},
                {"POST", "/api/v1/reconciliation/findings/" + id + "/approve"},
                {"POST", "/api/v1/reconciliation/findings/" + id + "/dismiss"}
            }) {
                Answer answer = http.send(json(call[0], call[1], app.admin, "{\"price\":1}"));
                assertThat(answer.status()).as(call[0] + " " + call[1]).isEqualTo(400);
                assertThat(violation(answer)).as(call[0] + " " + call[1]).isEmpty();
            }
        }
    }

    @Test
    void positions_and_portfolio_write_prices_to_eight_places_and_money_to_the_paisa() {
        // 7 + 11 + 19 = 37 filled at drifting prices: the average cost is a non-terminating division.
        for (int quantity : new int[] {7, 11, 19}) {
            ApiClient.Response created = client.post(
                    app.trader,
                    "/api/v1/orders",
                    "{\"instrument\":\"NSE:TCS\",\"side\":\"BUY\",\"quantity\":" + quantity
                            + ",\"type\":\"MARKET\",\"strategy\":\"scales\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            client.awaitStatus(app.viewer, created.json().get("id").asText(), "FILLED");
        }
        JsonNode position = client.await(
                        app.viewer,
                        "/api/v1/positions?strategy=scales",
                        // The position follows the durable commit of the last fill, a moment after FILLED.
                        page -> page.get("items").size() == 1
                                && page.get("items")
                                        .get(0)
                                        .get("quantity")
                                        .asText()
                                        .equals("37"))
                .get("items")
                .get(0);
        assertThat(position.get("quantity").asText()).isEqualTo("37");
        assertThat(position.get("averagePrice").asText()).matches("\\d+(\\.\\d{1,8})?");
        for (String money : List.of("realizedPnl", "unrealizedPnl", "fees")) {
            assertThat(position.get(money).asText()).as(money).matches("-?\\d+(\\.\\d{1,2})?");
        }
        JsonNode totals = client.get(app.viewer, "/api/v1/portfolio")
                .json()
                .get("accounts")
                .get(0)
                .get("totals");
        totals.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                assertThat(field.getValue().asText()).as(field.getKey()).matches("-?\\d+(\\.\\d{1,2})?");
            }
        });
    }

    private Answer submit(String... fields) {
        return new RawHttp(app.runtime.httpPort())
                .send(json(
                        "POST",
                        "/api/v1/orders",
                        app.trader,
                        "{\"instrument\":\"NSE:INFY\"," + String.join(",", fields) + "}"));
    }

    private static Request json(String method, String path, String key, String body) {
        return new Request(
                method,
                path,
                java.util.Map.of("X-API-Key", key, "Content-Type", "application/json"),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void assertRefused(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(violation(answer)).isEmpty();
        assertThat(answer.body()).contains("\"" + field + "\"");
    }

    private static java.util.Optional<String> violation(Answer answer) {
        String what = answer.status() + " " + abbreviate(answer.body());
        if (answer.status() < 400 || answer.status() >= 500 || answer.status() == 422) {
            return java.util.Optional.of("status " + what);
        }
        String type = answer.headers().getOrDefault("content-type", "");
        if (!type.startsWith("application/json")) {
            return java.util.Optional.of("not JSON (" + type + "): " + what);
        }
        JsonNode body;
        try {
            body = ApiClient.JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            return java.util.Optional.of("unparseable JSON: " + what);
        }
        boolean shaped = body.isObject()
                && body.path("code").isTextual()
                && body.path("message").isTextual()
                && body.path("details").isObject()
                && body.size() == 3;
        return shaped ? java.util.Optional.empty() : java.util.Optional.of("not {code, message, details}: " + what);
    }

    /** Every order id, the filled order's history, the limits and the trading state, as one comparable text. */
    private String storedState() {
        TreeSet<String> ids = new TreeSet<>();
        String cursor = null;
        do {
            JsonNode page = client.get(
                            app.viewer, "/api/v1/orders?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items")
                    .forEach(order -> ids.add(
                            order.get("id").asText() + ":" + order.get("status").asText()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        return ids + "\n"
                + client.get(app.viewer, "/api/v1/orders/" + filledOrder)
                        .json()
                        .get("events")
                        .size()
                + "\n" + client.get(app.viewer, "/api/v1/risk/limits").body()
                + "\n" + client.get(app.viewer, "/api/v1/risk/trading-state").body();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
