package io.openoms.adapters.broker.zerodha;

import static io.openoms.adapters.broker.zerodha.KiteFixtures.CLOCK;
import static io.openoms.adapters.broker.zerodha.KiteFixtures.NOW;
import static io.openoms.adapters.broker.zerodha.KiteFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KiteOrderMapperTest {
    private final KiteTagRegistry tags = KiteTagRegistry.inMemory();
    private final KiteOrderMapper mapper =
            new KiteOrderMapper(KiteFixtures.config().build(), tags, CLOCK);

    private static JsonNode data(String resource) throws KitePayloadException {
        return KiteJson.parse(KiteFixtures.resource(resource)).get("data");
    }

    @Test
    void a_market_order_goes_out_with_market_protection_and_our_tag() {
        Order order = order("O000000000001", request -> request, Optional.empty());

        KiteOrderMapper.Placement placement =
                mapper.placement(order, "O000000000001", NOW).value().orElseThrow();

        assertThat(placement.variety()).isEqualTo("regular");
        assertThat(placement.form())
                .containsEntry("tradingsymbol", "INFY")
                .containsEntry("exchange", "NSE")
                .containsEntry("transaction_type", "BUY")
                .containsEntry("order_type", "MARKET")
                .containsEntry("quantity", "10")
                .containsEntry("product", "CNC")
                .containsEntry("validity", "DAY")
                .containsEntry("market_protection", "-1")
                .containsEntry("tag", "O000000000001")
                .doesNotContainKeys("price", "trigger_price", "algo_id");
    }

    @Test
    void order_types_map_stop_to_sl_m_and_stop_limit_to_sl() throws KitePayloadException {
        Order stop =
                order("O1", r -> r.type(OrderType.STOP).triggerPrice("1500").sell(), Optional.empty());
        Order stopLimit = order(
                "O2", r -> r.type(OrderType.STOP_LIMIT).triggerPrice("1500").limitPrice("1499.5"), Optional.empty());
        Order limit = order("O3", r -> r.type(OrderType.LIMIT).limitPrice("1450.05"), Optional.empty());

        Map<String, String> stopForm =
                mapper.placement(stop, "O1", NOW).value().orElseThrow().form();
        Map<String, String> stopLimitForm =
                mapper.placement(stopLimit, "O2", NOW).value().orElseThrow().form();
        Map<String, String> limitForm =
                mapper.placement(limit, "O3", NOW).value().orElseThrow().form();

        assertThat(stopForm)
                .containsEntry("order_type", "SL-M")
                .containsEntry("trigger_price", "1500")
                .containsEntry("market_protection", "-1")
                .doesNotContainKey("price");
        assertThat(stopLimitForm)
                .containsEntry("order_type", "SL")
                .containsEntry("price", "1499.5")
                .containsEntry("trigger_price", "1500")
                .doesNotContainKey("market_protection");
        assertThat(limitForm)
                .containsEntry("order_type", "LIMIT")
                .containsEntry("price", "1450.05")
                .doesNotContainKey("market_protection");
        for (OrderType type : OrderType.values()) {
            assertThat(KiteOrderMapper.orderType(KiteOrderMapper.orderType(type)))
                    .isEqualTo(type);
        }
    }

    @Test
    void gtd_becomes_ttl_in_whole_minutes_rounded_up() {
        Order gtd = order(
                "O4",
                r -> r.type(OrderType.LIMIT).limitPrice("1400").expiresIn(Duration.ofSeconds(90 * 60 + 10)),
                Optional.empty());

        Map<String, String> form =
                mapper.placement(gtd, "O4", NOW).value().orElseThrow().form();

        assertThat(form).containsEntry("validity", "TTL").containsEntry("validity_ttl", "91");
    }

    @Test
    void gtd_beyond_the_session_close_and_gtc_are_refused_with_a_reason() {
        Order tomorrow = order(
                "O5",
                r -> r.type(OrderType.LIMIT).limitPrice("1400").expiresIn(Duration.ofHours(20)),
                Optional.empty());
        Order gtc = order(
                "O6", r -> r.type(OrderType.LIMIT).limitPrice("1400").timeInForce(TimeInForce.GTC), Optional.empty());

        assertThat(mapper.placement(tomorrow, "O5", NOW).refusal())
                .hasValueSatisfying(reason -> assertThat(reason).contains("TTL").contains("session close"));
        assertThat(mapper.placement(gtc, "O6", NOW).refusal())
                .hasValueSatisfying(reason -> assertThat(reason).contains("good-till-cancelled"));
    }

    @Test
    void ioc_is_sent_but_refused_on_mcx_and_unknown_products_are_refused() {
        Order ioc = order(
                "O7", r -> r.type(OrderType.LIMIT).limitPrice("1400").timeInForce(TimeInForce.IOC), Optional.empty());
        Order mcx = order(
                "O8",
                r -> r.instrument("MCX:GOLDM25DECFUT")
                        .type(OrderType.LIMIT)
                        .limitPrice("76000")
                        .timeInForce(TimeInForce.IOC),
                Optional.empty());
        Order bracket = order("O9", r -> r.product(Product.of("BO")), Optional.empty());

        assertThat(mapper.placement(ioc, "O7", NOW).value().orElseThrow().form())
                .containsEntry("validity", "IOC");
        assertThat(mapper.placement(mcx, "O8", NOW).refusal())
                .hasValueSatisfying(r -> assertThat(r).contains("MCX"));
        assertThat(mapper.placement(bracket, "O9", NOW).refusal())
                .hasValueSatisfying(r -> assertThat(r).contains("BO"));
    }

    @Test
    void outside_market_hours_an_order_is_an_amo_when_configured() {
        KiteOrderMapper amo = new KiteOrderMapper(
                KiteFixtures.config().amoOutsideMarketHours(true).build(), tags, CLOCK);
        Order order = order("O10", r -> r.type(OrderType.LIMIT).limitPrice("1400"), Optional.empty());
        Instant evening = Instant.parse("2026-11-20T14:00:00Z"); // 19:30 IST
        Instant closingGap = Instant.parse("2026-11-20T10:15:00Z"); // 15:45 IST, before the AMO window
        Instant saturday = Instant.parse("2026-11-21T06:00:00Z");

        assertThat(amo.placement(order, "O10", NOW).value().orElseThrow().variety())
                .isEqualTo("regular");
        assertThat(amo.placement(order, "O10", evening).value().orElseThrow().variety())
                .isEqualTo("amo");
        assertThat(amo.placement(order, "O10", closingGap).value().orElseThrow().variety())
                .isEqualTo("regular");
        assertThat(amo.placement(order, "O10", saturday).value().orElseThrow().variety())
                .isEqualTo("amo");
        assertThat(mapper.placement(order, "O10", evening).value().orElseThrow().variety())
                .isEqualTo("regular");
    }

    @Test
    void an_order_tagged_for_iceberg_is_split_into_equal_legs() {
        Order iceberg = order(
                "O11",
                r -> r.type(OrderType.LIMIT).limitPrice("1400").quantity(1000).tag("iceberg:5"),
                Optional.empty());
        Order uneven = order(
                "O12",
                r -> r.type(OrderType.LIMIT).limitPrice("1400").quantity(1001).tag("iceberg:5"),
                Optional.empty());
        Order oneLeg =
                order("O13", r -> r.type(OrderType.LIMIT).limitPrice("1400").tag("iceberg:1"), Optional.empty());

        KiteOrderMapper.Placement placement =
                mapper.placement(iceberg, "O11", NOW).value().orElseThrow();

        assertThat(placement.variety()).isEqualTo("iceberg");
        assertThat(placement.form()).containsEntry("iceberg_legs", "5").containsEntry("iceberg_quantity", "200");
        assertThat(mapper.placement(uneven, "O12", NOW).refusal()).isPresent();
        assertThat(mapper.placement(oneLeg, "O13", NOW).refusal())
                .hasValueSatisfying(r -> assertThat(r).contains("2 to 50"));
    }

    @Test
    void a_modification_sends_the_new_values_and_protection_for_market_orders() {
        Order limit = order("O14", r -> r.type(OrderType.LIMIT).limitPrice("1400"), Optional.of("1"));
        Order market = order("O15", r -> r, Optional.of("2"));

        Map<String, String> form = mapper.modification(limit, OrderModification.limitPrice(Price.of("1405.5")))
                .value()
                .orElseThrow();
        Map<String, String> marketForm = mapper.modification(market, OrderModification.quantity(Quantity.of(20)))
                .value()
                .orElseThrow();

        assertThat(form)
                .containsEntry("order_type", "LIMIT")
                .containsEntry("price", "1405.5")
                .containsEntry("quantity", "10")
                .doesNotContainKey("market_protection");
        assertThat(marketForm).containsEntry("quantity", "20").containsEntry("market_protection", "-1");
    }

    @Test
    void orders_keep_nineteen_digit_ids_parse_ist_and_recover_our_client_order_id() throws Exception {
        tags.remember(ClientOrderId.of("O000000000001"));

        BrokerOrder complete = mapper.order(data("orders.json").get(0));

        assertThat(complete.brokerOrderId().value()).isEqualTo("1953341975595868160");
        assertThat(complete.clientOrderId()).contains(ClientOrderId.of("O000000000001"));
        assertThat(complete.tag()).contains("O000000000001");
        assertThat(complete.instrument()).isEqualTo(InstrumentId.parse("NSE:INFY"));
        assertThat(complete.side()).isEqualTo(Side.BUY);
        assertThat(complete.type()).isEqualTo(OrderType.MARKET);
        assertThat(complete.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(complete.brokerStatus()).isEqualTo("COMPLETE");
        assertThat(complete.filledQuantity()).isEqualTo(Quantity.of(10));
        assertThat(complete.averagePrice()).contains(Price.of("1450.55"));
        assertThat(complete.limitPrice()).isEmpty();
        assertThat(complete.updatedAt()).isEqualTo(Instant.parse("2026-11-20T03:46:03Z"));
    }

    @Test
    void a_cancelled_order_has_nothing_left_working_whatever_pending_quantity_says() throws Exception {
        BrokerOrder cancelled = mapper.order(data("orders.json").get(1));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.filledQuantity()).isEqualTo(Quantity.of(75));
        assertThat(cancelled.cancelledQuantity()).isEqualTo(Quantity.of(75));
        assertThat(cancelled.pendingQuantity()).isEqualTo(Quantity.ZERO);
        assertThat(cancelled.clientOrderId()).isEmpty();
    }

    @Test
    void a_rejected_order_counts_its_unfilled_rest_as_cancelled() throws Exception {
        String rejected = KiteFixtures.resource("orders.json")
                .replaceFirst(
                        "\"status\": \"TRIGGER PENDING\", \"status_message\": null",
                        "\"status\": \"REJECTED\", \"status_message\": \"RMS:Margin Exceeds\"");

        BrokerOrder order = mapper.order(KiteJson.parse(rejected).get("data").get(2));

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.statusMessage()).contains("RMS:Margin Exceeds");
        assertThat(order.pendingQuantity()).isEqualTo(Quantity.ZERO);
    }

    @Test
    void a_hand_tagged_order_is_not_taken_for_ours() throws Exception {
        BrokerOrder handmade = mapper.order(data("orders.json").get(2));

        assertThat(handmade.tag()).contains("handmade");
        assertThat(handmade.clientOrderId()).isEmpty();
        assertThat(handmade.type()).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(handmade.triggerPrice()).contains(Price.of("801.5"));
        assertThat(handmade.status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void an_instrument_we_cannot_name_is_a_payload_error() throws Exception {
        JsonNode index = data("orders.json").get(3);

        assertThatThrownBy(() -> mapper.order(index)).isInstanceOf(KitePayloadException.class);
    }

    @Test
    void the_last_history_snapshot_carries_the_partial_fill() throws Exception {
        JsonNode history = data("order_history.json");

        BrokerOrder first = mapper.order(history.get(0));
        BrokerOrder last = mapper.order(history.get(2));

        assertThat(first.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(first.brokerOrderId().value()).isEqualTo("2042130686722629633");
        assertThat(last.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(last.pendingQuantity()).isEqualTo(Quantity.of(6));
    }

    @ParameterizedTest
    @CsvSource({
        "PUT ORDER REQ RECEIVED, 0, SUBMITTED",
        "PUT ORDER REQUEST RECEIVED, 0, SUBMITTED",
        "AMO REQ RECEIVED, 0, SUBMITTED",
        "VALIDATION PENDING, 0, SUBMITTED",
        "OPEN PENDING, 0, SUBMITTED",
        "OPEN, 0, ACCEPTED",
        "OPEN, 4, PARTIALLY_FILLED",
        "TRIGGER PENDING, 0, ACCEPTED",
        "MODIFY VALIDATION PENDING, 0, PENDING_MODIFY",
        "MODIFY PENDING, 0, PENDING_MODIFY",
        "MODIFIED, 0, ACCEPTED",
        "CANCEL PENDING, 4, PENDING_CANCEL",
        "COMPLETE, 10, FILLED",
        "CANCELLED, 4, CANCELLED",
        "CANCELLED AMO, 0, CANCELLED",
        "REJECTED, 0, REJECTED",
        "LAPSED, 0, EXPIRED",
        "UPDATE, 4, PARTIALLY_FILLED",
        "open, 0, ACCEPTED",
        "SOMETHING NEW, 0, SUBMITTED",
        "SOMETHING NEW, 4, PARTIALLY_FILLED"
    })
    void every_kite_status_maps_to_ours(String kite, long filled, OrderStatus expected) {
        assertThat(KiteOrderMapper.status(kite, Quantity.of(filled), Quantity.of(10), true))
                .isEqualTo(expected);
    }

    @Test
    void unknown_statuses_are_never_terminal_and_lapsed_can_be_kept_live() {
        assertThat(KiteOrderMapper.status("EXCHANGE HALTED", Quantity.ZERO, Quantity.of(10), true)
                        .isTerminal())
                .isFalse();
        assertThat(KiteOrderMapper.status("LAPSED", Quantity.ZERO, Quantity.of(10), false)
                        .isTerminal())
                .isFalse();
    }

    @Test
    void trades_carry_exact_prices_and_ist_fill_times() throws Exception {
        BrokerTrade trade = mapper.trade(data("trades.json").get(1));

        assertThat(trade.brokerOrderId().value()).isEqualTo("1953341975595868161");
        assertThat(trade.instrument()).isEqualTo(InstrumentId.parse("NFO:NIFTY25NOVFUT"));
        assertThat(trade.side()).isEqualTo(Side.SELL);
        assertThat(trade.product()).isEqualTo(Product.NRML);
        assertThat(trade.fill().tradeId().value()).isEqualTo("20000001");
        assertThat(trade.fill().quantity()).isEqualTo(Quantity.of(75));
        assertThat(trade.fill().price().value()).isEqualByComparingTo(new BigDecimal("24500.05"));
        assertThat(trade.fill().executedAt()).isEqualTo(Instant.parse("2026-11-20T04:31:00Z"));
    }

    @Test
    void positions_are_signed() throws Exception {
        BrokerPosition shortFuture =
                mapper.position(data("positions.json").get("net").get(0));

        assertThat(shortFuture.netQuantity()).isEqualByComparingTo("-75");
        assertThat(shortFuture.averagePrice()).contains(Price.of("24500.05"));
    }

    @Test
    void timestamps_are_ist_whatever_the_jvm_zone() {
        assertThat(KiteTimestamps.parse("2026-11-20 09:15:00")).contains(Instant.parse("2026-11-20T03:45:00Z"));
        assertThat(KiteTimestamps.parse("2017-12-15T09:15:00+0530")).contains(Instant.parse("2017-12-15T03:45:00Z"));
        assertThat(KiteTimestamps.parse("09:15:00")).isEmpty();
    }

    @Test
    void an_order_with_more_filled_than_ordered_is_a_payload_error() throws IOException, KitePayloadException {
        String overfilled =
                KiteFixtures.resource("orders.json").replaceFirst("\"filled_quantity\": 10", "\"filled_quantity\": 11");

        assertThatThrownBy(() ->
                        mapper.order(KiteJson.parse(overfilled).get("data").get(0)))
                .isInstanceOf(KitePayloadException.class)
                .hasMessageContaining("exceeds");
    }
}
