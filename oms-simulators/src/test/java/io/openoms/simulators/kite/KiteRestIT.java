package io.openoms.simulators.kite;

import static io.openoms.simulators.kite.KiteSimulatorFixture.INFY_ID;
import static io.openoms.simulators.kite.KiteSimulatorFixture.T0;
import static io.openoms.simulators.kite.KiteSimulatorFixture.form;
import static io.openoms.simulators.kite.KiteSimulatorFixture.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.adapters.broker.mock.ExternalOrder;
import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KiteRestIT {
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    private final KiteSimulatorFixture kite = new KiteSimulatorFixture();

    @AfterEach
    void stop() {
        kite.close();
    }

    @Test
    void a_request_without_the_version_header_is_refused_as_input_error() {
        KiteSimulatorFixture.Reply reply =
                kite.send(HttpRequest.newBuilder(kite.simulator.baseUrl().resolve("/orders"))
                        .header("Authorization", "token kitesimkey:kitesimtoken")
                        .GET()
                        .build());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorType()).isEqualTo("InputException");
    }

    @Test
    void a_request_without_or_with_a_wrong_token_is_refused_as_token_error() {
        KiteSimulatorFixture.Reply missing =
                kite.send(HttpRequest.newBuilder(kite.simulator.baseUrl().resolve("/orders"))
                        .header("X-Kite-Version", "3")
                        .GET()
                        .build());
        kite.useToken("wrong");
        KiteSimulatorFixture.Reply wrong = kite.get("/orders");

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.errorType()).isEqualTo("TokenException");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorType()).isEqualTo("TokenException");
        assertThat(wrong.contentType()).startsWith("application/json");
    }

    @Test
    void a_limit_order_is_placed_with_a_19_digit_string_id_and_shown_as_kite_shows_orders() {
        String id = kite.place("regular", order("order_type", "LIMIT", "price", "99.5", "tag", "OMS42abc"));

        assertThat(id).matches("\\d{19}");
        JsonNode orders = kite.get("/orders").data();
        assertThat(orders).hasSize(1);
        JsonNode row = orders.get(0);
        assertThat(row.get("order_id").isTextual()).isTrue();
        assertThat(row.get("order_id").asText()).isEqualTo(id);
        assertThat(row.get("status").asText()).isEqualTo("OPEN");
        assertThat(row.get("tag").asText()).isEqualTo("OMS42abc");
        assertThat(row.get("tags").get(0).asText()).isEqualTo("OMS42abc");
        assertThat(row.get("variety").asText()).isEqualTo("regular");
        assertThat(row.get("validity").asText()).isEqualTo("DAY");
        assertThat(row.get("validity_ttl").asInt()).isZero();
        assertThat(row.get("price").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(row.get("quantity").asInt()).isEqualTo(10);
        assertThat(row.get("pending_quantity").asInt()).isEqualTo(10);
        assertThat(row.get("filled_quantity").asInt()).isZero();
        assertThat(row.get("cancelled_quantity").asInt()).isZero();
        assertThat(row.get("exchange_order_id").asText()).isNotBlank();
        assertThat(row.get("order_timestamp").asText()).isEqualTo("2024-03-04 10:00:00");
        assertThat(row.get("exchange_timestamp").asText()).matches(TIMESTAMP);
        assertThat(row.get("instrument_token").asLong()).isEqualTo(1001L * 256 + 1);
        assertThat(row.get("placed_by").asText()).isEqualTo("AB1234");
        assertThat(KiteSimulatorFixture.fieldNames(row))
                .contains(
                        "status_message",
                        "exchange_update_timestamp",
                        "modified",
                        "market_protection",
                        "meta",
                        "guid",
                        "average_price",
                        "disclosed_quantity",
                        "trigger_price",
                        "order_type",
                        "transaction_type",
                        "product");
        assertThat(kite.statuses(id))
                .containsExactly("PUT ORDER REQ RECEIVED", "VALIDATION PENDING", "OPEN PENDING", "OPEN");
        assertThat(kite.get("/orders/" + id)
                        .data()
                        .get(0)
                        .get("exchange_order_id")
                        .isNull())
                .isTrue();
    }

    @Test
    void a_market_order_fills_and_shows_in_trades_positions_and_margins() {
        String id = kite.place("regular", order("order_type", "MARKET"));

        assertThat(kite.statuses(id)).endsWith("OPEN", "COMPLETE");
        JsonNode done = kite.current(id);
        assertThat(done.get("filled_quantity").asInt()).isEqualTo(10);
        assertThat(done.get("pending_quantity").asInt()).isZero();
        assertThat(done.get("average_price").decimalValue()).isEqualByComparingTo("100");
        assertThat(done.get("market_protection").asInt()).isEqualTo(-1);

        JsonNode trades = kite.get("/trades").data();
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).get("order_id").asText()).isEqualTo(id);
        assertThat(trades.get(0).get("quantity").asInt()).isEqualTo(10);
        assertThat(trades.get(0).get("average_price").decimalValue()).isEqualByComparingTo("100");
        assertThat(trades.get(0).get("trade_id").isTextual()).isTrue();
        assertThat(trades.get(0).get("fill_timestamp").asText()).matches(TIMESTAMP);
        assertThat(trades.get(0).get("order_timestamp").asText()).isEqualTo("10:00:00");
        assertThat(kite.get("/orders/" + id + "/trades").data()).hasSize(1);

        kite.simulator.setPrice(INFY_ID, Price.of(102));
        JsonNode positions = kite.get("/portfolio/positions").data();
        JsonNode net = positions.get("net").get(0);
        assertThat(positions.get("day")).hasSize(1);
        assertThat(net.get("tradingsymbol").asText()).isEqualTo("INFY");
        assertThat(net.get("quantity").asInt()).isEqualTo(10);
        assertThat(net.get("average_price").decimalValue()).isEqualByComparingTo("100");
        assertThat(net.get("buy_quantity").asInt()).isEqualTo(10);
        assertThat(net.get("last_price").decimalValue()).isEqualByComparingTo("102");
        assertThat(net.get("pnl").decimalValue()).isEqualByComparingTo("20");

        JsonNode equity = kite.get("/user/margins").data().get("equity");
        assertThat(equity.get("enabled").asBoolean()).isTrue();
        assertThat(equity.get("utilised").get("debits").decimalValue()).isEqualByComparingTo("1000");
        assertThat(equity.get("net").decimalValue()).isEqualByComparingTo("999000");
        assertThat(kite.get("/user/margins/equity")
                        .data()
                        .get("available")
                        .get("cash")
                        .decimalValue())
                .isEqualByComparingTo("1000000");
    }

    @Test
    void a_modification_passes_through_the_modify_statuses_and_marks_the_order_modified() {
        String id = kite.place("regular", order("order_type", "LIMIT", "price", "95"));

        KiteSimulatorFixture.Reply reply =
                kite.put("/orders/regular/" + id, form("order_type", "LIMIT", "price", "96", "quantity", "12"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.data().get("order_id").asText()).isEqualTo(id);
        assertThat(kite.statuses(id))
                .containsExactly(
                        "PUT ORDER REQ RECEIVED",
                        "VALIDATION PENDING",
                        "OPEN PENDING",
                        "OPEN",
                        "MODIFY VALIDATION PENDING",
                        "MODIFY PENDING",
                        "MODIFIED",
                        "OPEN");
        JsonNode now = kite.current(id);
        assertThat(now.get("price").decimalValue()).isEqualByComparingTo("96");
        assertThat(now.get("quantity").asInt()).isEqualTo(12);
        assertThat(now.get("modified").asBoolean()).isTrue();
    }

    @Test
    void a_cancel_passes_through_cancel_pending_and_keeps_pending_quantity_as_kite_does() {
        String id = kite.place("regular", order("order_type", "LIMIT", "price", "95"));

        KiteSimulatorFixture.Reply reply = kite.delete("/orders/regular/" + id);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(kite.statuses(id)).endsWith("OPEN", "CANCEL PENDING", "CANCELLED");
        JsonNode cancelled = kite.current(id);
        assertThat(cancelled.get("cancelled_quantity").asInt()).isEqualTo(10);
        assertThat(cancelled.get("pending_quantity").asInt()).isEqualTo(10);
        assertThat(cancelled.get("status_message").isNull()).isTrue();
        assertThat(kite.delete("/orders/regular/" + id).errorType()).isEqualTo("InputException");
    }

    @Test
    void a_stop_loss_order_waits_in_trigger_pending_until_the_price_reaches_its_trigger() {
        String id = kite.place("regular", order("order_type", "SL", "price", "105", "trigger_price", "104"));

        assertThat(kite.current(id).get("status").asText()).isEqualTo("TRIGGER PENDING");
        kite.simulator.setPrice(INFY_ID, Price.of(104));

        assertThat(kite.current(id).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(kite.current(id).get("order_type").asText()).isEqualTo("SL");
    }

    @Test
    void a_ttl_order_is_cancelled_when_its_minutes_have_passed() {
        String id = kite.place(
                "regular", order("order_type", "LIMIT", "price", "95", "validity", "TTL", "validity_ttl", "2"));

        kite.simulator.step(T0.plusSeconds(60));
        assertThat(kite.current(id).get("status").asText()).isEqualTo("OPEN");
        kite.simulator.step(T0.plusSeconds(120));

        JsonNode expired = kite.current(id);
        assertThat(expired.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(expired.get("validity").asText()).isEqualTo("TTL");
        assertThat(expired.get("validity_ttl").asInt()).isEqualTo(2);
        assertThat(expired.get("status_message").asText()).contains("TTL");
    }

    @Test
    void an_ioc_limit_order_that_cannot_trade_is_cancelled_at_once() {
        String id = kite.place("regular", order("order_type", "LIMIT", "price", "95", "validity", "IOC"));

        assertThat(kite.current(id).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void invalid_placements_are_refused_with_input_errors_and_place_nothing() {
        assertThat(kite.post("/orders/regular", order("order_type", "LIMIT")).errorType())
                .isEqualTo("InputException");
        assertThat(kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95", "tag", "x".repeat(21)))
                        .errorType())
                .isEqualTo("InputException");
        assertThat(kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95", "tag", "with-dash"))
                        .errorType())
                .isEqualTo("InputException");
        assertThat(kite.post("/orders/regular", order("order_type", "MARKET", "market_protection", "0"))
                        .errorType())
                .isEqualTo("InputException");
        assertThat(kite.post("/orders/regular", order("order_type", "MARKET", "market_protection", null))
                        .errorType())
                .isEqualTo("InputException");
        assertThat(kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95", "tradingsymbol", "TCS"))
                        .errorType())
                .isEqualTo("InputException");
        assertThat(kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95", "validity", "TTL"))
                        .errorType())
                .isEqualTo("InputException");
        assertThat(kite.post("/orders/co", order("order_type", "LIMIT", "price", "95"))
                        .errorType())
                .isEqualTo("InputException");
        KiteSimulatorFixture.Reply offTick =
                kite.post("/orders/regular", order("order_type", "LIMIT", "price", "95.03"));
        assertThat(offTick.status()).isEqualTo(400);
        assertThat(offTick.errorType()).isEqualTo("InputException");
        KiteSimulatorFixture.Reply notALot = kite.post(
                "/orders/regular",
                order(
                        "exchange",
                        "NFO",
                        "tradingsymbol",
                        "NIFTY24MARFUT",
                        "order_type",
                        "LIMIT",
                        "price",
                        "21000",
                        "product",
                        "NRML",
                        "quantity",
                        "25"));
        assertThat(notALot.errorType()).isEqualTo("InputException");
        KiteSimulatorFixture.Reply json = kite.send(kite.request("/orders/regular")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(json.errorType()).isEqualTo("InputException");

        assertThat(kite.get("/orders").data()).isEmpty();
        assertThat(kite.venue.orders()).isEmpty();
    }

    @Test
    void an_iceberg_order_needs_two_to_fifty_legs_and_carries_its_legs_in_meta() {
        KiteSimulatorFixture.Reply oneLeg = kite.post(
                "/orders/iceberg",
                order("order_type", "LIMIT", "price", "95", "iceberg_legs", "1", "iceberg_quantity", "10"));
        String id = kite.place(
                "iceberg", order("order_type", "LIMIT", "price", "95", "iceberg_legs", "2", "iceberg_quantity", "5"));

        assertThat(oneLeg.status()).isEqualTo(400);
        assertThat(oneLeg.errorType()).isEqualTo("InputException");
        JsonNode row = kite.current(id);
        assertThat(row.get("variety").asText()).isEqualTo("iceberg");
        assertThat(row.get("meta").get("iceberg").get("legs").asInt()).isEqualTo(2);
        assertThat(kite.put("/orders/regular/" + id, form("price", "96")).errorType())
                .isEqualTo("InputException");
        assertThat(kite.put("/orders/iceberg/" + id, form("price", "96")).status())
                .isEqualTo(200);
    }

    @Test
    void an_after_market_order_waits_in_amo_req_received_until_the_market_opens() {
        String id = kite.place("amo", order("order_type", "LIMIT", "price", "101"));

        assertThat(id).matches("\\d{19}");
        assertThat(kite.statuses(id)).containsExactly("AMO REQ RECEIVED");
        assertThat(kite.venue.orders()).isEmpty();
        assertThat(kite.put("/orders/amo/" + id, form("price", "100.5")).status())
                .isEqualTo(200);

        kite.simulator.releaseAfterMarketOrders();

        assertThat(kite.statuses(id)).endsWith("AMO REQ RECEIVED", "OPEN PENDING", "OPEN", "COMPLETE");
        assertThat(kite.current(id).get("average_price").decimalValue()).isEqualByComparingTo("100");
        assertThat(kite.current(id).get("price").decimalValue()).isEqualByComparingTo("100.5");
    }

    @Test
    void an_unknown_order_id_is_an_input_error() {
        assertThat(kite.get("/orders/1234567890123456789").errorType()).isEqualTo("InputException");
        assertThat(kite.put("/orders/regular/1234567890123456789", form("price", "1"))
                        .errorType())
                .isEqualTo("InputException");
        assertThat(kite.delete("/orders/regular/1234567890123456789").status()).isEqualTo(400);
    }

    @Test
    void an_order_placed_outside_the_api_is_listed_without_a_tag() {
        kite.venue.placeExternal(ExternalOrder.limit(INFY_ID, Side.SELL, Quantity.of(3), Price.of(110)));

        JsonNode orders = kite.get("/orders").data();

        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("tag").isNull()).isTrue();
        assertThat(orders.get(0).get("transaction_type").asText()).isEqualTo("SELL");
        assertThat(orders.get(0).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void last_prices_are_keyed_as_asked_and_unknown_instruments_are_left_out() {
        JsonNode data = kite.get("/quote/ltp?i=NSE:INFY&i=NFO:NIFTY24MARFUT&i=NSE:NOPE&i=" + (1001L * 256 + 1))
                .data();

        assertThat(data.get("NSE:INFY").get("last_price").decimalValue()).isEqualByComparingTo("100");
        assertThat(data.get("NSE:INFY").get("instrument_token").asLong()).isEqualTo(256257L);
        assertThat(data.get("NFO:NIFTY24MARFUT").get("last_price").decimalValue())
                .isEqualByComparingTo("22000");
        assertThat(data.get("256257").get("last_price").decimalValue()).isEqualByComparingTo("100");
        assertThat(data.has("NSE:NOPE")).isFalse();
        assertThat(kite.get("/quote/ltp").errorType()).isEqualTo("InputException");
    }

    @Test
    void the_full_quote_carries_the_circuit_limits_the_venue_was_given() {
        kite.venue.setCircuitLimits(INFY_ID, CircuitLimits.of("90", "110"));

        JsonNode data = kite.get("/quote?i=NSE:INFY&i=NFO:NIFTY24MARFUT").data();

        assertThat(data.get("NSE:INFY").get("last_price").decimalValue()).isEqualByComparingTo("100");
        assertThat(data.get("NSE:INFY").get("lower_circuit_limit").decimalValue())
                .isEqualByComparingTo("90");
        assertThat(data.get("NSE:INFY").get("upper_circuit_limit").decimalValue())
                .isEqualByComparingTo("110");
        assertThat(data.get("NFO:NIFTY24MARFUT").has("upper_circuit_limit")).isFalse();
        assertThat(kite.get("/quote/ltp?i=NSE:INFY").data().get("NSE:INFY").has("upper_circuit_limit"))
                .isFalse();
    }

    @Test
    void the_instruments_master_is_csv_with_tick_and_lot_sizes_and_gzipped_when_asked()
            throws IOException, InterruptedException {
        KiteSimulatorFixture.Reply plain = kite.get("/instruments");
        HttpResponse<byte[]> zipped = kite.http.send(
                kite.request("/instruments/NFO")
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.contentType()).startsWith("text/csv");
        assertThat(plain.body().lines())
                .containsExactly(
                        "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,"
                                + "instrument_type,segment,exchange",
                        "256257,1001,INFY,\"INFY\",100,,0,0.05,1,EQ,NSE,NSE",
                        "256514,1002,NIFTY24MARFUT,,22000,,0,0.05,50,FUT,NFO-FUT,NFO");
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        String unzipped = new String(
                new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped.lines()).hasSize(2).last().asString().startsWith("256514,");
    }

    @Test
    void a_request_token_is_exchanged_for_a_new_access_token_when_the_checksum_is_right() {
        String requestToken = kite.simulator.issueRequestToken();
        String checksum = KiteBook.sha256("kitesimkey" + requestToken + "kitesimsecret");

        KiteSimulatorFixture.Reply wrongChecksum = kite.post(
                "/session/token",
                form("api_key", "kitesimkey", "request_token", requestToken, "checksum", "0".repeat(64)));
        KiteSimulatorFixture.Reply login = kite.post(
                "/session/token", form("api_key", "kitesimkey", "request_token", requestToken, "checksum", checksum));
        KiteSimulatorFixture.Reply reused = kite.post(
                "/session/token", form("api_key", "kitesimkey", "request_token", requestToken, "checksum", checksum));

        assertThat(wrongChecksum.status()).isEqualTo(403);
        assertThat(wrongChecksum.errorType()).isEqualTo("TokenException");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String accessToken = login.data().get("access_token").asText();
        assertThat(accessToken).isNotEqualTo("kitesimtoken").isEqualTo(kite.simulator.accessToken());
        assertThat(login.data().get("user_id").asText()).isEqualTo("AB1234");
        assertThat(login.data().get("login_time").asText()).matches(TIMESTAMP);
        assertThat(reused.errorType()).isEqualTo("TokenException");
        assertThat(kite.get("/orders").status()).isEqualTo(403);
        kite.useToken(accessToken);
        assertThat(kite.get("/user/profile").data().get("user_id").asText()).isEqualTo("AB1234");

        KiteSimulatorFixture.Reply logout =
                kite.delete("/session/token?api_key=kitesimkey&access_token=" + accessToken);
        assertThat(logout.data().asBoolean()).isTrue();
        assertThat(kite.get("/orders").errorType()).isEqualTo("TokenException");
    }

    @Test
    void an_unknown_route_is_not_found() {
        assertThat(kite.get("/nope").status()).isEqualTo(404);
        assertThat(kite.get("/nope").errorType()).isEqualTo("GeneralException");
    }
}
