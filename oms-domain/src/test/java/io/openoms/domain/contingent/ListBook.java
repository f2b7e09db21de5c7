package io.openoms.domain.contingent;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/** Orders of list tests, driven through the real {@link OrderManager}; the engine's part played by hand. */
final class ListBook {
    static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");
    static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    static final Instrument INFY_INSTRUMENT =
            Instrument.of(INFY, "0.05", 1, Currency.getInstance("INR"), TradingSession.indianEquities(Set.of()));

    final OrderManager orders = new OrderManager();
    private int ids;
    private int trades;

    static OrderRequest.Builder limit(boolean buy, long quantity, String price) {
        OrderRequest.Builder builder = OrderRequest.builder()
                .account("ACC-1")
                .strategy("brackets")
                .instrument(INFY)
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(price)
                .timeInForce(TimeInForce.DAY);
        return buy ? builder.buy() : builder.sell();
    }

    /** Creates and acknowledges the order of leg {@code key}; the list that knows it. */
    OrderList send(OrderList list, String key) {
        ClientOrderId id = ClientOrderId.of("O-" + (++ids));
        orders.create(id, list.leg(key).orElseThrow().request(), Optional.of(INFY_INSTRUMENT), T0);
        orders.release(id, T0);
        orders.markSubmitted(id, T0);
        orders.accept(id, BrokerOrderId.of("B-" + ids), T0);
        return list.sent(key, id);
    }

    /** Plays the plan as the engine would: submits, resizes and cancels confirmed at once. */
    OrderList apply(Plan plan) {
        OrderList list = plan.list();
        for (ContingentAction action : plan.actions()) {
            if (action instanceof ContingentAction.SubmitLeg submit) {
                list = send(list, submit.key());
            } else if (action instanceof ContingentAction.ResizeLeg resize) {
                orders.requestModify(resize.orderId(), OrderModification.quantity(resize.quantity()), T0);
                orders.confirmModify(resize.orderId(), T0);
            } else if (action instanceof ContingentAction.CancelLeg cancel) {
                cancel(cancel.orderId());
            }
        }
        return list;
    }

    void fill(ClientOrderId id, long quantity, String price) {
        trades++;
        orders.applyFill(id, Fill.of("T-" + trades, quantity, price, "0", T0), T0);
    }

    void cancel(ClientOrderId id) {
        orders.requestCancel(id, T0);
        orders.confirmCancel(id, T0);
    }

    Optional<Order> find(ClientOrderId id) {
        return orders.find(id);
    }

    Order order(OrderList list, String key) {
        return orders.get(list.leg(key).orElseThrow().orderId().orElseThrow());
    }

    static Quantity quantity(long value) {
        return Quantity.of(BigDecimal.valueOf(value));
    }
}
