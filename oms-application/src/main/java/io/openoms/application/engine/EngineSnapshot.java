package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;
import io.openoms.domain.position.Position;
import java.util.List;

/**
 * The engine's in-memory state as of a command boundary, everything in it durable: the orders it
 * tracks (open ones, and terminal ones it saw since start) and every position, closed ones first.
 */
public record EngineSnapshot(List<Order> orders, List<Position> positions) {
    public EngineSnapshot {
        orders = List.copyOf(requireNonNull(orders, "orders is null"));
        positions = List.copyOf(requireNonNull(positions, "positions is null"));
    }
}
