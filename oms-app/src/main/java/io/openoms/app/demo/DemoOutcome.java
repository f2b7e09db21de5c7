package io.openoms.app.demo;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;
import io.openoms.domain.position.PortfolioTotals;
import io.openoms.domain.position.Position;
import java.util.List;
import java.util.Optional;

/**
 * What the demo session did: its orders in the order it placed them, the account's positions (closed
 * ones too) and P&amp;L totals, and, when a step did not behave, one line saying which and how.
 */
public record DemoOutcome(
        Optional<String> failure, List<Order> orders, List<Position> positions, PortfolioTotals totals) {
    public DemoOutcome {
        requireNonNull(failure, "failure is null");
        orders = List.copyOf(requireNonNull(orders, "orders is null"));
        positions = List.copyOf(requireNonNull(positions, "positions is null"));
        requireNonNull(totals, "totals is null");
    }

    public boolean behaved() {
        return failure.isEmpty();
    }
}
