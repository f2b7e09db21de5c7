package io.openoms.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AlpacaOrderMapperTest {
    private final AlpacaOrderMapper mapper = new AlpacaOrderMapper(AlpacaConfig.paper("PK", "secret"));

    private static JsonNode json(String text) throws AlpacaPayloadException {
        return AlpacaJson.parse(text.replace('\'', '"'));
    }

    private static String order(String fields) {
        return "{'id':'61e69015-8549-4bfd-b9c3-01e75843f47d','client_order_id':'OMS-1','symbol':'AAPL',"
                + "'asset_class':'us_equity','side':'buy','type':'limit','qty':'10','filled_qty':'4',"
                + "'limit_price':'190.5','status':'partially_filled','updated_at':'2026-12-07T10:00:01.123456Z'"
                + fields + "}";
    }

    @Test
    void an_alpaca_order_becomes_the_brokers_view_with_exact_decimals() throws Exception {
        BrokerOrder view = mapper.order(json(order("")));

        assertThat(view.instrument()).isEqualTo(InstrumentId.of("US", "AAPL"));
        assertThat(view.side()).isEqualTo(Side.BUY);
        assertThat(view.type()).isEqualTo(OrderType.LIMIT);
        assertThat(view.quantity()).isEqualTo(Quantity.of(10));
        assertThat(view.filledQuantity()).isEqualTo(Quantity.of(4));
        assertThat(view.limitPrice()).contains(Price.of("190.5"));
        assertThat(view.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(view.clientOrderId()).map(Object::toString).contains("OMS-1");
    }

    @Test
    void every_alpaca_status_maps_and_an_unknown_one_stays_live() {
        assertThat(AlpacaOrderMapper.status("new", false)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(AlpacaOrderMapper.status("pending_new", false)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(AlpacaOrderMapper.status("filled", true)).isEqualTo(OrderStatus.FILLED);
        assertThat(AlpacaOrderMapper.status("canceled", false)).isEqualTo(OrderStatus.CANCELLED);
        assertThat(AlpacaOrderMapper.status("expired", false)).isEqualTo(OrderStatus.EXPIRED);
        assertThat(AlpacaOrderMapper.status("rejected", false)).isEqualTo(OrderStatus.REJECTED);
        assertThat(AlpacaOrderMapper.status("pending_cancel", false)).isEqualTo(OrderStatus.PENDING_CANCEL);
        assertThat(AlpacaOrderMapper.status("pending_replace", false)).isEqualTo(OrderStatus.PENDING_MODIFY);
        assertThat(AlpacaOrderMapper.status("done_for_day", true)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(AlpacaOrderMapper.status("something_new", false).isTerminal())
                .isFalse();
    }

    @Test
    void a_cancelled_orders_unfilled_rest_is_the_cancelled_quantity() throws Exception {
        BrokerOrder view = mapper.order(json(order("").replace("partially_filled", "canceled")));

        assertThat(view.cancelledQuantity()).isEqualTo(Quantity.of(6));
    }

    @Test
    void a_malformed_order_is_refused_never_guessed() {
        assertThatThrownBy(() -> mapper.order(json(order(",'side':'hold'"))))
                .isInstanceOf(AlpacaPayloadException.class);
        assertThatThrownBy(() -> mapper.order(json(order("").replace("'filled_qty':'4'", "'filled_qty':'11'"))))
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> mapper.order(json(order("").replace("'qty':'10'", "'qty':'ten'"))))
                .hasMessageContaining("qty");
        assertThatThrownBy(() -> mapper.order(json(order("").replace("'status':'partially_filled',", ""))))
                .hasMessageContaining("status");
        assertThatThrownBy(() -> mapper.order(json(order("").replace("'limit_price':'190.5'", "'limit_price':'-1'"))))
                .hasMessageContaining("limit_price");
    }

    @Test
    void a_crypto_pair_is_written_with_a_dash_in_openoms() throws Exception {
        BrokerOrder view = mapper.order(json(order("")
                .replace("'AAPL'", "'BTC/USD'")
                .replace("us_equity", "crypto")
                .replace("'10'", "'0.25'")
                .replace("'4'", "'0.1'")));

        assertThat(view.instrument()).isEqualTo(InstrumentId.of("CRYPTO", "BTC-USD"));
        assertThat(view.quantity()).isEqualTo(Quantity.of("0.25"));
        AlpacaSymbols symbols = new AlpacaSymbols("US");
        assertThat(symbols.alpacaSymbol(InstrumentId.of("CRYPTO", "BTC-USD"))).isEqualTo("BTC/USD");
        assertThat(symbols.alpacaSymbol(InstrumentId.of("US", "BRK.B"))).isEqualTo("BRK.B");
        assertThatThrownBy(() -> symbols.alpacaSymbol(InstrumentId.of("NSE", "INFY")))
                .hasMessageContaining("US:<symbol>");
    }

    @Test
    void a_streamed_fill_is_one_execution_and_an_activity_of_it_has_the_same_trade_id() throws Exception {
        BrokerOrder order = mapper.order(json(order("")));
        BrokerTrade streamed = mapper.streamedFill(
                json("{'event':'partial_fill','execution_id':'8efc7b9a-8b2b-4000-9955-d36e7db0df74','qty':'4',"
                        + "'price':'190.25','timestamp':'2026-12-07T10:00:01Z','order':{}}"),
                order);
        BrokerTrade activity = mapper.activity(json("{'id':'20261207100001000::8efc7b9a-8b2b-4000-9955-d36e7db0df74',"
                + "'activity_type':'FILL','transaction_time':'2026-12-07T10:00:01Z','price':'190.25','qty':'4',"
                + "'side':'buy','symbol':'AAPL','order_id':'61e69015-8549-4bfd-b9c3-01e75843f47d'}"));

        assertThat(streamed.fill().tradeId()).isEqualTo(activity.fill().tradeId());
        assertThat(streamed.fill().price()).isEqualTo(Price.of("190.25"));
        assertThat(activity.brokerOrderId()).isEqualTo(order.brokerOrderId());
    }

    @Test
    void a_short_position_is_negative() throws Exception {
        BrokerPosition position = mapper.position(
                json("{'symbol':'AAPL','asset_class':'us_equity','qty':'-5','side':'short','avg_entry_price':'190'}"));

        assertThat(position.netQuantity()).isEqualByComparingTo(new BigDecimal("-5"));
    }
}
