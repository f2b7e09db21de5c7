package io.openoms.domain.basket;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.StrategyId;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/** Orders for basket tests, driven through the real {@link OrderManager}: sent, filled, cancelled. */
final class BasketBook {
    static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");
    static final AccountId ACCOUNT = AccountId.of("ACC-1");
    static final StrategyId STRATEGY = StrategyId.of("pairs");
    static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");

    final OrderManager orders = new OrderManager();
    private int trades;

    static OrderRequest limit(InstrumentId instrument, boolean buy, long quantity, String price) {
        OrderRequest.Builder builder = OrderRequest.builder()
                .account(ACCOUNT.value())
                .strategy(STRATEGY.value())
                .instrument(instrument.toString())
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(price)
                .timeInForce(TimeInForce.GTC);
        return (buy ? builder.buy() : builder.sell()).build();
    }

    /** Creates and acknowledges the order of {@code leg} under {@code id}. */
    Order send(BasketLeg leg, String id) {
        ClientOrderId orderId = ClientOrderId.of(id);
        Instrument instrument = Instrument.of(
                leg.request().instrument(),
                "0.05",
                1,
                Currency.getInstance("INR"),
                TradingSession.indianEquities(Set.of()));
        orders.create(orderId, leg.request(), Optional.of(instrument), T0);
        orders.release(orderId, T0);
        orders.markSubmitted(orderId, T0);
        orders.accept(orderId, BrokerOrderId.of("B-" + id), T0);
        return orders.get(orderId);
    }

    void fill(String id, long quantity, String price) {
        trades++;
        orders.applyFill(ClientOrderId.of(id), Fill.of("T-" + trades, quantity, price, "0", T0), T0);
    }

    void cancel(String id) {
        orders.requestCancel(ClientOrderId.of(id), T0);
        orders.confirmCancel(ClientOrderId.of(id), T0);
    }

    Optional<Order> find(ClientOrderId id) {
        return orders.find(id);
    }
}
