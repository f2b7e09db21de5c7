package io.openoms.application.engine;

import static io.openoms.application.testing.EngineHarness.INFY;
import static io.openoms.application.testing.EngineHarness.buy;
import static io.openoms.application.testing.EngineHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.risk.checks.CircuitLimitCheck;
import io.openoms.domain.value.Price;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exchange's circuit band, from market data, refuses a submit or a modify priced outside it before sending. */
class CircuitLimitEngineTest {
    private final EngineHarness f = new EngineHarness();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void a_submit_priced_past_the_upper_circuit_is_rejected_and_nothing_is_sent() {
        f.marketData.setCircuitLimits(INFY, CircuitLimits.of("90", "110"));
        f.start();

        OrderCommandResult result = f.submit(buy(10, "110.05").build());

        assertThat(result).isInstanceOfSatisfying(OrderCommandResult.Rejected.class, rejected -> {
            assertThat(rejected.order().status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(rejected.order().rejection().orElseThrow().check()).contains(CircuitLimitCheck.NAME);
        });
        assertThat(f.broker.placedOrders()).isEmpty();
        assertThat(f.submit(buy(10, "110").build())).isInstanceOf(OrderCommandResult.Accepted.class);
    }

    @Test
    void a_modify_priced_past_the_lower_circuit_is_refused_and_the_order_keeps_working() {
        f.marketData.setCircuitLimits(INFY, CircuitLimits.of("90", "110"));
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").build());

        OrderCommandResult result =
                get(f.engine.modify(new ModifyOrder(order.id(), OrderModification.limitPrice(Price.of("89.95")))));

        assertThat(result).isInstanceOfSatisfying(OrderCommandResult.ModificationRefused.class, refused -> assertThat(
                        refused.check())
                .isEqualTo(CircuitLimitCheck.NAME));
        assertThat(f.stored(order.id()).limitPrice()).contains(Price.of("100"));
        assertThat(f.broker.modifiedOrders()).isEmpty();
    }
}
