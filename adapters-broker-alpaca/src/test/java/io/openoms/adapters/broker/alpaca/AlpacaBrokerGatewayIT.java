package io.openoms.adapters.broker.alpaca;

import static io.openoms.adapters.broker.alpaca.AlpacaSimulatorFixture.AAPL;
import static io.openoms.adapters.broker.alpaca.AlpacaSimulatorFixture.BTC;
import static io.openoms.adapters.broker.alpaca.AlpacaSimulatorFixture.SECRET;
import static io.openoms.adapters.broker.alpaca.AlpacaSimulatorFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.adapters.broker.mock.VenueOperation;
import io.openoms.application.testing.Await;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against the Alpaca simulator over HTTP and its WebSocket. */
class AlpacaBrokerGatewayIT {
    private AlpacaSimulatorFixture alpaca;

    @BeforeEach
    void start() {
        alpaca = new AlpacaSimulatorFixture();
    }

    @AfterEach
    void stop() {
        alpaca.close();
    }

    @Test
    void a_placed_limit_order_is_found_by_its_id_and_by_our_client_order_id() {
        Order order = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "10", "190", TimeInForce.DAY);

        BrokerOrderId id = success(alpaca.gateway.place(order));

        BrokerOrder byId = success(alpaca.gateway.order(id)).orElseThrow();
        assertThat(byId.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(byId.clientOrderId()).contains(order.id());
        assertThat(byId.instrument()).isEqualTo(AAPL);
        assertThat(byId.limitPrice()).contains(Price.of("190"));
        assertThat(success(alpaca.gateway.findOrder(order.id())))
                .map(BrokerOrder::brokerOrderId)
                .contains(id);
        assertThat(success(alpaca.gateway.orders()))
                .extracting(BrokerOrder::brokerOrderId)
                .containsExactly(id);
    }

    @Test
    void a_second_placement_with_the_same_client_order_id_is_refused_so_an_order_is_never_doubled() {
        Order order = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "10", "190", TimeInForce.DAY);
        success(alpaca.gateway.place(order));

        BrokerResult<BrokerOrderId> again = alpaca.gateway.place(order);

