package io.openoms.domain.order;

import static io.openoms.domain.order.OrderFixtures.ID;
import static io.openoms.domain.order.OrderFixtures.T0;
import static io.openoms.domain.order.OrderFixtures.at;
import static io.openoms.domain.order.OrderFixtures.managerWithOrderIn;
import static io.openoms.domain.order.OrderFixtures.tenAt100;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.order.OrderEvent.OrderCreated;
import io.openoms.domain.order.OrderEvent.OrderReleased;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderTest {
    private final OrderCreated created = new OrderCreated(ID, 1, T0, tenAt100(), Optional.empty());

    @Test
    void replay_needs_the_created_event_first() {
        assertThatThrownBy(() -> Order.replay(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start with OrderCreated");
        assertThatThrownBy(() -> Order.replay(List.of(new OrderReleased(ID, 2, T0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_event_out_of_sequence_is_refused() {
        Order order = Order.created(created);

        assertThatThrownBy(() -> order.apply(new OrderReleased(ID, 3, at(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected event sequence 2, got 3");
    }

    @Test
    void an_event_of_another_order_is_refused() {
        Order order = Order.created(created);

        assertThatThrownBy(() -> order.apply(new OrderReleased(ClientOrderId.of("O-2"), 2, at(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("O-2");
    }

    @Test
    void created_is_always_sequence_one() {
        assertThatThrownBy(() -> new OrderCreated(ID, 2, T0, tenAt100(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderReleased(ID, 0, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_event_type_name_is_its_record_name() {
        Order order = managerWithOrderIn(OrderStatus.ACCEPTED).get(ID);
        assertThat(created.type()).isEqualTo("OrderCreated");
        Arrays.stream(OrderEventType.values())
                .filter(type -> type != OrderEventType.CREATED)
                .map(type -> OrderTransitionsTest.eventOf(type, order.lastSequence() + 1, at(9)))
                .forEach(event -> {
                    assertThat(event.type()).isEqualTo(event.getClass().getSimpleName());
                    assertThat(event.orderId()).isEqualTo(ID);
                    assertThat(event.occurredAt()).isEqualTo(at(9));
                });
    }

    @Test
    void an_order_is_equal_only_to_an_order_with_the_same_history() {
        Order order = Order.created(created);
        Order released = order.apply(new OrderReleased(ID, 2, at(1)));
        Order releasedLater = order.apply(new OrderReleased(ID, 2, at(2)));

        assertThat(released).isEqualTo(order.apply(new OrderReleased(ID, 2, at(1))));
        assertThat(released).isNotEqualTo(releasedLater).isNotEqualTo(order).isNotEqualTo("O-1");
        assertThat(released.toString()).contains("O-1").contains("PENDING_SUBMISSION");
    }

    @Test
    void the_order_carries_the_request() {
        OrderRequest request = OrderFixtures.buyLimit(10, "100")
                .timeInForce(TimeInForce.GTC)
                .tag("swing-1")
                .parentOrderId(ClientOrderId.of("P-1"))
                .reduceOnly(true)
                .stopLoss("95")
                .takeProfit("110")
                .product(Product.MIS)
                .build();
        Order order = Order.created(new OrderCreated(ID, 1, T0, request, Optional.empty()));

        assertThat(order.account()).isEqualTo(request.account());
        assertThat(order.strategy()).isEqualTo(request.strategy());
        assertThat(order.instrument()).isEqualTo(request.instrument());
        assertThat(order.side()).isEqualTo(request.side());
        assertThat(order.type()).isEqualTo(OrderType.LIMIT);
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(order.product()).isEqualTo(Product.MIS);
        assertThat(order.tag()).contains("swing-1");
        assertThat(order.parentOrderId()).contains(ClientOrderId.of("P-1"));
        assertThat(order.reduceOnly()).isTrue();
        assertThat(order.stopLoss()).isEqualTo(request.stopLoss());
        assertThat(order.takeProfit()).isEqualTo(request.takeProfit());
        assertThat(order.triggerPrice()).isEmpty();
        assertThat(order.isOpen()).isFalse();
        assertThat(order.isTerminal()).isFalse();
        assertThat(order.isCancelLocked(T0)).isFalse();
        assertThat(order.isModifyLocked(T0)).isFalse();
        assertThat(order.cancelLockedUntil()).isEmpty();
        assertThat(order.fills()).isEmpty();
    }

    @Test
    void status_groups() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::isTerminal))
                .containsExactly(
                        OrderStatus.FILLED,
                        OrderStatus.CANCELLED,
                        OrderStatus.REJECTED,
                        OrderStatus.EXPIRED,
                        OrderStatus.ERROR);
        assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::isLive))
                .containsExactly(
                        OrderStatus.PENDING_SUBMISSION,
                        OrderStatus.SUBMITTED,
                        OrderStatus.ACCEPTED,
                        OrderStatus.PARTIALLY_FILLED,
                        OrderStatus.PENDING_CANCEL,
                        OrderStatus.PENDING_MODIFY);
    }

    @Test
    void a_modification_changes_something_with_a_positive_quantity() {
        assertThatThrownBy(() -> new OrderModification(Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity, the limit price or the trigger price");
        assertThatThrownBy(() -> OrderModification.quantity(Quantity.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rejection_needs_a_reason() {
        assertThatThrownBy(() -> Rejection.byBroker(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderEvent.OrderErrored(ID, 2, T0, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Rejection.bySystem("shutting down").source()).isEqualTo(RejectionSource.SYSTEM);
    }
}
