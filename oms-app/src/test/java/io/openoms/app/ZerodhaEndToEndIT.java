package io.openoms.app;

import static io.openoms.app.KiteSimulatorHarness.INFY;
import static io.openoms.app.KiteSimulatorHarness.TCS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.openoms.adapters.broker.mock.VenueOperation;
import io.openoms.adapters.broker.zerodha.KiteMarketData;
import io.openoms.app.config.ConfigLoader;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.OmsRuntime;
import io.openoms.application.engine.TradingEngine;
import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.application.monitor.MonitorConfig;
import io.openoms.application.monitor.OrderMonitor;
import io.openoms.application.reconciliation.ReconciliationConfig;
import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.position.Position;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Quantity;
import io.openoms.simulators.kite.KiteSimulatorTicker;
import io.openoms.simulators.kite.LostReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app with {@code broker.type: zerodha} pointed at the Kite simulator on loopback (embedded H2 in a
 * temporary directory): orders go through the engine's ports, the real Kite adapter and the
 * simulator's HTTP API; updates come back over its WebSocket. The order monitor is not scheduled by
 * the runtime in this build, so the tests that need it construct it from the injector's instances and
 * run its passes themselves.
 */
class ZerodhaEndToEndIT {
    private static final AccountId PAPER = AccountId.of("PAPER");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final KiteSimulatorHarness kite = new KiteSimulatorHarness(Instant.now(), config -> {});
    private final KiteSimulatorTicker ticker = new KiteSimulatorTicker(kite.simulator, Clock.systemUTC());
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Injector injector;
    private OmsRuntime runtime;
    private TradingEngine engine;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.stop();
        }
        kite.close();
    }

    private void start(Path data, boolean withToken) throws InterruptedException {
        // The engine's rate-limit-max-wait is the default (2 s): a single 429 must fit within it.
        start(data, withToken, "");
    }

    private void start(Path data, boolean withToken, String engineYaml) throws InterruptedException {
        // Prices are refreshed by hand below; the schedule must not draw on the simulator's 429s.
        String yaml = "broker:\n  zerodha:\n    price-refresh: 1h\n    read-timeout: 1s\n" + engineYaml;
        OmsConfig config = new ConfigLoader(kite.environment(data, withToken)).parse(yaml, "test");
        injector = Guice.createInjector(Stage.PRODUCTION, Main.modules(config));
        runtime = injector.getInstance(OmsRuntime.class);
        runtime.start();
        engine = injector.getInstance(TradingEngine.class);
        if (withToken) {
            KiteMarketData prices = injector.getInstance(KiteMarketData.class);
            await(
                    "the first prices",
                    () -> prices.refresh(List.of(INFY, TCS)) != null
                            && prices.lastPrice(INFY).isPresent()
                            && prices.lastPrice(TCS).isPresent());
        }
    }

    private OrderMonitor monitor() {
        KillSwitchSignals signals = new KillSwitchSignals() {
            @Override
            public void sessionLost(String broker, String reason) {}

            @Override
            public void sessionRestored(String broker) {}

            @Override
            public void positionsReconciled(
                    AccountId account, List<io.openoms.domain.reconciliation.ReconciliationFinding> mismatches) {}
        };
        return new OrderMonitor(
                engine,
                injector.getInstance(OrderRouter.class),
                injector.getInstance(RateLimitGuard.class),
                signals,
                injector.getInstance(Clock.class),
                MonitorConfig.builder()
                        .unconfirmedAfter(Duration.ZERO)
                        .queryPermitWait(Duration.ofSeconds(1))
                        .build(),
                injector.getInstance(ReconciliationConfig.class));
    }

    private static OrderRequest.Builder order(InstrumentId instrument) {
        return OrderRequest.builder().account("PAPER").strategy("e2e").instrument(instrument);
    }

    private OrderCommandResult submit(OrderRequest request) throws Exception {
        return engine.submit(SubmitOrder.of(request)).get(10, TimeUnit.SECONDS);
    }

    private Order order(ClientOrderId id) {
        return engine.order(id).orElseThrow();
    }

    /** Steps the venue every 50 ms until {@code condition} holds, failing after the deadline. */
    private void await(String what, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(DEADLINE)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .pollInSameThread()
                .until(() -> {
                    ticker.tick();
                    return condition.getAsBoolean();
                });
    }

    private Optional<Position> position(InstrumentId instrument) {
        return engine.positions(PAPER, false).stream()
                .filter(p -> p.key().instrument().equals(instrument))
                .findFirst();
    }

    private HttpResponse<String> ready() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + runtime.httpPort() + "/health/ready"))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void market_and_limit_orders_fill_over_the_stream_into_positions_and_a_cancel_is_confirmed(@TempDir Path data)
            throws Exception {
        start(data, true);
        await(
                "the order stream",
                () -> injector.getInstance(ZerodhaBrokerSession.class).state()
                        == io.openoms.app.runtime.BrokerSessionState.CONNECTED);
        HttpResponse<String> ready = ready();
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body())
                .contains("\"name\":\"zerodha\"")
                .contains("\"login\":\"AUTHENTICATED\"")
                .contains("\"tokenExpiresAt\":\"");

        OrderCommandResult market =
                submit(order(INFY).buy().type(OrderType.MARKET).quantity(10).build());
        assertThat(market).isInstanceOf(OrderCommandResult.Accepted.class);
        ClientOrderId marketId = ((OrderCommandResult.Accepted) market).order().id();
        await("the market order's fill", () -> order(marketId).status() == OrderStatus.FILLED);
        await("the INFY position", () -> position(INFY)
                .filter(p -> p.signedQuantity().compareTo(java.math.BigDecimal.TEN) == 0)
                .isPresent());

        OrderCommandResult limit = submit(order(TCS)
                .buy()
                .type(OrderType.LIMIT)
                .limitPrice("3300")
                .quantity(5)
                .build());
        ClientOrderId limitId = ((OrderCommandResult.Accepted) limit).order().id();
        await(
                "the limit order's acknowledgement",
                () -> order(limitId).brokerOrderId().isPresent()
                        && order(limitId).status() == OrderStatus.ACCEPTED);
        engine.cancel(new CancelOrder(limitId)).get(10, TimeUnit.SECONDS);
        await("the cancel", () -> order(limitId).status() == OrderStatus.CANCELLED);

        OrderCommandResult crossing = submit(order(TCS)
                .buy()
                .type(OrderType.LIMIT)
                .limitPrice("3500")
                .quantity(3)
                .build());
        ClientOrderId crossingId =
                ((OrderCommandResult.Accepted) crossing).order().id();
        await("the marketable limit order's fill", () -> order(crossingId).status() == OrderStatus.FILLED);
        await("the TCS position", () -> position(TCS).isPresent());
        assertThat(kite.venue.orders()).hasSize(3);
    }

    @Test
    void a_risk_rejection_never_reaches_kite(@TempDir Path data) throws Exception {
        start(data, true);
        engine.replaceLimits(
                        PAPER,
                        RiskLimits.builder()
                                .enforceMarketHours(false)
                                .checkBuyingPower(false)
                                .maxOrderQuantity(5)
                                .build(),
                        "test")
                .get(10, TimeUnit.SECONDS);

        OrderCommandResult result =
                submit(order(INFY).buy().type(OrderType.MARKET).quantity(10).build());

        assertThat(result).isInstanceOf(OrderCommandResult.Rejected.class);
        Order rejected = ((OrderCommandResult.Rejected) result).order();
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejection().orElseThrow().check()).isPresent();
        assertThat(kite.venue.orders()).isEmpty();
    }

    @Test
    void a_submit_whose_reply_is_held_is_found_by_its_tag_and_never_doubled(@TempDir Path data) throws Exception {
        ambiguousSubmitIsResolvedOnce(data, LostReply.HOLD);
    }

    @Test
    void a_submit_whose_connection_drops_is_found_by_its_tag_and_never_doubled(@TempDir Path data) throws Exception {
        ambiguousSubmitIsResolvedOnce(data, LostReply.DROP_CONNECTION);
    }

    private void ambiguousSubmitIsResolvedOnce(Path data, LostReply how) throws Exception {
        start(data, true);
        kite.simulator.faults().timeoutAfterApplyingNext(VenueOperation.PLACE, 1, how);

        OrderCommandResult result = submit(order(TCS)
                .buy()
                .type(OrderType.LIMIT)
                .limitPrice("3300")
                .quantity(2)
                .build());
        ClientOrderId id = ((OrderCommandResult.Accepted) result).order().id();
        await("the unknown outcome", () -> order(id).outcomeUnknown().isPresent());
        assertThat(order(id).brokerOrderId()).isEmpty();

        OrderMonitor monitor = monitor();
        await("the monitor to find the order by its tag", () -> {
            monitor.runOnce();
            return order(id).outcomeUnknown().isEmpty()
                    && order(id).brokerOrderId().isPresent();
        });
        assertThat(order(id).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(kite.venue.orders()).hasSize(1);
        assertThat(kite.venue.orders().get(0).brokerOrderId())
                .isEqualTo(order(id).brokerOrderId().orElseThrow());
        for (int i = 0; i < 3; i++) {
            monitor.runOnce();
        }
        assertThat(kite.venue.orders()).hasSize(1);
    }

    @Test
    void an_expired_token_shows_relogin_required_halts_trading_and_orders_are_refused_with_the_reason(
            @TempDir Path data) throws Exception {
        start(data, true);
        kite.simulator.faults().expireSession();

        OrderCommandResult first =
                submit(order(INFY).buy().type(OrderType.MARKET).quantity(1).build());
        ClientOrderId firstId = ((OrderCommandResult.Accepted) first).order().id();
        await("Kite's refusal", () -> order(firstId).status() == OrderStatus.REJECTED);
        assertThat(order(firstId).rejection().orElseThrow().reason()).contains("session");

        HttpResponse<String> ready = ready();
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"login\":\"RELOGIN_REQUIRED\"").contains("log in again");
        // The refusal itself trips the kill switch: no monitor pass or reconciliation is run here.
        await("the kill switch", () -> engine.tradingState(PAPER).state() == TradingState.HALTED);
        TradingStateChange halted = engine.tradingState(PAPER);
        assertThat(halted.changedBy()).isEqualTo("auto:sessionLost");
        assertThat(halted.reason()).contains("zerodha");

        int before = kite.venue.orders().size();
        OrderCommandResult second =
                submit(order(INFY).buy().type(OrderType.MARKET).quantity(1).build());
        assertThat(second).isInstanceOf(OrderCommandResult.Rejected.class);
        assertThat(((OrderCommandResult.Rejected) second)
                        .order()
                        .rejection()
                        .orElseThrow()
                        .check())
                .hasValueSatisfying(check -> assertThat(check).contains("TRADING_STATE"));
        assertThat(kite.venue.orders()).hasSize(before);
    }

    @Test
    void without_any_token_health_says_relogin_required_and_a_stored_login_is_picked_up(@TempDir Path data)
            throws Exception {
        start(data, false);
        HttpResponse<String> ready = ready();
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"login\":\"RELOGIN_REQUIRED\"");

        new io.openoms.adapters.broker.zerodha.KiteTokenStore(data)
                .save(new io.openoms.adapters.broker.zerodha.KiteAccessGrant(
                        "AB1234", kite.simulator.accessToken(), Instant.now()));
        injector.getInstance(ZerodhaBrokerSession.class).reloadToken();
        KiteMarketData prices = injector.getInstance(KiteMarketData.class);
        // One quotes call per second: the refresh right after start-up may find no permit yet.
        await(
                "INFY's price with the new token",
                () -> prices.refresh(List.of(INFY, TCS)) != null
                        && prices.lastPrice(INFY).isPresent());

        assertThat(ready().body()).contains("\"login\":\"AUTHENTICATED\"");
        await(
                "the order stream with the new token",
                () -> injector.getInstance(ZerodhaBrokerSession.class).state()
                        == io.openoms.app.runtime.BrokerSessionState.CONNECTED);
        // Losing the session tripped the automatic kill switch; after the re-login an admin resumes.
        injector.getInstance(io.openoms.domain.port.in.RiskAdministration.class)
                .setTradingState(PAPER, io.openoms.domain.risk.TradingState.ACTIVE, "re-logged in", "admin")
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        OrderCommandResult result =
                submit(order(INFY).buy().type(OrderType.MARKET).quantity(1).build());
        assertThat(result).as(result.toString()).isInstanceOf(OrderCommandResult.Accepted.class);
        ClientOrderId id = ((OrderCommandResult.Accepted) result).order().id();
        await("the fill", () -> order(id).status() == OrderStatus.FILLED);
    }

    @Test
    void a_429_on_the_placement_backs_off_and_the_order_is_placed_once(@TempDir Path data) throws Exception {
        start(data, true);
        kite.simulator.faults().rateLimitNext(VenueOperation.PLACE, 1);

        OrderCommandResult result =
                submit(order(INFY).buy().type(OrderType.MARKET).quantity(4).build());
        ClientOrderId id = ((OrderCommandResult.Accepted) result).order().id();
        // The stored order shows FILLED as soon as its batch commits; the position snapshot follows once the
        // engine learns the batch is durable (on H2 after the fsync), so wait for both.
        await(
                "the fill after the back-off",
                () -> order(id).status() == OrderStatus.FILLED && position(INFY).isPresent());

        assertThat(kite.venue.orders()).hasSize(1);
        assertThat(position(INFY).orElseThrow().signedQuantity())
                .isEqualByComparingTo(Quantity.of(4).value());
    }

    @Test
    void a_429_burst_on_every_endpoint_holds_queries_back_and_nothing_is_doubled(@TempDir Path data) throws Exception {
        // Up to three 429s of 1 s each may fall on the placement (the monitor's queries take the others):
        // more than the default 2 s wait, which would reject the order as rate-limited (never doubled).
        start(data, true, "engine:\n  rate-limit-max-wait: 5s\n");
        kite.simulator.faults().rateLimitNextRequests(3);

        OrderCommandResult result =
                submit(order(INFY).buy().type(OrderType.MARKET).quantity(4).build());
        ClientOrderId id = ((OrderCommandResult.Accepted) result).order().id();
        OrderMonitor monitor = monitor();
        await("the fill after the back-off", () -> {
            monitor.runOnce();
            return order(id).status() == OrderStatus.FILLED;
        });

        assertThat(kite.venue.orders()).hasSize(1);
        assertThat(position(INFY).orElseThrow().signedQuantity())
                .isEqualByComparingTo(Quantity.of(4).value());
    }

    @Test
    void postbacks_are_applied_when_authentic_and_refused_with_401_otherwise(@TempDir Path data) throws Exception {
        start(data, true);
        OrderCommandResult result = submit(order(TCS)
                .buy()
                .type(OrderType.LIMIT)
                .limitPrice("3300")
                .quantity(2)
                .build());
        ClientOrderId id = ((OrderCommandResult.Accepted) result).order().id();
        await("the acknowledgement", () -> order(id).brokerOrderId().isPresent());
        String brokerId = order(id).brokerOrderId().orElseThrow().value();
        HttpResponse<String> book = http.send(
                HttpRequest.newBuilder(URI.create(kite.simulator.baseUrl() + "/orders/" + brokerId))
                        .header("X-Kite-Version", "3")
                        .header(
                                "Authorization",
                                "token " + kite.simulator.config().apiKey() + ":" + kite.simulator.accessToken())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode history =
                json.readTree(book.body()).get("data");
        com.fasterxml.jackson.databind.node.ObjectNode row =
                (com.fasterxml.jackson.databind.node.ObjectNode) history.get(history.size() - 1);
        row.put(
                "checksum",
                io.openoms.adapters.broker.zerodha.KitePostbackVerifier.checksum(
                        brokerId,
                        row.get("order_timestamp").asText(),
                        kite.simulator.config().apiSecret()));
        String authentic = json.writeValueAsString(row);
        // Authentic checksums, hostile fields: refused before anything reaches the engine.
        String paddedStatus = json.writeValueAsString(row.deepCopy().put("status", "CANCELLED "));
        String arabicQuantity = json.writeValueAsString(row.deepCopy().put("filled_quantity", "٢"));
        String controlInTag = json.writeValueAsString(row.deepCopy().put("tag", "x\u0000"));
        row.put("checksum", "0".repeat(64));
        String forged = json.writeValueAsString(row);

        HttpResponse<String> refused = postback(forged);
        HttpResponse<String> applied = postback(authentic);
        HttpResponse<String> repeated = postback(authentic);
        HttpResponse<String> garbage = postback("not json");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains("\"code\":\"UNAUTHENTICATED\"");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(applied.body()).contains("applied");
        assertThat(repeated.body()).contains("duplicate");
        assertThat(garbage.statusCode()).isEqualTo(400);
        for (String hostile : List.of(paddedStatus, arabicQuantity, controlInTag)) {
            HttpResponse<String> refusedField = postback(hostile);
            assertThat(refusedField.statusCode()).as(refusedField.body()).isEqualTo(400);
            assertThat(json.readTree(refusedField.body()).get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(json.readTree(refusedField.body()).has("details")).isTrue();
        }
        assertThat(order(id).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order(id).filledQuantity()).isEqualTo(Quantity.of(0));
    }

    private HttpResponse<String> postback(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + runtime.httpPort() + io.openoms.app.http.ZerodhaPostbackRoutes.PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
