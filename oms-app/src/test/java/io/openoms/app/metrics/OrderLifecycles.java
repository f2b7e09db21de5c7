package io.openoms.app.metrics;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.in.OmsEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Real order events from the domain's {@link OrderManager}, as the engine publishes them. */
final class OrderLifecycles {
    static final Instant NOW = Instant.parse("2024-03-04T04:30:00Z");

    private final OrderManager orders = new OrderManager();
    private final Map<ClientOrderId, List<OrderEvent>> history = new HashMap<>();
    private int next;

    /** An order of {@code quantity} entered and released: {@code PENDING_SUBMISSION}. */
    ClientOrderId released(long quantity) {
        ClientOrderId id = ClientOrderId.of("O-" + ++next);
        record(orders.create(id, request(quantity), Optional.empty(), NOW));
        record(orders.release(id, NOW));
        return id;
    }

    /** An order released, sent and acknowledged by the broker: {@code ACCEPTED}. */
    ClientOrderId accepted(long quantity) {
        ClientOrderId id = released(quantity);
        record(orders.markSubmitted(id, NOW));
        record(orders.accept(id, BrokerOrderId.of("B-" + id.value()), NOW));
        return id;
    }

    /** An order entered, not yet past the checks: {@code CREATED}. */
    ClientOrderId created(long quantity) {
        ClientOrderId id = ClientOrderId.of("O-" + ++next);
        record(orders.create(id, request(quantity), Optional.empty(), NOW));
        return id;
    }

    List<OmsEvent> fill(ClientOrderId id, String tradeId, long quantity) {
        return published(orders.applyFill(id, Fill.of(tradeId, quantity, "100", "0", NOW), NOW)
                .events());
    }

    List<OmsEvent> rejectByRisk(ClientOrderId id, String check) {
        return published(orders.rejectByRisk(id, check, check + " refused it", NOW));
    }

    List<OmsEvent> rejectByBroker(ClientOrderId id) {
        return published(orders.rejectByBroker(id, "insufficient margin", NOW));
    }

    List<OmsEvent> cancel(ClientOrderId id) {
        List<OrderEvent> events = new ArrayList<>(orders.requestCancel(id, NOW));
        events.addAll(orders.confirmCancel(id, NOW));
        return published(events);
    }

    List<OmsEvent> expire(ClientOrderId id) {
        return published(orders.expire(id, NOW));
    }

    List<OmsEvent> error(ClientOrderId id) {
        return published(orders.error(id, "lost track", NOW));
    }

    /** The order as it stands now. */
    Order order(ClientOrderId id) {
        return Order.replay(history(id));
    }

    /** Every event of the order so far, in sequence. */
    List<OrderEvent> history(ClientOrderId id) {
        return List.copyOf(history.get(id));
    }

    private void record(List<OrderEvent> events) {
        events.forEach(e ->
                history.computeIfAbsent(e.orderId(), id -> new ArrayList<>()).add(e));
    }

    /** Each event with the order as it stood right after it, as the engine publishes them. */
    private List<OmsEvent> published(List<OrderEvent> events) {
        record(events);
        List<OmsEvent> published = new ArrayList<>();
        for (OrderEvent event : events) {
            Order after = Order.replay(history.get(event.orderId()).stream()
                    .filter(e -> e.sequence() <= event.sequence())
                    .toList());
            published.add(new OmsEvent.OrderUpdated(event, after));
        }
        return published;
    }

    static OrderRequest request(long quantity) {
        return OrderRequest.builder()
                .account("ACC-1")
                .strategy("momentum")
                .instrument("NSE:INFY")
                .buy()
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice("100")
                .build();
    }
}
