package io.openoms.integration;

import static io.openoms.integration.TradingSystem.INFY;
import static io.openoms.integration.TradingSystem.buy;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios on H2 through the real Alpaca adapter: orders over HTTP to the Alpaca simulator,
 * {@code trade_updates} back over its WebSocket, the simulator running over the same kind of venue as
 * the mock's.
 */
class H2AlpacaTradingScenariosTest extends TradingScenarios {
    @TempDir
    static Path directory;

    @Override
    protected ScenarioDatabase newDatabase(String name) {
        return ScenarioDatabase.h2Networked(directory.resolve(name));
    }

    @Override
    protected BrokerKind brokerKind() {
        return BrokerKind.ALPACA;
    }

    @Test
    @VenueLiquidity(4)
    void a_partly_filled_order_is_not_replaced_and_keeps_working_at_its_old_terms() {
        Order order = system.submitAccepted(buy(8).type(OrderType.LIMIT).limitPrice("1500"));
        assertThat(order.filledQuantity().value()).isEqualByComparingTo("4");

        system.modify(
                order.id(), new OrderModification(Optional.of(Quantity.of(14)), Optional.empty(), Optional.empty()));
        system.settle();

        Order after = system.order(order.id());
        assertThat(after.quantity().value()).isEqualByComparingTo("8");
        assertThat(after.lastModifyRejection())
                .hasValueSatisfying(reason -> assertThat(reason).contains("partly filled"));
        system.step(2);
        Order filled = system.awaitStatus(order.id(), OrderStatus.FILLED);
        assertThat(filled.filledQuantity().value()).isEqualByComparingTo("8");
        assertThat(filled.averageFillPrice()).contains(Price.of("1500"));
        assertThat(system.netQuantity(INFY)).isEqualTo(8);
    }
}
