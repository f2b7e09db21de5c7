package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.position.Position;
import java.util.List;

/**
 * What one commit makes durable: the events in the order they happened, and the state they led
 * to — each changed order and position once, as it stands after the last of the events.
 */
public record JournalBatch(List<OrderEvent> events, List<Order> orders, List<Position> positions) {
    public JournalBatch {
        events = List.copyOf(requireNonNull(events, "events is null"));
        orders = List.copyOf(requireNonNull(orders, "orders is null"));
        positions = List.copyOf(requireNonNull(positions, "positions is null"));
    }

    public boolean isEmpty() {
        return events.isEmpty() && orders.isEmpty() && positions.isEmpty();
    }
}
