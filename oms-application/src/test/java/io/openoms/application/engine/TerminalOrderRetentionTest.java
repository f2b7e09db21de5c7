package io.openoms.application.engine;

import static io.openoms.application.testing.EngineHarness.ACCOUNT;
import static io.openoms.application.testing.EngineHarness.buy;
import static io.openoms.application.testing.EngineHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.position.Position;
import io.openoms.domain.value.Quantity;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A terminal order leaves engine memory once {@code terminalOrderRetention} has passed since its last
 * change; it is then served from the order store, and a trade delivered again is still a duplicate.
 */
class TerminalOrderRetentionTest {
    private final EngineHarness f = new EngineHarness();

    @AfterEach
    void stop() {
        f.close();
    }

    private Order filledOrder() {
        f.start(EngineHarness.config()
                .terminalOrderRetention(Duration.ofMinutes(1))
                .build());
        Order order = f.submitAcknowledged(buy(10, "100").build());
        f.fill(order, "T1", 10, "100");
        return f.awaitStatus(order.id(), OrderStatus.FILLED);
    }

    @Test
    void a_filled_order_stays_in_memory_within_the_window_and_leaves_after_it() {
        Order filled = filledOrder();

        f.clock.advance(Duration.ofSeconds(59));
        assertThat(f.sync().orders()).extracting(Order::id).contains(filled.id());

        f.clock.advance(Duration.ofSeconds(2));
        assertThat(f.sync().orders()).extracting(Order::id).doesNotContain(filled.id());
    }

    @Test
    void an_evicted_order_is_still_served_from_the_store() {
        Order filled = filledOrder();
        f.clock.advance(Duration.ofMinutes(2));
        f.sync();

        assertThat(f.engine.order(filled.id())).hasValueSatisfying(order -> {
            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.filledQuantity()).isEqualTo(Quantity.of(10));
        });
        assertThat(f.engine.orderByBrokerOrderId(filled.brokerOrderId().orElseThrow()))
                .hasValueSatisfying(order -> assertThat(order.id()).isEqualTo(filled.id()));
        OrderCommandResult cancel = get(f.engine.cancel(new CancelOrder(filled.id())));
        assertThat(cancel).isInstanceOfSatisfying(OrderCommandResult.Failed.class, failed -> assertThat(failed.code())
                .isEqualTo(FailureCode.VALIDATION_ORDER_NOT_CANCELLABLE));
    }

    @Test
    void a_trade_delivered_again_after_eviction_is_a_duplicate_and_the_position_counts_it_once() {
        Order filled = filledOrder();
        f.clock.advance(Duration.ofMinutes(2));
        f.sync();

        f.fill(filled, "T1", 10, "100");

        assertThat(f.stored(filled.id()).filledQuantity()).isEqualTo(Quantity.of(10));
        assertThat(f.engine.positions(ACCOUNT, false))
                .singleElement()
                .extracting(Position::signedQuantity)
                .satisfies(quantity -> assertThat(quantity).isEqualByComparingTo("10"));
    }
}