        assertThat(again).isInstanceOf(BrokerResult.Rejected.class);
        assertThat(((BrokerResult.Rejected<BrokerOrderId>) again).reason()).contains("client_order_id");
        assertThat(alpaca.venue.orders()).hasSize(1);
    }

    @Test
    void a_placement_whose_reply_is_lost_is_an_unknown_outcome_and_is_then_found_by_client_order_id() {
        alpaca.venue.faults().timeoutAfterApplyingNext(VenueOperation.PLACE, 1);
        Order order = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "5", "190", TimeInForce.DAY);

        BrokerResult<BrokerOrderId> result = alpaca.gateway.place(order);

        assertThat(result).isInstanceOf(BrokerResult.OutcomeUnknown.class);
        BrokerOrder found = success(alpaca.gateway.findOrder(order.id())).orElseThrow();
        assertThat(found.clientOrderId()).contains(order.id());
        assertThat(alpaca.venue.orders()).hasSize(1);
    }

    @Test
    void an_order_that_never_reached_alpaca_is_proved_absent() {
        Order order = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "5", "190", TimeInForce.DAY);

        assertThat(success(alpaca.gateway.findOrder(order.id()))).isEmpty();
    }

    @Test
    void a_replace_keeps_the_first_alpaca_id_as_the_broker_order_id_and_commands_reach_the_new_order() {
        Order order = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "10", "190", TimeInForce.DAY);
        BrokerOrderId root = success(alpaca.gateway.place(order));
        Order placed = accepted(order, root);

        BrokerOrderId afterReplace =
                success(alpaca.gateway.modify(placed, OrderModification.limitPrice(Price.of("195"))));

        assertThat(afterReplace).isEqualTo(root);
        BrokerOrder view = success(alpaca.gateway.order(root)).orElseThrow();
        assertThat(view.brokerOrderId()).isEqualTo(root);
        assertThat(view.clientOrderId()).contains(order.id());
        assertThat(view.limitPrice()).contains(Price.of("195"));
        assertThat(success(alpaca.gateway.orders())).singleElement().satisfies(o -> {
            assertThat(o.brokerOrderId()).isEqualTo(root);
            assertThat(o.limitPrice()).contains(Price.of("195"));
        });

        success(alpaca.gateway.cancel(placed));
        assertThat(success(alpaca.gateway.order(root)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_fresh_gateway_after_a_restart_finds_the_current_order_of_a_replace_chain_at_alpaca() {
        Order order = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "10", "190", TimeInForce.DAY);
        BrokerOrderId root = success(alpaca.gateway.place(order));
        success(alpaca.gateway.modify(accepted(order, root), OrderModification.limitPrice(Price.of("195"))));
        AlpacaBrokerGateway restarted = new AlpacaBrokerGateway(
                alpaca.config, alpaca.rateLimits, alpaca.http, Clock.fixed(T0, java.time.ZoneOffset.UTC));

        success(restarted.cancel(accepted(order, root)));

        assertThat(success(restarted.order(root)).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(success(restarted.findOrder(order.id())).orElseThrow().brokerOrderId())
                .isEqualTo(root);
    }

    @Test
    void a_partly_filled_order_is_not_replaced() {
        Order order = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "10", "190", TimeInForce.DAY);
        Order partlyFilled = filled(accepted(order, BrokerOrderId.of("x")), "4");

        BrokerResult<BrokerOrderId> result =
                alpaca.gateway.modify(partlyFilled, OrderModification.limitPrice(Price.of("195")));

        assertThat(result).isInstanceOf(BrokerResult.Rejected.class);
        assertThat(((BrokerResult.Rejected<BrokerOrderId>) result).reason()).startsWith("not sent");
    }

    @Test
    void fractional_crypto_fills_reach_the_core_once_per_execution_id_and_match_the_fill_activities() {
        try (AlpacaTradeStream stream = alpaca.stream()) {
            stream.start();
            Await.until("the stream listens", stream::isConnected);
            Order order = alpaca.order(BTC, Side.BUY, OrderType.MARKET, "0.1", null, TimeInForce.GTC);
            alpaca.venue.faults().duplicateNextUpdates(4);

            BrokerOrderId id = success(alpaca.gateway.place(order));
            alpaca.simulator.step(T0.plusSeconds(1));

            Await.until(
                    "the fill arrived",
                    () -> !alpaca.updates.trades().isEmpty()
                            && alpaca.updates.orders().stream().anyMatch(o -> o.status() == OrderStatus.FILLED));
            Await.until(
                    "every frame was handled",
                    () -> alpaca.simulator.streamFrames().equals(List.of(stream.framesSinceConnected())));
            List<BrokerTrade> streamed = alpaca.updates.trades();
            assertThat(streamed).singleElement().satisfies(trade -> {
                assertThat(trade.brokerOrderId()).isEqualTo(id);
                assertThat(trade.fill().quantity()).isEqualTo(Quantity.of("0.1"));
            });
            assertThat(success(alpaca.gateway.trades()))
                    .extracting(t -> t.fill().tradeId())
                    .containsExactly(streamed.get(0).fill().tradeId());
            assertThat(success(alpaca.gateway.positions())).singleElement().satisfies(position -> {
                assertThat(position.instrument()).isEqualTo(BTC);
                assertThat(position.netQuantity()).isEqualByComparingTo(new BigDecimal("0.1"));
            });
        }
    }

    @Test
    void after_a_dropped_stream_the_adapter_reconnects_and_backfills_what_happened_meanwhile() {
        try (AlpacaTradeStream stream = alpaca.stream()) {
            stream.start();
            Await.until("the stream listens", stream::isConnected);
            Order resting = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "3", "199", TimeInForce.DAY);
            BrokerOrderId id = success(alpaca.gateway.place(resting));
            Await.until(
                    "the acknowledgement arrived",
                    () -> !alpaca.updates.orders().isEmpty());
            alpaca.venue.disconnectStream();
            alpaca.simulator.step(T0.plusSeconds(1));

            alpaca.simulator.setPrice(AAPL, Price.of("198"));
            alpaca.venue.reconnectStream();

            Await.until("the stream reconnected", () -> alpaca.updates.reconnects() >= 2 && stream.isConnected());
            Await.until("the fill was backfilled", () -> alpaca.updates.trades().stream()
                    .anyMatch(t -> t.brokerOrderId().equals(id)));
            assertThat(alpaca.updates.trades()).hasSize(1);
        }
    }

    @Test
    void refused_keys_end_the_session_and_the_secret_is_in_no_message() {
        AlpacaConfig wrong = AlpacaConfig.paper("PKWRONG", "not-the-secret")
                .withUrls(alpaca.simulator.baseUrl(), alpaca.simulator.streamUrl());
        AlpacaBrokerGateway gateway = new AlpacaBrokerGateway(wrong, alpaca.rateLimits, alpaca.http, Clock.systemUTC());

        BrokerResult<List<BrokerPosition>> result = gateway.positions();

        assertThat(result).isInstanceOf(BrokerResult.SessionExpired.class);
        assertThat(result.toString()).doesNotContain("not-the-secret").doesNotContain(SECRET);
        assertThat(wrong.toString()).doesNotContain("not-the-secret");
    }

    @Test
    void a_rate_limit_refusal_is_rate_limited_and_holds_alpaca_calls_back() {
        alpaca.venue.faults().rateLimitNext(VenueOperation.PLACE, 1);
        Order order = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "1", "190", TimeInForce.DAY);

        assertThat(alpaca.gateway.place(order)).isInstanceOf(BrokerResult.RateLimited.class);
        assertThat(alpaca.venue.orders()).isEmpty();
    }

    @Test
    void an_order_alpaca_cannot_take_is_refused_before_it_is_sent() {
        Order dayCrypto = alpaca.order(BTC, Side.BUY, OrderType.MARKET, "0.1", null, TimeInForce.DAY);
        Order fractionalGtc = alpaca.order(AAPL, Side.BUY, OrderType.LIMIT, "1.5", "190", TimeInForce.GTC);

        assertThat(alpaca.gateway.place(dayCrypto)).isInstanceOf(BrokerResult.Rejected.class);
        assertThat(alpaca.gateway.place(fractionalGtc)).isInstanceOf(BrokerResult.Rejected.class);
        assertThat(alpaca.venue.orders()).isEmpty();
    }

    @Test
    void the_assets_become_instruments_with_alpacas_increments_and_sessions() {
        AlpacaInstrumentsLoader loader = new AlpacaInstrumentsLoader(
                alpaca.config, alpaca.rateLimits, alpaca.http, Clock.fixed(T0, java.time.ZoneOffset.UTC));

        List<Instrument> instruments = success(loader.load());

        assertThat(instruments).extracting(Instrument::id).containsExactlyInAnyOrder(AAPL, BTC);
        Instrument btc =
                instruments.stream().filter(i -> i.id().equals(BTC)).findFirst().orElseThrow();
        assertThat(btc.lotSize()).isEqualTo(Quantity.of("0.0001"));
        assertThat(btc.session().isOpen(T0.plus(Duration.ofHours(10)))).isTrue();
        Instrument aapl = instruments.stream()
                .filter(i -> i.id().equals(AAPL))
                .findFirst()
                .orElseThrow();
        assertThat(aapl.session().isOpen(T0)).isTrue();
        assertThat(aapl.session().isOpen(T0.plus(Duration.ofHours(8)))).isFalse();
    }

    @Test
    void the_account_and_the_clock_are_read() {
        assertThat(success(alpaca.gateway.account()).buyingPower().amount()).isPositive();
        assertThat(success(alpaca.gateway.clock()).open()).isTrue();
    }

    private static Order accepted(Order order, BrokerOrderId id) {
        io.openoms.domain.order.OrderManager manager = new io.openoms.domain.order.OrderManager();
        manager.create(order.id(), request(order), Optional.empty(), T0);
        manager.release(order.id(), T0);
        manager.markSubmitted(order.id(), T0);
        manager.accept(order.id(), id, T0);
        return manager.get(order.id());
    }

    private static Order filled(Order accepted, String quantity) {
        io.openoms.domain.order.OrderManager manager = new io.openoms.domain.order.OrderManager();
        manager.create(accepted.id(), request(accepted), Optional.empty(), T0);
        manager.release(accepted.id(), T0);
        manager.markSubmitted(accepted.id(), T0);
        manager.accept(accepted.id(), accepted.brokerOrderId().orElseThrow(), T0);
        manager.applyFill(
                accepted.id(),
                new io.openoms.domain.order.Fill(
                        io.openoms.domain.order.TradeId.of("T1"),
                        Quantity.of(quantity),
                        Price.of("190"),
                        io.openoms.domain.value.Money.ZERO,
                        T0,
                        Optional.empty()),
                T0);
        return manager.get(accepted.id());
    }

    private static io.openoms.domain.order.OrderRequest request(Order order) {
        io.openoms.domain.order.OrderRequest.Builder builder = io.openoms.domain.order.OrderRequest.builder()
                .account(order.account().value())
                .strategy(order.strategy().value())
                .instrument(order.instrument())
                .side(order.side())
                .type(order.type())
                .quantity(order.quantity())
                .timeInForce(order.timeInForce());
        order.limitPrice().ifPresent(builder::limitPrice);
        return builder.build();
    }

    private static <T> T success(BrokerResult<T> result) {
        assertThat(result).isInstanceOf(BrokerResult.Success.class);
        return ((BrokerResult.Success<T>) result).value();
    }
}
