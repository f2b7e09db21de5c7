package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.app.http.ApiClient.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Orders over real HTTP against one started app (the simulated venue) per class, on the database the
 * subclass names. Tests share the app, so each uses its own strategy, instrument or clientOrderId.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderApiSuite {
    private static final String LIMIT_BUY =
            "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":10,\"type\":\"LIMIT\",\"price\":\"1400.05\"}";

    /** Every endpoint of docs/api.md under /api/v1, with the least role it needs. */
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/api/v1/orders", "trader"},
            new String[] {"GET", "/api/v1/orders", "viewer"},
            new String[] {"GET", "/api/v1/orders/some-id", "viewer"},
            new String[] {"PATCH", "/api/v1/orders/some-id", "trader"},
            new String[] {"DELETE", "/api/v1/orders/some-id", "trader"},
            new String[] {"POST", "/api/v1/orders/cancel-all", "trader"},
            new String[] {"POST", "/api/v1/signals", "trader"},
            new String[] {"POST", "/api/v1/orders/some-id/fills", "trader"},
            new String[] {"GET", "/api/v1/webhooks", "admin"},
            new String[] {"POST", "/api/v1/webhooks", "admin"},
            new String[] {"DELETE", "/api/v1/webhooks/some-id", "admin"},
            new String[] {"GET", "/api/v1/positions", "viewer"},
            new String[] {"GET", "/api/v1/portfolio", "viewer"},
            new String[] {"GET", "/api/v1/risk/limits", "viewer"},
            new String[] {"PUT", "/api/v1/risk/limits", "admin"},
            new String[] {"GET", "/api/v1/risk/trading-state", "viewer"},
            new String[] {"PUT", "/api/v1/risk/trading-state", "admin"},
            new String[] {"GET", "/api/v1/reconciliation", "viewer"},
            new String[] {"POST", "/api/v1/reconciliation/run", "admin"},
            new String[] {"POST", "/api/v1/reconciliation/findings/some-id/approve", "admin"},
            new String[] {"POST", "/api/v1/reconciliation/findings/some-id/dismiss", "admin"},
            new String[] {"GET", "/api/v1/events", "viewer"},
            new String[] {"GET", "/api/v1/openapi.json", "viewer"});

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
    void every_endpoint_answers_401_without_a_valid_key_and_403_to_a_key_without_its_role() {
        for (String[] endpoint : ENDPOINTS) {
            String method = endpoint[0];
            String path = endpoint[1];
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            Response none = client.send(null, method, path, body);
            Response wrong = client.send("oms_not-a-key", method, path, body);
            assertThat(none.status()).as(method + " " + path + " without a key").isEqualTo(401);
            assertThat(none.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(none.raw().headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(wrong.status())
                    .as(method + " " + path + " with a wrong key")
                    .isEqualTo(401);
            assertErrorShape(none);

            String role = endpoint[2];
            if (!role.equals("viewer")) {
                Response viewer = client.send(app.viewer, method, path, body);
                assertThat(viewer.status())
                        .as(method + " " + path + " as viewer")
                        .isEqualTo(403);
                assertThat(viewer.json().get("code").asText()).isEqualTo("FORBIDDEN");
                assertThat(viewer.json().get("details").get("required").asText())
                        .isEqualTo(role);
                assertThat(viewer.json().get("message").asText())
                        .contains(method + " " + path.replace("some-id", "{id}") + " needs " + role);
                assertErrorShape(viewer);
            }
            if (role.equals("admin")) {
                Response trader = client.send(app.trader, method, path, body);
                assertThat(trader.status())
                        .as(method + " " + path + " as trader")
                        .isEqualTo(403);
            }
        }
        assertThat(client.get(null, "/api/v1/nothing-here").status()).isEqualTo(401);
        assertThat(client.get(app.viewer, "/api/v1/nothing-here").status()).isEqualTo(404);
        assertThat(client.get(null, "/health").status()).isEqualTo(200);
    }

    @Test
    void a_limit_order_is_submitted_listed_shown_modified_and_cancelled_and_then_refuses_both_with_409() {
        Response created = client.post(app.trader, "/api/v1/orders", LIMIT_BUY.replace("}", ",\"strategy\":\"life\"}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode order = created.json();
        String id = order.get("id").asText();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/orders/" + id);
        assertThat(order.get("clientOrderId").asText()).isEqualTo(id);
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

        JsonNode accepted = client.awaitStatus(app.viewer, id, "ACCEPTED");
        assertThat(accepted.get("brokerOrderId").asText()).isNotBlank();

        Response listed = client.get(app.viewer, "/api/v1/orders?strategy=life&limit=10");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items")).hasSize(1);
        assertThat(listed.json().get("next").isNull()).isTrue();

        Response shown = client.get(app.viewer, "/api/v1/orders/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("events").get(0).get("type").asText()).isEqualTo("OrderCreated");
        assertThat(shown.json().get("fills")).isEmpty();

        Response modified = client.patch(app.trader, "/api/v1/orders/" + id, "{\"price\":1399.95}");
        assertThat(modified.status()).as(modified.toString()).isEqualTo(202);
        assertThat(modified.json().get("status").asText()).isEqualTo("PENDING_MODIFY");
        client.await(
                app.viewer,
                "/api/v1/orders/" + id,
                o -> o.get("status").asText().equals("ACCEPTED")
                        && o.get("price").asText().equals("1399.95"));

        Response cancelled = client.delete(app.trader, "/api/v1/orders/" + id);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("PENDING_CANCEL");
        client.awaitStatus(app.viewer, id, "CANCELLED");

        Response cancelledAgain = client.delete(app.trader, "/api/v1/orders/" + id);
        assertThat(cancelledAgain.status()).as(cancelledAgain.toString()).isEqualTo(409);
        assertThat(cancelledAgain.json().get("code").asText()).isEqualTo("VALIDATION_ORDER_NOT_CANCELLABLE");
        Response modifiedAfter = client.patch(app.trader, "/api/v1/orders/" + id, "{\"quantity\":12}");
        assertThat(modifiedAfter.status()).as(modifiedAfter.toString()).isEqualTo(409);
        assertThat(modifiedAfter.json().get("code").asText()).isEqualTo("VALIDATION_ORDER_NOT_MODIFIABLE");
        assertErrorShape(modifiedAfter);
    }

    @Test
    void a_filled_market_order_cannot_be_cancelled_or_modified() {
        Response created = client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"NSE:SBIN\",\"side\":\"BUY\",\"quantity\":\"2\",\"type\":\"MARKET\","
                        + "\"strategy\":\"filled\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        JsonNode filled = client.awaitStatus(app.viewer, id, "FILLED");
        assertThat(filled.get("filledQuantity").asText()).isEqualTo("2");
        assertThat(filled.get("remainingQuantity").asText()).isEqualTo("0");

        Response cancel = client.delete(app.trader, "/api/v1/orders/" + id);
        Response modify = client.patch(app.trader, "/api/v1/orders/" + id, "{\"quantity\":3}");

        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(409);
        assertThat(cancel.json().get("code").asText()).isEqualTo("VALIDATION_ORDER_NOT_CANCELLABLE");
        assertThat(modify.status()).as(modify.toString()).isEqualTo(409);
        assertThat(modify.json().get("code").asText()).isEqualTo("VALIDATION_ORDER_NOT_MODIFIABLE");
    }

    @Test
    void a_malformed_order_is_400_with_every_field_error_and_nothing_is_stored() {
        Response bad = client.post(
                app.trader,
                "/api/v1/orders",
                "{\"instrument\":\"INFY\",\"side\":\"HOLD\",\"quantity\":\"ten\",\"type\":\"LIMIT\",\"colour\":1,"
                        + "\"strategy\":\"malformed\"}");

        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        JsonNode fields = bad.json().get("details").get("fields");
        assertThat(fields.has("instrument")).isTrue();
        assertThat(fields.has("side")).isTrue();
        assertThat(fields.has("quantity")).isTrue();
        assertThat(fields.has("colour")).isTrue();
        assertErrorShape(bad);
        assertThat(client.get(app.viewer, "/api/v1/orders?strategy=malformed")
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void unknown_fields_are_refused_on_every_body_and_nothing_is_done() {
        Response submit = client.post(
                app.trader, "/api/v1/orders", LIMIT_BUY.replace("}", ",\"strategy\":\"unknown\",\"stopPrice\":1}"));
        Response signal = client.post(
                app.trader,
                "/api/v1/signals",
                "{\"symbol\":\"INFY\",\"side\":\"BUY\",\"qty\":1,\"reason\":\"x\",\"strategy\":\"unknown\",\"urgent\":true}");
        Response state = client.put(
                app.admin, "/api/v1/risk/trading-state", "{\"state\":\"HALTED\",\"reason\":\"x\",\"until\":\"never\"}");
        Response cancelAll = client.post(app.trader, "/api/v1/orders/cancel-all", "{\"everything\":true}");

        for (Response response : List.of(submit, signal, state, cancelAll)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertErrorShape(response);
        }
        assertThat(submit.json().get("details").get("fields").has("stopPrice")).isTrue();
        assertThat(signal.json().get("details").get("fields").has("urgent")).isTrue();
        assertThat(state.json().get("details").get("fields").has("until")).isTrue();
        assertThat(cancelAll.json().get("details").get("fields").has("everything"))
                .isTrue();
        assertThat(client.get(app.viewer, "/api/v1/orders?strategy=unknown")
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(client.get(app.viewer, "/api/v1/risk/trading-state")
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void malformed_json_and_non_object_bodies_are_400_without_a_stack_trace() {
        Response broken = client.post(app.trader, "/api/v1/orders", "{\"instrument\": \"NSE:INFY\",");
        Response array = client.post(app.trader, "/api/v1/orders", "[1,2]");
        Response empty = client.post(app.trader, "/api/v1/orders", "");
        Response trailing = client.post(app.trader, "/api/v1/orders", LIMIT_BUY + " {}");

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(array.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(trailing.status()).isEqualTo(400);
        for (Response response : List.of(broken, array, empty, trailing)) {
            assertErrorShape(response);
        }
    }

    @Test
    void decimals_are_read_exactly_as_numbers_or_strings_and_written_as_strings() {
        String asNumbers = "{\"instrument\":\"NSE:RELIANCE\",\"side\":\"BUY\",\"quantity\":7,\"type\":\"LIMIT\","
                + "\"price\":1300.05,\"strategy\":\"decimals\",\"clientOrderId\":\"decimals-1\"}";
        Response created = client.post(app.trader, "/api/v1/orders", asNumbers);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("price").isTextual()).isTrue();
        assertThat(created.json().get("price").asText()).isEqualTo("1300.05");
        assertThat(created.json().get("quantity").asText()).isEqualTo("7");

        // The same values as strings with other trailing zeros are the same order: compared as decimals.
        Response repeated = client.post(
                app.trader,
                "/api/v1/orders",
                asNumbers.replace("\"quantity\":7", "\"quantity\":\"7.0\"").replace("1300.05", "\"1300.050\""));
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);

        // Read exactly (8 places at most), it is off the 0.05 tick; a float would make it 1300.05000000999...
        Response offTick = client.post(
                app.trader,
                "/api/v1/orders",
                asNumbers.replace("1300.05", "1300.05000001").replace("decimals-1", "decimals-2"));
        assertThat(offTick.status()).as(offTick.toString()).isEqualTo(400);
        assertThat(offTick.json().get("details").get("fields").has("price")).isTrue();
        assertThat(offTick.json().get("message").asText()).contains("1300.05000001");
        assertThat(client.get(app.viewer, "/api/v1/orders?strategy=decimals")
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void a_retry_of_an_order_modified_since_returns_the_stored_order_and_its_modified_values_are_409() {
        String body = "{\"instrument\":\"NSE:TCS\",\"side\":\"BUY\",\"quantity\":\"1\",\"type\":\"LIMIT\","
                + "\"price\":3300,\"clientOrderId\":\"modified-retry-1\",\"strategy\":\"modified-retry\"}";
        Response first = client.post(app.trader, "/api/v1/orders", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        client.awaitStatus(app.viewer, "modified-retry-1", "ACCEPTED");
        Response modified = client.patch(app.trader, "/api/v1/orders/modified-retry-1", "{\"price\":3299.95}");
        assertThat(modified.status()).as(modified.toString()).isEqualTo(202);
        client.await(
                app.viewer,
                "/api/v1/orders/modified-retry-1",
                o -> o.get("status").asText().equals("ACCEPTED")
                        && o.get("price").asText().equals("3299.95"));

        Response retry = client.post(app.trader, "/api/v1/orders", body);
        Response asModified = client.post(app.trader, "/api/v1/orders", body.replace("3300", "3299.95"));

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("id").asText()).isEqualTo("modified-retry-1");
        assertThat(retry.json().get("price").asText()).isEqualTo("3299.95");
        assertThat(asModified.status()).as(asModified.toString()).isEqualTo(409);
        assertThat(asModified.json().get("code").asText()).isEqualTo("CLIENT_ORDER_ID_CONFLICT");
        assertErrorShape(asModified);
        assertThat(client.get(app.viewer, "/api/v1/orders?strategy=modified-retry")
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void the_same_client_order_id_returns_the_first_order_and_a_different_order_under_it_is_409() {
        String body = "{\"instrument\":\"NSE:TCS\",\"side\":\"BUY\",\"quantity\":\"1\",\"type\":\"LIMIT\","
                + "\"price\":3400,\"clientOrderId\":\"my-order-1\",\"strategy\":\"idempotent\"}";
        Response first = client.post(app.trader, "/api/v1/orders", body);
        Response again = client.post(app.trader, "/api/v1/orders", body);
        Response different = client.post(app.trader, "/api/v1/orders", body.replace("3400", "3401"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo("my-order-1");
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.json().get("code").asText()).isEqualTo("CLIENT_ORDER_ID_CONFLICT");
        assertThat(different.json().get("details").get("order").get("price").asText())
                .isEqualTo("3400");
        assertErrorShape(different);
        assertThat(client.get(app.viewer, "/api/v1/orders?strategy=idempotent")
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void a_risk_rejected_order_is_422_with_the_stored_order_and_so_is_its_repeat() {
        String body = "{\"instrument\":\"NSE:INFY\",\"side\":\"BUY\",\"quantity\":20000,\"type\":\"LIMIT\","
                + "\"price\":1500,\"clientOrderId\":\"too-big-1\",\"strategy\":\"rejected\"}";
        Response rejected = client.post(app.trader, "/api/v1/orders", body);
        Response repeated = client.post(app.trader, "/api/v1/orders", body);

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejection").get("source").asText()).isEqualTo("RISK");
        assertThat(rejected.json().get("rejection").get("check").asText()).isEqualTo("MAX_ORDER_QUANTITY");
        assertThat(rejected.json().get("rejection").get("reason").asText()).isNotBlank();
        assertThat(repeated.status()).isEqualTo(422);
        assertThat(repeated.json().get("id").asText()).isEqualTo("too-big-1");
        assertThat(client.get(app.viewer, "/api/v1/orders/too-big-1").status()).isEqualTo(200);
        assertThat(client.get(app.viewer, "/api/v1/orders?strategy=rejected&status=REJECTED")
                        .json()
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void unknown_orders_are_404_and_oversized_bodies_413() {
        for (Response response : List.of(
                client.get(app.viewer, "/api/v1/orders/nope"),
                client.delete(app.trader, "/api/v1/orders/nope"),
                client.patch(app.trader, "/api/v1/orders/nope", "{\"quantity\":1}"),
                client.get(app.viewer, "/api/v1/orders/not%20an%20id"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
            assertErrorShape(response);
        }
        String huge = "{\"tag\":\"" + "x".repeat(70_000) + "\"}";
        // Repeated: a server that answers before reading the body can reset the connection under the answer.
        for (int i = 0; i < 10; i++) {
            Response tooLarge = client.post(app.trader, "/api/v1/orders", huge);
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
            assertErrorShape(tooLarge);
        }
        assertThat(client.get(app.viewer, "/api/v1/orders?limit=1").status()).isEqualTo(200);
    }

    @Test
    void a_signal_becomes_a_market_order_that_keeps_its_reason_in_the_tag() {
        Response signal = client.post(
                app.trader,
                "/api/v1/signals",
                "{\"symbol\":\"NSE:SBIN\",\"side\":\"BUY\",\"qty\":5,\"reason\":\"RSI crossed 30 on 5m\","
                        + "\"strategy\":\"rsi\"}");
        Response blank = client.post(
                app.trader, "/api/v1/signals", "{\"symbol\":\"SBIN\",\"side\":\"BUY\",\"qty\":5,\"reason\":\" \"}");

        assertThat(signal.status()).as(signal.toString()).isEqualTo(201);
        assertThat(signal.json().get("type").asText()).isEqualTo("MARKET");
        assertThat(signal.json().get("tag").asText()).isEqualTo("sig-RSI-crossed-30-on-5m");
        assertThat(signal.json().get("strategy").asText()).isEqualTo("rsi");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("details").get("fields").has("reason")).isTrue();
    }

    @Test
    void a_cursor_this_server_did_not_give_is_refused_with_400_and_lists_nothing() {
        Response created =
                client.post(app.trader, "/api/v1/orders", LIMIT_BUY.replace("}", ",\"strategy\":\"cursor\"}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        for (String cursor : new String[] {"not%20a%20cursor%21", "no-order-has-this-id", "x".repeat(65)}) {
            Response refused = client.get(app.viewer, "/api/v1/orders?strategy=cursor&cursor=" + cursor);

            assertThat(refused.status()).as(cursor + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().get("details").get("fields").get("cursor").asText())
                    .contains("not a cursor this server gave");
            assertErrorShape(refused);
        }
        Response first = client.get(app.viewer, "/api/v1/orders?strategy=cursor&limit=1");
        assertThat(first.json().get("items")).hasSize(1);
        assertThat(first.json().get("next").isNull()).isTrue();
    }

    @Test
    void a_modify_is_checked_like_a_submit_400_for_values_that_do_not_fit_and_422_for_a_risk_refusal() {
        String original = client.get(app.viewer, "/api/v1/risk/limits").json().toString();
        ObjectNode banded =
                (ObjectNode) client.get(app.viewer, "/api/v1/risk/limits").json();
        banded.putObject("instrumentOverrides").putObject("NSE:HDFCBANK").put("priceBandPercent", "10");
        assertThat(client.put(app.admin, "/api/v1/risk/limits", banded.toString())
                        .status())
                .isEqualTo(200);
        String id = null;
        try {
            Response created = client.post(
                    app.trader,
                    "/api/v1/orders",
                    "{\"instrument\":\"NSE:HDFCBANK\",\"side\":\"BUY\",\"quantity\":10,\"type\":\"LIMIT\","
                            + "\"price\":\"1800\",\"strategy\":\"modify-checks\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            id = created.json().get("id").asText();
            String path = "/api/v1/orders/" + id;
            int events =
                    client.awaitStatus(app.viewer, id, "ACCEPTED").get("events").size();

            for (String[] invalid : new String[][] {
                {"{\"quantity\":\"0.5\"}", "quantity"},
                {"{\"price\":\"-1\"}", "price"},
                {"{\"price\":0}", "price"},
                {"{\"price\":\"1800.03\"}", "price"}
            }) {
                Response refused = client.patch(app.trader, path, invalid[0]);
                assertThat(refused.status()).as(invalid[0] + ": " + refused).isEqualTo(400);
                assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
                assertThat(refused.json().get("details").get("fields").has(invalid[1]))
                        .as(refused.toString())
                        .isTrue();
                assertErrorShape(refused);
            }
            for (String[] risky : new String[][] {
                {"{\"price\":\"2150\"}", "PRICE_BAND"}, {"{\"quantity\":100000}", "MAX_ORDER_QUANTITY"}
            }) {
                Response refused = client.patch(app.trader, path, risky[0]);
                assertThat(refused.status()).as(risky[0] + ": " + refused).isEqualTo(422);
                assertErrorShape(refused);
                assertThat(refused.json().get("code").asText()).isEqualTo("RISK_REJECTED");
                JsonNode details = refused.json().get("details");
                assertThat(details.get("rejection").get("check").asText()).isEqualTo(risky[1]);
                assertThat(details.get("rejection").get("source").asText()).isEqualTo("RISK");
                assertThat(details.get("order").get("status").asText()).isEqualTo("ACCEPTED");
            }

            JsonNode unchanged = client.get(app.viewer, path).json();
            assertThat(unchanged.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(new BigDecimal(unchanged.get("price").asText())).isEqualByComparingTo("1800");
            assertThat(new BigDecimal(unchanged.get("quantity").asText())).isEqualByComparingTo("10");
            assertThat(unchanged.get("events")).as("no event stored").hasSize(events);

            Response fits = client.patch(app.trader, path, "{\"price\":\"1800.05\"}");
            assertThat(fits.status()).as(fits.toString()).isEqualTo(202);
        } finally {
            if (id != null) {
                client.delete(app.trader, "/api/v1/orders/" + id);
            }
            assertThat(client.put(app.admin, "/api/v1/risk/limits", original).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void orders_are_listed_by_filter_and_paged_with_the_next_cursor() {
        List<String> ids = new ArrayList<>();
        List<String> createdAt = new ArrayList<>();
        for (String price : new String[] {"1800", "1801", "1802"}) {
            Response created = client.post(
                    app.trader,
                    "/api/v1/orders",
                    "{\"instrument\":\"NSE:HDFCBANK\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"LIMIT\",\"price\":"
                            + price + ",\"strategy\":\"paging\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.json().get("id").asText());
            createdAt.add(created.json().get("createdAt").asText());
        }
        client.awaitStatus(app.viewer, ids.get(0), "ACCEPTED");
        assertThat(client.delete(app.trader, "/api/v1/orders/" + ids.get(0)).status())
                .isEqualTo(202);
        client.awaitStatus(app.viewer, ids.get(0), "CANCELLED");

        JsonNode firstPage =
                client.get(app.viewer, "/api/v1/orders?strategy=paging&limit=2").json();
        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(firstPage.get("next").isTextual()).isTrue();
        JsonNode secondPage = client.get(
                        app.viewer,
                        "/api/v1/orders?strategy=paging&limit=2&cursor="
                                + firstPage.get("next").asText())
                .json();
        assertThat(secondPage.get("items")).hasSize(1);
        assertThat(secondPage.get("next").isNull()).isTrue();
        Set<String> paged = new HashSet<>();
        firstPage.get("items").forEach(o -> paged.add(o.get("id").asText()));
        secondPage.get("items").forEach(o -> paged.add(o.get("id").asText()));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ids);

        assertThat(ids(client.get(app.viewer, "/api/v1/orders?strategy=paging&status=CANCELLED")))
                .containsExactly(ids.get(0));
        assertThat(ids(client.get(app.viewer, "/api/v1/orders?strategy=paging&status=ACCEPTED,CANCELLED")))
                .hasSize(3);
        assertThat(ids(client.get(app.viewer, "/api/v1/orders?symbol=HDFCBANK&strategy=paging")))
                .hasSize(3);
        assertThat(ids(client.get(app.viewer, "/api/v1/orders?instrument=NSE:TCS&strategy=paging")))
                .isEmpty();
        assertThat(ids(client.get(app.viewer, "/api/v1/orders?account=PAPER&strategy=paging")))
                .hasSize(3);
        // An account that is not configured is not an empty list: it does not exist (issue 10).
        Response other = client.get(app.viewer, "/api/v1/orders?account=OTHER&strategy=paging");
        assertThat(other.status()).as(other.toString()).isEqualTo(404);
        assertErrorShape(other);
        assertThat(ids(client.get(app.viewer, "/api/v1/orders?strategy=paging&from=" + createdAt.get(1))))
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(ids(client.get(app.viewer, "/api/v1/orders?strategy=paging&to=" + createdAt.get(1))))
                .containsExactly(ids.get(0));

        for (String bad : new String[] {
            "status=SLEEPING", "limit=0", "limit=1001", "from=yesterday", "instrument=NOPE", "strategy=a%20b"
        }) {
            Response refused = client.get(app.viewer, "/api/v1/orders?" + bad);
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
            assertErrorShape(refused);
        }
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }

    /** The one error shape, and nothing of the server's insides. */
    static void assertErrorShape(Response response) {
        JsonNode body = response.json();
        assertThat(body.get("code").isTextual()).as(response.toString()).isTrue();
        assertThat(body.get("message").isTextual()).as(response.toString()).isTrue();
        assertThat(body.get("details").isObject()).as(response.toString()).isTrue();
        assertThat(response.body())
                .as("an error body never carries a stack trace")
                .doesNotContain("\tat ", ".java:", "Exception", "io.openoms.", "org.eclipse.");
    }
}
