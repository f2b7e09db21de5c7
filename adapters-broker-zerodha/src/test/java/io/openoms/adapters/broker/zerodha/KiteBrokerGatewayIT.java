package io.openoms.adapters.broker.zerodha;

import static io.openoms.adapters.broker.zerodha.KiteFixtures.CLOCK;
import static io.openoms.adapters.broker.zerodha.KiteFixtures.order;
import static io.openoms.adapters.broker.zerodha.KiteFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.value.Price;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KiteBrokerGatewayIT {
    private static final String PLACED = "{\"status\":\"success\",\"data\":{\"order_id\":\"1953341975595868160\"}}";

    private final MockWebServer server = new MockWebServer();
    private final KiteFixtures.RecordingGuard guard = new KiteFixtures.RecordingGuard();
    private final KiteTagRegistry tags = KiteTagRegistry.inMemory();
    private final OkHttpClient http = new OkHttpClient();
    private KiteSession session;
    private KiteBrokerGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server.start();
        KiteConfig config = KiteFixtures.config()
                .apiUrl(URI.create(server.url("/").toString()))
                .readTimeout(Duration.ofMillis(500))
                .build();
        session = new KiteSession(config, http, CLOCK);
        gateway = new KiteBrokerGateway(config, session, tags, guard, http, CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void respond(int code, String body) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }

    private static String error(String type, String message) {
        return "{\"status\":\"error\",\"message\":\"" + message + "\",\"error_type\":\"" + type + "\",\"data\":null}";
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    @Test
    void a_placement_is_a_signed_form_post_carrying_our_tag() throws Exception {
        respond(200, PLACED);

        BrokerResult<BrokerOrderId> result = gateway.place(order("O000000000001", r -> r, Optional.empty()));

        assertThat(result).isEqualTo(BrokerResult.success(BrokerOrderId.of("1953341975595868160")));
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/orders/regular");
        assertThat(request.getHeaders().get("X-Kite-Version")).isEqualTo("3");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("token xyz123:acc3ssT0ken");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.getBody().utf8())
                .contains("tradingsymbol=INFY")
                .contains("order_type=MARKET")
                .contains("market_protection=-1")
                .contains("tag=O000000000001");
        assertThat(tags.clientOrderId("O000000000001")).contains(ClientOrderId.of("O000000000001"));
    }

    @Test
    void a_read_timeout_after_the_order_was_placed_is_unknown_and_never_resent() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .headersDelay(3, TimeUnit.SECONDS)
                .body(PLACED)
                .build());
        respond(200, PLACED);

        BrokerResult<BrokerOrderId> result = gateway.place(order("O000000000002", r -> r, Optional.empty()));

        assertThat(result).isInstanceOf(BrokerResult.OutcomeUnknown.class);
        assertThat(take().getMethod()).isEqualTo("POST");
        assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS))
                .as("no second POST")
                .isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void after_an_unknown_outcome_the_order_is_found_by_its_tag() throws Exception {
        tags.remember(ClientOrderId.of("O000000000001"));
        respond(200, resource("orders.json"));

        BrokerResult<Optional<BrokerOrder>> found = gateway.findOrder(ClientOrderId.of("O000000000001"));
        respond(200, resource("orders.json"));
        BrokerResult<Optional<BrokerOrder>> absent = gateway.findOrder(ClientOrderId.of("O000000000099"));

        assertThat(found).isInstanceOfSatisfying(BrokerResult.Success.class, success -> assertThat(
                        ((Optional<?>) success.value()))
                .hasValueSatisfying(order -> {
                    BrokerOrder brokerOrder = (BrokerOrder) order;
                    assertThat(brokerOrder.brokerOrderId().value()).isEqualTo("1953341975595868160");
                    assertThat(brokerOrder.clientOrderId()).contains(ClientOrderId.of("O000000000001"));
                }));
        assertThat(absent).isEqualTo(BrokerResult.success(Optional.empty()));
        assertThat(take().getUrl().encodedPath()).isEqualTo("/orders");
    }

    @Test
    void a_429_burst_is_rate_limited_and_penalises_the_family() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(429)
                    .setHeader("Retry-After", "2")
                    .body(error("NetworkException", "Too many requests"))
                    .build());
        }

        for (int i = 0; i < 3; i++) {
            BrokerResult<BrokerOrderId> result = gateway.place(order("O00000000010" + i, r -> r, Optional.empty()));
            assertThat(result)
                    .isInstanceOfSatisfying(BrokerResult.RateLimited.class, limited -> assertThat(limited.retryAfter())
                            .contains(Duration.ofSeconds(2)));
        }

        assertThat(guard.penalties).hasSize(3).allMatch(p -> p.equals("zerodha ORDERS PT2S"));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a_token_exception_ends_the_session_and_nothing_more_is_sent() throws Exception {
        respond(403, error("TokenException", "Incorrect `api_key` or `access_token`."));

        BrokerResult<BrokerOrderId> first = gateway.place(order("O000000000003", r -> r, Optional.empty()));
        BrokerResult<BrokerOrderId> second = gateway.place(order("O000000000004", r -> r, Optional.empty()));
        BrokerResult<List<BrokerOrder>> query = gateway.orders();

        assertThat(first).isInstanceOf(BrokerResult.SessionExpired.class);
        assertThat(second).isInstanceOf(BrokerResult.SessionExpired.class);
        assertThat(query).isInstanceOf(BrokerResult.SessionExpired.class);
        assertThat(session.state()).isEqualTo(KiteSessionState.RELOGIN_REQUIRED);
        assertThat(server.getRequestCount()).isEqualTo(1);

        session.activate(new KiteAccessGrant("AB1234", "fresh", KiteFixtures.NOW));
        respond(200, PLACED);

        assertThat(gateway.place(order("O000000000005", r -> r, Optional.empty())))
                .isInstanceOf(BrokerResult.Success.class);
    }

    @Test
    void definitive_refusals_keep_kites_reason_and_ambiguous_ones_are_unknown() throws Exception {
        respond(400, error("MarginException", "Insufficient funds"));
        respond(400, error("InputException", "Invalid `quantity`"));
        respond(500, error("GeneralException", "Something went wrong"));
        respond(503, error("NetworkException", "Could not reach the OMS"));
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .body("<html>Bad Gateway</html>")
                .build());
        respond(200, "{\"status\":\"success\"");
        respond(200, "{\"status\":\"success\",\"data\":{}}");

        List<BrokerResult<BrokerOrderId>> results = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            results.add(gateway.place(order("O00000000020" + i, r -> r, Optional.empty())));
        }

        assertThat(results.get(0)).isInstanceOfSatisfying(BrokerResult.Rejected.class, r -> assertThat(r.reason())
                .contains("Insufficient funds"));
        assertThat(results.get(1)).isInstanceOf(BrokerResult.Rejected.class);
        assertThat(results.subList(2, 7)).allMatch(r -> r instanceof BrokerResult.OutcomeUnknown);
        assertThat(server.getRequestCount()).isEqualTo(7);
    }

    @Test
    void a_local_refusal_sends_nothing() {
        BrokerResult<BrokerOrderId> result = gateway.place(order(
                "O000000000006",
                r -> r.type(OrderType.LIMIT).limitPrice("10").timeInForce(TimeInForce.GTC),
                Optional.empty()));

        assertThat(result).isInstanceOf(BrokerResult.Rejected.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void modify_and_cancel_address_the_order_under_its_variety() throws Exception {
        respond(200, PLACED);
        respond(200, "{\"status\":\"success\",\"data\":{\"order_id\":\"1953341975595868160\"}}");
        respond(200, "{\"status\":\"success\",\"data\":{\"order_id\":\"1953341975595868160\"}}");
        Order placed = order("O000000000007", r -> r.type(OrderType.LIMIT).limitPrice("1400"), Optional.empty());
        gateway.place(placed);
        Order accepted = order(
                "O000000000007", r -> r.type(OrderType.LIMIT).limitPrice("1400"), Optional.of("1953341975595868160"));

        BrokerResult<BrokerOrderId> modified = gateway.modify(accepted, OrderModification.limitPrice(Price.of("1401")));
        BrokerResult<BrokerOrderId> cancelled = gateway.cancel(accepted);

        assertThat(modified).isInstanceOf(BrokerResult.Success.class);
        assertThat(cancelled).isInstanceOf(BrokerResult.Success.class);
        take();
        RecordedRequest put = take();
        RecordedRequest delete = take();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo("/orders/regular/1953341975595868160");
        assertThat(put.getBody().utf8()).contains("price=1401").contains("order_type=LIMIT");
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo("/orders/regular/1953341975595868160");
    }

    @Test
    void an_order_placed_elsewhere_is_cancelled_under_the_variety_from_its_history() throws Exception {
        respond(200, resource("order_history.json"));
        respond(200, "{\"status\":\"success\",\"data\":{\"order_id\":\"2042130686722629633\"}}");
        Order accepted = order("O000000000008", r -> r, Optional.of("2042130686722629633"));

        assertThat(gateway.cancel(accepted)).isInstanceOf(BrokerResult.Success.class);

        assertThat(take().getUrl().encodedPath()).isEqualTo("/orders/2042130686722629633");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/orders/amo/2042130686722629633");
    }

    @Test
    void the_order_book_skips_foreign_rows_it_cannot_translate() throws Exception {
        respond(200, resource("orders.json"));

        BrokerResult<List<BrokerOrder>> orders = gateway.orders();

        assertThat(orders)
                .isInstanceOfSatisfying(BrokerResult.Success.class, success -> assertThat((List<?>) success.value())
                        .hasSize(3));
        assertThat(take().getMethod()).isEqualTo("GET");
    }

    @Test
    void history_and_current_state_of_one_order() throws Exception {
        respond(200, resource("order_history.json"));
        respond(200, resource("order_history.json"));

        BrokerResult<List<BrokerOrder>> history = gateway.history(BrokerOrderId.of("2042130686722629633"));
        BrokerResult<Optional<BrokerOrder>> current = gateway.order(BrokerOrderId.of("2042130686722629633"));

        assertThat(((BrokerResult.Success<List<BrokerOrder>>) history).value()).hasSize(3);
        assertThat(((BrokerResult.Success<Optional<BrokerOrder>>) current).value())
                .hasValueSatisfying(order -> assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED));
    }

    @Test
    void an_order_kite_does_not_know_is_absent_once_the_book_confirms_it() throws Exception {
        respond(400, error("InputException", "Couldn't find that `order_id`."));
        respond(200, resource("orders.json"));

        BrokerResult<Optional<BrokerOrder>> result = gateway.order(BrokerOrderId.of("1111111111111111111"));

        assertThat(result).isEqualTo(BrokerResult.success(Optional.empty()));
    }

    @Test
    void trades_of_the_day_and_of_one_order() throws Exception {
        respond(200, resource("trades.json"));
        respond(200, resource("trades.json"));

        BrokerResult<List<BrokerTrade>> all = gateway.trades();
        BrokerResult<List<BrokerTrade>> ofOne = gateway.trades(BrokerOrderId.of("1953341975595868160"));

        assertThat(((BrokerResult.Success<List<BrokerTrade>>) all).value()).hasSize(2);
        assertThat(((BrokerResult.Success<List<BrokerTrade>>) ofOne).value()).hasSize(2);
        assertThat(take().getUrl().encodedPath()).isEqualTo("/trades");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/orders/1953341975595868160/trades");
    }

    @Test
    void net_and_day_positions() throws Exception {
        respond(200, resource("positions.json"));
        respond(200, resource("positions.json"));

        List<BrokerPosition> net = ((BrokerResult.Success<List<BrokerPosition>>) gateway.positions()).value();
        List<BrokerPosition> day = ((BrokerResult.Success<List<BrokerPosition>>) gateway.dayPositions()).value();

        assertThat(net).hasSize(2);
        assertThat(net.get(1).instrument()).isEqualTo(InstrumentId.parse("MCX:GOLDM25DECFUT"));
        assertThat(day).singleElement().satisfies(p -> assertThat(p.netQuantity())
                .isEqualByComparingTo("-75"));
        assertThat(take().getUrl().encodedPath()).isEqualTo("/portfolio/positions");
    }

    @Test
    void margins_per_segment() throws Exception {
        respond(200, resource("margins.json"));

        KiteMargins margins = ((BrokerResult.Success<KiteMargins>) gateway.margins()).value();

        assertThat(margins.segments().get("equity").liveBalance()).isEqualByComparingTo("99725.05");
        assertThat(margins.segments().get("equity").utilisedDebits()).isEqualByComparingTo("145706.55");
        assertThat(margins.segments().get("commodity").enabled()).isTrue();
        assertThat(take().getUrl().encodedPath()).isEqualTo("/user/margins");
    }

    @Test
    void last_prices_are_refreshed_within_the_quotes_budget_and_read_from_memory() throws Exception {
        KiteConfig config = KiteFixtures.config()
                .apiUrl(URI.create(server.url("/").toString()))
                .build();
        KiteMarketData prices = new KiteMarketData(config, session, guard, http, CLOCK);
        respond(
                200,
                "{\"status\":\"success\",\"data\":{\"NSE:INFY\":{\"instrument_token\":408065,\"last_price\":1450.55,"
                        + "\"lower_circuit_limit\":1305.5,\"upper_circuit_limit\":1595.6}}}");
        InstrumentId infy = InstrumentId.parse("NSE:INFY");
        InstrumentId gone = InstrumentId.parse("NSE:GONE");

        assertThat(prices.lastPrice(infy)).isEmpty();
        assertThat(prices.refresh(List.of(infy, gone))).isEqualTo(BrokerResult.success(1));

        assertThat(prices.lastPrice(infy)).contains(Price.of("1450.55"));
        assertThat(prices.lastPrice(gone)).isEmpty();
        assertThat(prices.circuitLimits(infy)).contains(CircuitLimits.of("1305.5", "1595.6"));
        assertThat(prices.circuitLimits(gone)).isEmpty();
        assertThat(prices.lastUpdate(infy)).contains(KiteFixtures.NOW);
        RecordedRequest request = take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/quote");
        assertThat(request.getUrl().queryParameterValues("i")).containsExactly("NSE:INFY", "NSE:GONE");
        assertThat(guard.acquired).containsExactly(EndpointFamily.QUOTES);

        guard.refuse = true;

        assertThat(prices.refresh(List.of(infy))).isInstanceOf(BrokerResult.RateLimited.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
