package io.openoms.domain.order;

import static io.openoms.domain.order.OrderFixtures.T0;
import static io.openoms.domain.order.OrderFixtures.at;
import static io.openoms.domain.order.OrderFixtures.tenAt100;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Terminal orders leave memory once their last change is older than the cutoff; open ones never do. */
class OrderManagerRetentionTest {
    private final OrderManager orders = new OrderManager();

    private ClientOrderId filled(String id, String brokerId, String tradeId, Instant at) {
        ClientOrderId orderId = ClientOrderId.of(id);
        orders.create(orderId, tenAt100(), Optional.empty(), at);
        orders.release(orderId, at);
        orders.accept(orderId, BrokerOrderId.of(brokerId), at);
        orders.applyFill(orderId, Fill.of(tradeId, 10, "100", "0", at), at);
        return orderId;
    }

    private ClientOrderId working(String id, Instant at) {
        ClientOrderId orderId = ClientOrderId.of(id);
        orders.create(orderId, tenAt100(), Optional.empty(), at);
        orders.release(orderId, at);
        return orderId;
    }

    @Test
    void a_terminal_order_older_than_the_cutoff_leaves_memory_with_its_broker_id() {
        ClientOrderId old = filled("O-OLD", "B-OLD", "T-OLD", at(0));
        ClientOrderId recent = filled("O-NEW", "B-NEW", "T-NEW", at(600));
        ClientOrderId open = working("O-OPEN", at(0));

        int evicted = orders.evictTerminal(at(300));

        assertThat(evicted).isEqualTo(1);
        assertThat(orders.find(old)).isEmpty();
        assertThat(orders.findByBrokerOrderId(BrokerOrderId.of("B-OLD"))).isEmpty();
        assertThat(orders.find(recent)).isPresent();
        assertThat(orders.find(open)).isPresent();
        assertThat(orders.openOrders()).extracting(Order::id).containsExactly(open);
        assertThat(orders.size()).isEqualTo(2);
    }

    @Test
    void an_open_order_is_never_evicted_however_old() {
        ClientOrderId open = working("O-OPEN", at(0));

        assertThat(orders.evictTerminal(at(0).plus(Duration.ofDays(30)))).isZero();

        assertThat(orders.find(open)).isPresent();
        assertThat(orders.openOrderTotals().count(tenAt100().account())).isEqualTo(1);
    }

    @Test
    void a_terminal_order_changed_again_stays_for_the_window_of_its_latest_change() {
        ClientOrderId id = ClientOrderId.of("O-1");
        orders.create(id, tenAt100(), Optional.empty(), at(0));
        orders.release(id, at(0));
        orders.accept(id, BrokerOrderId.of("B-1"), at(0));
        orders.requestCancel(id, at(1));
        orders.confirmCancel(id, at(2));
        // A late fill on the cancelled order (it stays CANCELLED) at t = 500.
        orders.applyFill(id, Fill.of("T-LATE", 3, "100", "0", at(500)), at(500));

        assertThat(orders.evictTerminal(at(300))).isZero();
        assertThat(orders.find(id)).isPresent();

        assertThat(orders.evictTerminal(at(501))).isEqualTo(1);
        assertThat(orders.find(id)).isEmpty();
    }

    @Test
    void an_evicted_order_can_be_put_back_from_the_store_and_still_refuses_a_trade_it_holds() {
        ClientOrderId id = filled("O-1", "B-1", "T-1", T0);
        Order stored = orders.get(id);
        orders.evictTerminal(at(601));

        Order back = orders.restore(stored);

        assertThat(orders.findByBrokerOrderId(BrokerOrderId.of("B-1"))).contains(back);
        assertThat(orders.applyFill(id, Fill.of("T-1", 10, "100", "0", at(602)), at(602)))
                .isInstanceOf(FillOutcome.Duplicate.class);
    }
}
