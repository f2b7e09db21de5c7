package io.openoms.adapters.broker.mock;

import static io.openoms.adapters.broker.mock.VenueFixtures.INFY_ID;
import static io.openoms.adapters.broker.mock.VenueFixtures.NIFTY_ID;
import static io.openoms.adapters.broker.mock.VenueFixtures.at;
import static io.openoms.adapters.broker.mock.VenueFixtures.calm;
import static io.openoms.adapters.broker.mock.VenueFixtures.limit;
import static io.openoms.adapters.broker.mock.VenueFixtures.market;
import static io.openoms.adapters.broker.mock.VenueFixtures.order;
import static io.openoms.adapters.broker.mock.VenueFixtures.request;
import static io.openoms.adapters.broker.mock.VenueFixtures.stop;
import static io.openoms.adapters.broker.mock.VenueFixtures.stopLimit;
import static io.openoms.adapters.broker.mock.VenueFixtures.venue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.LiquiditySide;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedVenueMatchingTest {
    private final RecordingBrokerUpdates updates = new RecordingBrokerUpdates();

    private SimulatedVenue venue(MockVenueConfig.Builder config) {
        return venue(config.build(), updates);
    }

    private static SimulatedVenue venue(MockVenueConfig config, RecordingBrokerUpdates updates) {
        return VenueFixtures.venue(config, updates);
    }

    static <T> T success(BrokerResult<T> result) {
        assertThat(result).isInstanceOf(BrokerResult.Success.class);
        return ((BrokerResult.Success<T>) result).value();
    }

    private static BrokerOrder view(SimulatedVenue venue, BrokerOrderId id) {
        return venue.order(id).orElseThrow();
    }

    @Test
    void a_market_buy_is_acknowledged_and_fills_at_the_last_price_plus_slippage() {
        SimulatedVenue venue = venue(calm().slippageTicks(2));
        BrokerOrderId id = success(venue.submit(market("O-1", Side.BUY, 10)));

        assertThat(updates.statuses()).containsExactly("OPEN", "COMPLETE");
        assertThat(updates.orders().get(0).status()).isEqualTo(OrderStatus.ACCEPTED);
        BrokerTrade trade = updates.trades().get(0);
        assertThat(trade.brokerOrderId()).isEqualTo(id);
        assertThat(trade.fill().price()).isEqualTo(Price.of("100.10"));
        assertThat(trade.fill().quantity()).isEqualTo(Quantity.of(10));
        assertThat(trade.fill().liquidity()).contains(LiquiditySide.TAKER);
        BrokerOrder done = view(venue, id);
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.averagePrice()).contains(Price.of("100.10"));
        assertThat(done.clientOrderId())
                .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("O-1"));
    }

    @Test
    void a_market_sell_fills_at_the_last_price_minus_slippage() {
        SimulatedVenue venue = venue(calm().slippageTicks(3));
        venue.submit(market("O-1", Side.SELL, 5));

        assertThat(updates.trades().get(0).fill().price()).isEqualTo(Price.of("99.85"));
    }

    @Test
    void a_buy_limit_below_the_market_rests_then_fills_at_its_limit_when_the_price_crosses() {
        SimulatedVenue venue = venue(calm().slippageTicks(1));
        BrokerOrderId id = success(venue.submit(limit("O-1", Side.BUY, 10, "99")));

        venue.setPrice(INFY_ID, Price.of("99.50"));
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(updates.trades()).isEmpty();

        venue.setPrice(INFY_ID, Price.of("98.50"));
        BrokerTrade trade = updates.trades().get(0);
        assertThat(trade.fill().price()).isEqualTo(Price.of(99));
        assertThat(trade.fill().liquidity()).contains(LiquiditySide.MAKER);
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(updates.statuses()).containsExactly("OPEN", "COMPLETE");
    }

    @Test
    void a_buy_limit_fills_when_the_price_touches_it() {
        SimulatedVenue venue = venue(calm());
        BrokerOrderId id = success(venue.submit(limit("O-1", Side.BUY, 10, "99")));

        venue.setPrice(INFY_ID, Price.of(99));

        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_marketable_limit_takes_liquidity_on_arrival_at_the_market_capped_at_its_limit() {
        SimulatedVenue venue = venue(calm().slippageTicks(4));
        venue.submit(limit("O-1", Side.BUY, 10, "101"));
        venue.submit(limit("O-2", Side.BUY, 10, "100.10"));

        assertThat(updates.trades())
                .extracting(t -> t.fill().price())
                .containsExactly(Price.of("100.20"), Price.of("100.10"));
        assertThat(updates.trades().get(0).fill().liquidity()).contains(LiquiditySide.TAKER);
    }

    @Test
    void a_sell_limit_above_the_market_fills_when_the_price_rises_to_it() {
        SimulatedVenue venue = venue(calm());
        BrokerOrderId id = success(venue.submit(limit("O-1", Side.SELL, 10, "101")));

        venue.setPrice(INFY_ID, Price.of("100.95"));
        assertThat(updates.trades()).isEmpty();
        venue.setPrice(INFY_ID, Price.of("101.50"));

        assertThat(updates.trades().get(0).fill().price()).isEqualTo(Price.of(101));
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_buy_stop_waits_for_its_trigger_then_fills_as_a_market_order() {
        SimulatedVenue venue = venue(calm().slippageTicks(1));
        BrokerOrderId id = success(venue.submit(stop("O-1", Side.BUY, 10, "102")));
        assertThat(updates.statuses()).containsExactly("TRIGGER PENDING");

        venue.setPrice(INFY_ID, Price.of("101.95"));
        assertThat(updates.trades()).isEmpty();
        venue.setPrice(INFY_ID, Price.of("102.50"));

        assertThat(updates.trades().get(0).fill().price()).isEqualTo(Price.of("102.55"));
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(updates.statuses()).containsExactly("TRIGGER PENDING", "COMPLETE");
    }

    @Test
    void a_sell_stop_triggers_when_the_price_falls_to_it() {
        SimulatedVenue venue = venue(calm());
        venue.submit(stop("O-1", Side.SELL, 10, "95"));

        venue.setPrice(INFY_ID, Price.of("95.05"));
        assertThat(updates.trades()).isEmpty();
        venue.setPrice(INFY_ID, Price.of(95));

        assertThat(updates.trades().get(0).fill().price()).isEqualTo(Price.of(95));
    }

    @Test
    void a_stop_limit_triggers_then_rests_as_a_limit_until_the_price_comes_back() {
        SimulatedVenue venue = venue(calm());
        BrokerOrderId id = success(venue.submit(stopLimit("O-1", Side.BUY, 10, "102", "101")));

        venue.setPrice(INFY_ID, Price.of(103));
        BrokerOrder triggered = view(venue, id);
        assertThat(triggered.brokerStatus()).isEqualTo("OPEN");
        assertThat(triggered.filledQuantity()).isEqualTo(Quantity.ZERO);
        assertThat(updates.statuses()).containsExactly("TRIGGER PENDING", "OPEN");

        venue.setPrice(INFY_ID, Price.of("100.50"));

        assertThat(updates.trades().get(0).fill().price()).isEqualTo(Price.of(101));
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_stop_limit_whose_limit_is_marketable_at_the_trigger_fills_at_once() {
        SimulatedVenue venue = venue(calm());
        venue.submit(stopLimit("O-1", Side.SELL, 10, "98", "97"));

        venue.setPrice(INFY_ID, Price.of("97.50"));

        assertThat(updates.trades().get(0).fill().price()).isEqualTo(Price.of("97.50"));
    }

    @Test
    void liquidity_per_step_splits_a_large_order_into_partial_fills_one_per_step() {
        SimulatedVenue venue = venue(calm().liquidityPerStep(4));
        BrokerOrderId id = success(venue.submit(market("O-1", Side.BUY, 10)));

        assertThat(view(venue, id).filledQuantity()).isEqualTo(Quantity.of(4));
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        venue.step(at(1));
        assertThat(view(venue, id).filledQuantity()).isEqualTo(Quantity.of(8));
        venue.step(at(2));

        assertThat(updates.trades())
                .extracting(t -> t.fill().quantity().value().intValue())
                .containsExactly(4, 4, 2);
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(updates.statuses()).containsExactly("OPEN", "OPEN", "OPEN", "COMPLETE");
    }

    @Test
    void liquidity_is_counted_in_whole_lots_and_never_below_one_lot() {
        SimulatedVenue venue = venue(calm().liquidityPerStep(30));
        Order futures = order(
                "O-1",
                request(Side.BUY, 150)
                        .instrument(NIFTY_ID)
                        .type(OrderType.MARKET)
                        .build());
        venue.submit(futures);

        assertThat(updates.trades().get(0).fill().quantity()).isEqualTo(Quantity.of(50));
    }

    @Test
    void an_ioc_order_cancels_what_its_first_attempt_did_not_fill() {
        SimulatedVenue venue = venue(calm().liquidityPerStep(3));
        BrokerOrderId id = success(venue.submit(order(
                "O-1",
                request(Side.BUY, 10)
                        .type(OrderType.MARKET)
                        .timeInForce(TimeInForce.IOC)
                        .build())));

        BrokerOrder done = view(venue, id);
        assertThat(done.filledQuantity()).isEqualTo(Quantity.of(3));
        assertThat(done.cancelledQuantity()).isEqualTo(Quantity.of(7));
        assertThat(done.status()).isEqualTo(OrderStatus.CANCELLED);
        venue.step(at(1));
        assertThat(venue.trades()).hasSize(1);
    }

    @Test
    void an_ioc_limit_that_does_not_cross_is_cancelled_whole() {
        SimulatedVenue venue = venue(calm());
        BrokerOrderId id = success(venue.submit(order(
                "O-1",
                request(Side.BUY, 10)
                        .type(OrderType.LIMIT)
                        .limitPrice("99")
                        .timeInForce(TimeInForce.IOC)
                        .build())));

        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(view(venue, id).statusMessage()).contains("IOC remainder cancelled");
        assertThat(updates.statuses()).containsExactly("OPEN", "CANCELLED");
    }

    @Test
    void day_orders_rest_across_steps_until_filled() {
        SimulatedVenue venue = venue(calm());
        BrokerOrderId id = success(venue.submit(order(
                "O-1",
                request(Side.BUY, 10)
                        .type(OrderType.LIMIT)
                        .limitPrice("90")
                        .timeInForce(TimeInForce.DAY)
                        .build())));
        for (int i = 1; i <= 5; i++) {
            venue.step(at(i));
        }
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.ACCEPTED);
        venue.scriptPrices(INFY_ID, List.of(Price.of(95), Price.of(90)));
        venue.step(at(6));
        venue.step(at(7));
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void the_acknowledgement_goes_out_once_the_latency_has_passed_and_the_order_then_trades() {
        SimulatedVenue venue = venue(calm().ackLatency(Duration.ofMillis(250)));
        BrokerOrderId id = success(venue.submit(market("O-1", Side.BUY, 10)));
        assertThat(updates.all()).isEmpty();
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(view(venue, id).brokerStatus()).isEqualTo("PUT ORDER REQ RECEIVED");

        venue.advanceTo(VenueFixtures.T0.plusMillis(249));
        assertThat(updates.all()).isEmpty();
        venue.advanceTo(VenueFixtures.T0.plusMillis(250));

        assertThat(updates.statuses()).containsExactly("OPEN", "COMPLETE");
        assertThat(updates.orders().get(0).updatedAt()).isEqualTo(VenueFixtures.T0.plusMillis(250));
    }

    @Test
    void a_modified_quantity_then_fills_in_full() {
        SimulatedVenue venue = venue(calm());
        Order order = limit("O-1", Side.BUY, 10, "99");
        BrokerOrderId id = success(venue.submit(order));

        success(venue.amend(order, OrderModification.quantity(Quantity.of(25))));
        assertThat(view(venue, id).quantity()).isEqualTo(Quantity.of(25));
        venue.setPrice(INFY_ID, Price.of(99));

        assertThat(view(venue, id).filledQuantity()).isEqualTo(Quantity.of(25));
        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_modified_limit_that_becomes_marketable_fills_at_once() {
        SimulatedVenue venue = venue(calm());
        Order order = limit("O-1", Side.BUY, 10, "95");
        BrokerOrderId id = success(venue.submit(order));

        success(venue.amend(order, OrderModification.limitPrice(Price.of(100))));

        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(updates.trades().get(0).fill().price()).isEqualTo(Price.of(100));
        assertThat(updates.orders().get(1).limitPrice()).contains(Price.of(100));
    }

    @Test
    void a_modified_trigger_moves_where_a_stop_triggers() {
        SimulatedVenue venue = venue(calm());
        Order order = stop("O-1", Side.BUY, 10, "105");
        BrokerOrderId id = success(venue.submit(order));

        success(venue.amend(order, OrderModification.triggerPrice(Price.of(101))));
        venue.setPrice(INFY_ID, Price.of(101));

        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_modification_that_does_not_fit_the_order_is_refused() {
        SimulatedVenue venue = venue(calm().liquidityPerStep(4));
        Order resting = limit("O-1", Side.BUY, 10, "99");
        venue.submit(resting);
        Order partly = market("O-2", Side.BUY, 10);
        venue.submit(partly);

        assertThat(venue.amend(resting, OrderModification.triggerPrice(Price.of(98))))
                .isEqualTo(BrokerResult.rejected("a LIMIT order has no trigger price"));
        assertThat(venue.amend(resting, OrderModification.limitPrice(Price.of("98.03"))))
                .isInstanceOf(BrokerResult.Rejected.class);
        assertThat(venue.amend(partly, OrderModification.quantity(Quantity.of(4))))
                .isEqualTo(BrokerResult.rejected("new quantity 4 must exceed the filled quantity 4"));
        assertThat(venue.amend(market("O-3", Side.BUY, 1), OrderModification.quantity(Quantity.of(2))))
                .isEqualTo(BrokerResult.rejected("order for O-3 not found at the venue"));
    }

    @Test
    void a_filled_order_can_be_neither_modified_nor_cancelled() {
        SimulatedVenue venue = venue(calm());
        Order order = market("O-1", Side.BUY, 10);
        BrokerOrderId id = success(venue.submit(order));

        assertThat(venue.cancel(order))
                .isEqualTo(BrokerResult.rejected("order " + id + " is COMPLETE and cannot be cancelled"));
        assertThat(venue.amend(order, OrderModification.quantity(Quantity.of(20))))
                .isEqualTo(BrokerResult.rejected("order " + id + " is COMPLETE and cannot be modified"));
    }

    @Test
    void a_cancelled_resting_order_never_fills() {
        SimulatedVenue venue = venue(calm());
        Order order = limit("O-1", Side.BUY, 10, "99");
        BrokerOrderId id = success(venue.submit(order));

        assertThat(success(venue.cancel(order))).isEqualTo(id);
        venue.setPrice(INFY_ID, Price.of(90));

        BrokerOrder cancelled = view(venue, id);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancelledQuantity()).isEqualTo(Quantity.of(10));
        assertThat(cancelled.pendingQuantity()).isEqualTo(Quantity.ZERO);
        assertThat(updates.trades()).isEmpty();
        assertThat(updates.statuses()).containsExactly("OPEN", "CANCELLED");
    }

    @Test
    void a_partly_filled_order_cancels_only_its_remainder() {
        SimulatedVenue venue = venue(calm().liquidityPerStep(3));
        Order order = market("O-1", Side.BUY, 10);
        BrokerOrderId id = success(venue.submit(order));

        venue.cancel(order);

        BrokerOrder cancelled = view(venue, id);
        assertThat(cancelled.filledQuantity()).isEqualTo(Quantity.of(3));
        assertThat(cancelled.cancelledQuantity()).isEqualTo(Quantity.of(7));
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void an_order_cancelled_before_its_acknowledgement_is_never_acknowledged() {
        SimulatedVenue venue = venue(calm().ackLatency(Duration.ofSeconds(1)));
        Order order = market("O-1", Side.BUY, 10);
        venue.submit(order);

        success(venue.cancel(order));
        venue.step(at(2));

        assertThat(updates.statuses()).containsExactly("CANCELLED");
        assertThat(updates.trades()).isEmpty();
    }

    @Test
    void fees_are_basis_points_of_the_notional_plus_a_flat_amount_exactly() {
        SimulatedVenue venue = venue(calm().feeBasisPoints(new BigDecimal("3"))
                .feePerFill(Money.of("20"))
                .initialPrice(INFY_ID, Price.of("1503.35")));
        venue.submit(market("O-1", Side.BUY, 7));

        // 7 × 1503.35 = 10523.45; 3 bp = 3.157035; + 20
        assertThat(updates.trades().get(0).fill().fee()).isEqualTo(Money.of("23.157035"));
    }

    @Test
    void broker_order_ids_are_19_digit_and_increasing_and_trade_ids_unique() {
        SimulatedVenue venue = venue(calm());
        BrokerOrderId first = success(venue.submit(market("O-1", Side.BUY, 1)));
        BrokerOrderId second = success(venue.submit(market("O-2", Side.BUY, 1)));

        assertThat(first.value()).hasSize(19).containsOnlyDigits();
        assertThat(Long.parseLong(second.value())).isGreaterThan(Long.parseLong(first.value()));
        assertThat(first.value()).startsWith(Long.toString(VenueFixtures.T0.toEpochMilli()));
        assertThat(venue.trades()).extracting(t -> t.fill().tradeId()).doesNotHaveDuplicates();
    }

    @Test
    void placements_the_venue_cannot_take_are_rejected_with_the_reason() {
        SimulatedVenue venue = venue(calm());

        assertThat(venue.submit(
                        order("O-1", request(Side.BUY, 10).instrument("NSE:TCS").build())))
                .isEqualTo(BrokerResult.rejected("instrument NSE:TCS is not traded at this venue"));
        assertThat(venue.submit(
                        order("O-2", request(Side.BUY, 70).instrument(NIFTY_ID).build())))
                .isInstanceOf(BrokerResult.Rejected.class)
                .extracting(r -> ((BrokerResult.Rejected<?>) r).reason())
                .asString()
                .contains("lot size");
        assertThat(venue.submit(limit("O-3", Side.BUY, 10, "99.99")))
                .extracting(r -> ((BrokerResult.Rejected<?>) r).reason())
                .asString()
                .contains("tick size");
        assertThat(venue.orders()).isEmpty();
    }

    @Test
    void the_venue_keeps_net_positions_per_instrument_and_product_at_average_cost() {
        SimulatedVenue venue = venue(calm());
        venue.submit(market("O-1", Side.BUY, 10));
        venue.setPrice(INFY_ID, Price.of(110));
        venue.submit(market("O-2", Side.BUY, 10));
        assertThat(venue.positions()).singleElement().satisfies(p -> {
            assertThat(p.netQuantity()).isEqualByComparingTo("20");
            assertThat(p.averagePrice()).contains(Price.of(105));
        });

        venue.submit(market("O-3", Side.SELL, 5));
        assertThat(venue.positions().get(0).averagePrice()).contains(Price.of(105));
        venue.submit(market("O-4", Side.SELL, 25));
        assertThat(venue.positions()).singleElement().satisfies(p -> {
            assertThat(p.netQuantity()).isEqualByComparingTo("-10");
            assertThat(p.averagePrice()).contains(Price.of(110));
        });

        venue.submit(order("O-5", request(Side.BUY, 3).product(Product.MIS).build()));
        assertThat(venue.positions()).hasSize(2);
        venue.submit(market("O-6", Side.BUY, 10));
        assertThat(venue.positions()).singleElement().satisfies(p -> {
            assertThat(p.product()).isEqualTo(Product.MIS);
            assertThat(p.netQuantity()).isEqualByComparingTo("3");
        });
    }

    @Test
    void orders_placed_outside_openoms_carry_no_client_order_id_and_trade_like_any_other() {
        SimulatedVenue venue = venue(calm());
        BrokerOrderId id = venue.placeExternal(ExternalOrder.limit(INFY_ID, Side.SELL, Quantity.of(4), Price.of(101)));

        BrokerOrder external = view(venue, id);
        assertThat(external.clientOrderId()).isEmpty();
        assertThat(external.tag()).isEmpty();
        venue.setPrice(INFY_ID, Price.of(101));

        assertThat(view(venue, id).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(updates.trades()).singleElement().satisfies(t -> assertThat(t.brokerOrderId())
                .isEqualTo(id));
        assertThat(venue.positions().get(0).netQuantity()).isEqualByComparingTo("-4");
        assertThat(venue.orders()).extracting(BrokerOrder::brokerOrderId).containsExactly(id);
    }

    @Test
    void an_external_order_the_venue_cannot_take_is_refused_loudly() {
        SimulatedVenue venue = venue(calm());

        assertThatThrownBy(() -> venue.placeExternal(ExternalOrder.market(NIFTY_ID, Side.BUY, Quantity.of(7))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lot size");
    }

    @Test
    void the_venue_can_cancel_a_working_order_on_its_own() {
        SimulatedVenue venue = venue(calm());
        BrokerOrderId id = success(venue.submit(limit("O-1", Side.BUY, 10, "90")));

        venue.cancelAtVenue(id, "cancelled by the exchange: circuit limit");

        assertThat(updates.lastOrder().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(updates.lastOrder().statusMessage()).contains("cancelled by the exchange: circuit limit");
    }

    @Test
    void a_placement_twice_for_the_same_client_order_id_makes_two_venue_orders_and_find_answers_the_first() {
        SimulatedVenue venue = venue(calm());
        Order order = limit("O-1", Side.BUY, 10, "90");
        BrokerOrderId first = success(venue.submit(order));
        success(venue.submit(order));

        assertThat(venue.orders()).hasSize(2);
        assertThat(venue.findOrder(order.id()).map(BrokerOrder::brokerOrderId)).contains(first);
        assertThat(venue.order(BrokerOrderId.of("1"))).isEqualTo(Optional.empty());
    }
}
