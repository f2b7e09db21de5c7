package io.openoms.domain.order;

import static io.openoms.domain.order.OrderFixtures.BROKER_ID;
import static io.openoms.domain.order.OrderFixtures.ID;
import static io.openoms.domain.order.OrderFixtures.at;
import static io.openoms.domain.order.OrderFixtures.fill;
import static io.openoms.domain.order.OrderFixtures.managerWithOrderIn;
import static io.openoms.domain.order.OrderStatus.ACCEPTED;
import static io.openoms.domain.order.OrderStatus.CANCELLED;
import static io.openoms.domain.order.OrderStatus.CREATED;
import static io.openoms.domain.order.OrderStatus.ERROR;
import static io.openoms.domain.order.OrderStatus.EXPIRED;
import static io.openoms.domain.order.OrderStatus.FILLED;
import static io.openoms.domain.order.OrderStatus.PARTIALLY_FILLED;
import static io.openoms.domain.order.OrderStatus.PENDING_CANCEL;
import static io.openoms.domain.order.OrderStatus.PENDING_MODIFY;
import static io.openoms.domain.order.OrderStatus.PENDING_SUBMISSION;
import static io.openoms.domain.order.OrderStatus.REJECTED;
import static io.openoms.domain.order.OrderStatus.SUBMITTED;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.order.OrderEvent.OrderAccepted;
import io.openoms.domain.order.OrderEvent.OrderCancelRejected;
import io.openoms.domain.order.OrderEvent.OrderCancelRequested;
import io.openoms.domain.order.OrderEvent.OrderCancelled;
import io.openoms.domain.order.OrderEvent.OrderErrored;
import io.openoms.domain.order.OrderEvent.OrderExpired;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.order.OrderEvent.OrderLocked;
import io.openoms.domain.order.OrderEvent.OrderModified;
import io.openoms.domain.order.OrderEvent.OrderModifyRejected;
import io.openoms.domain.order.OrderEvent.OrderModifyRequested;
import io.openoms.domain.order.OrderEvent.OrderOutcomeUnknown;
import io.openoms.domain.order.OrderEvent.OrderRejected;
import io.openoms.domain.order.OrderEvent.OrderReleased;
import io.openoms.domain.order.OrderEvent.OrderSubmitted;
import io.openoms.domain.value.Price;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the transition table: each (state, event) pair is one test. The expected table is
 * written out here on its own, so a change to {@code OrderTransitions} must be made twice.
 */
class OrderTransitionsTest {

    private static final Map<OrderStatus, Map<OrderEventType, OrderStatus>> ALLOWED = Map.ofEntries(
            entry(
                    CREATED,
                    Map.of(
                            OrderEventType.RELEASED, PENDING_SUBMISSION,
                            OrderEventType.REJECTED, REJECTED,
                            OrderEventType.CANCELLED, CANCELLED,
                            OrderEventType.ERRORED, ERROR,
                            OrderEventType.LOCKED, CREATED)),
            entry(
                    PENDING_SUBMISSION,
                    Map.of(
                            OrderEventType.SUBMITTED, SUBMITTED,
                            OrderEventType.ACCEPTED, ACCEPTED,
                            OrderEventType.REJECTED, REJECTED,
                            OrderEventType.ERRORED, ERROR,
                            OrderEventType.FILLED, PARTIALLY_FILLED,
                            OrderEventType.CANCEL_REQUESTED, PENDING_CANCEL,
                            OrderEventType.CANCELLED, CANCELLED,
                            OrderEventType.EXPIRED, EXPIRED,
                            OrderEventType.LOCKED, PENDING_SUBMISSION,
                            OrderEventType.OUTCOME_UNKNOWN, PENDING_SUBMISSION)),
            entry(
                    SUBMITTED,
                    Map.of(
                            OrderEventType.SUBMITTED, SUBMITTED,
                            OrderEventType.ACCEPTED, ACCEPTED,
                            OrderEventType.REJECTED, REJECTED,
                            OrderEventType.ERRORED, ERROR,
                            OrderEventType.FILLED, PARTIALLY_FILLED,
                            OrderEventType.CANCEL_REQUESTED, PENDING_CANCEL,
                            OrderEventType.CANCELLED, CANCELLED,
                            OrderEventType.EXPIRED, EXPIRED,
                            OrderEventType.LOCKED, SUBMITTED,
                            OrderEventType.OUTCOME_UNKNOWN, SUBMITTED)),
            entry(
                    ACCEPTED,
                    Map.of(
                            OrderEventType.SUBMITTED, ACCEPTED,
                            OrderEventType.ACCEPTED, ACCEPTED,
                            OrderEventType.REJECTED, REJECTED,
                            OrderEventType.ERRORED, ERROR,
                            OrderEventType.FILLED, PARTIALLY_FILLED,
                            OrderEventType.CANCEL_REQUESTED, PENDING_CANCEL,
                            OrderEventType.MODIFY_REQUESTED, PENDING_MODIFY,
                            OrderEventType.CANCELLED, CANCELLED,
                            OrderEventType.EXPIRED, EXPIRED,
                            OrderEventType.LOCKED, ACCEPTED)),
            entry(
                    PARTIALLY_FILLED,
                    Map.of(
                            OrderEventType.SUBMITTED, PARTIALLY_FILLED,
                            OrderEventType.ACCEPTED, PARTIALLY_FILLED,
                            OrderEventType.ERRORED, ERROR,
                            OrderEventType.FILLED, PARTIALLY_FILLED,
                            OrderEventType.CANCEL_REQUESTED, PENDING_CANCEL,
                            OrderEventType.MODIFY_REQUESTED, PENDING_MODIFY,
                            OrderEventType.CANCELLED, CANCELLED,
                            OrderEventType.EXPIRED, EXPIRED,
                            OrderEventType.LOCKED, PARTIALLY_FILLED)),
            entry(
                    PENDING_CANCEL,
                    Map.of(
                            OrderEventType.CANCELLED, CANCELLED,
                            OrderEventType.CANCEL_REJECTED, ACCEPTED,
                            OrderEventType.FILLED, PENDING_CANCEL,
                            OrderEventType.EXPIRED, EXPIRED,
                            OrderEventType.REJECTED, REJECTED,
                            OrderEventType.ERRORED, ERROR,
                            OrderEventType.SUBMITTED, PENDING_CANCEL,
                            OrderEventType.ACCEPTED, PENDING_CANCEL,
                            OrderEventType.LOCKED, PENDING_CANCEL,
                            OrderEventType.OUTCOME_UNKNOWN, PENDING_CANCEL)),
            entry(
                    PENDING_MODIFY,
                    Map.ofEntries(
                            entry(OrderEventType.MODIFIED, ACCEPTED),
                            entry(OrderEventType.MODIFY_REJECTED, ACCEPTED),
                            entry(OrderEventType.FILLED, PENDING_MODIFY),
                            entry(OrderEventType.CANCEL_REQUESTED, PENDING_CANCEL),
                            entry(OrderEventType.CANCELLED, CANCELLED),
                            entry(OrderEventType.EXPIRED, EXPIRED),
                            entry(OrderEventType.ERRORED, ERROR),
                            entry(OrderEventType.SUBMITTED, PENDING_MODIFY),
                            entry(OrderEventType.ACCEPTED, PENDING_MODIFY),
                            entry(OrderEventType.LOCKED, PENDING_MODIFY),
                            entry(OrderEventType.OUTCOME_UNKNOWN, PENDING_MODIFY))),
            entry(FILLED, Map.of(OrderEventType.SUBMITTED, FILLED, OrderEventType.ACCEPTED, FILLED)),
            entry(
                    CANCELLED,
                    Map.of(
                            OrderEventType.FILLED, CANCELLED,
                            OrderEventType.SUBMITTED, CANCELLED,
                            OrderEventType.ACCEPTED, CANCELLED)),
            entry(
                    EXPIRED,
                    Map.of(
                            OrderEventType.FILLED, EXPIRED,
                            OrderEventType.SUBMITTED, EXPIRED,
                            OrderEventType.ACCEPTED, EXPIRED)),
            entry(
                    ERROR,
                    Map.of(
                            OrderEventType.FILLED, ERROR,
                            OrderEventType.SUBMITTED, ERROR,
                            OrderEventType.ACCEPTED, ERROR)),
            entry(REJECTED, Map.of()));

    static Stream<Arguments> everyCell() {
        return Arrays.stream(OrderStatus.values()).flatMap(state -> Arrays.stream(OrderEventType.values())
                .filter(type -> type != OrderEventType.CREATED)
                .map(type -> Arguments.of(state, type)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyCell")
    void each_cell_of_the_table_moves_to_its_state_or_refuses_and_leaves_the_order_untouched(
            OrderStatus state, OrderEventType type) {
        Order order = managerWithOrderIn(state).get(ID);
        OrderEvent event = eventOf(type, order.lastSequence() + 1, at(100), operationInFlight(state));
        OrderStatus expected = ALLOWED.get(state).get(type);

        if (expected != null) {
            Order next = order.apply(event);
            assertThat(next.status()).isEqualTo(expected);
            assertThat(next.lastSequence()).isEqualTo(order.lastSequence() + 1);
            assertThat(next.updatedAt()).isEqualTo(at(100));
        } else {
            assertThatThrownBy(() -> order.apply(event))
                    .isInstanceOf(IllegalOrderTransitionException.class)
                    .hasMessageContaining("order " + ID)
                    .hasMessageContaining("state " + state)
                    .hasMessageContaining(event.type());
            assertThat(order.status()).isEqualTo(state);
            assertThat(order.lastSequence()).isEqualTo(event.sequence() - 1);
        }
    }

    /** The broker request that can be in flight in {@code state}, for an {@code OrderOutcomeUnknown}. */
    private static UnknownOperation operationInFlight(OrderStatus state) {
        return switch (state) {
            case PENDING_CANCEL -> UnknownOperation.CANCEL;
            case PENDING_MODIFY -> UnknownOperation.MODIFY;
            default -> UnknownOperation.SUBMIT;
        };
    }

    /** One event of each type, fitting the fixture order (10 at 100, broker id {@code BROKER_ID}). */
    static OrderEvent eventOf(OrderEventType type, long sequence, Instant at) {
        return eventOf(type, sequence, at, UnknownOperation.SUBMIT);
    }

    static OrderEvent eventOf(OrderEventType type, long sequence, Instant at, UnknownOperation unknown) {
        return switch (type) {
            case CREATED -> throw new IllegalArgumentException("OrderCreated only starts an order");
            case RELEASED -> new OrderReleased(ID, sequence, at);
            case SUBMITTED -> new OrderSubmitted(ID, sequence, at);
            case ACCEPTED -> new OrderAccepted(ID, sequence, at, BROKER_ID);
            case REJECTED -> new OrderRejected(ID, sequence, at, Rejection.byBroker("insufficient margin"));
            case FILLED -> new OrderFilled(ID, sequence, at, fill("T-9", 1, "100"));
            case CANCEL_REQUESTED -> new OrderCancelRequested(ID, sequence, at);
            case CANCELLED -> new OrderCancelled(ID, sequence, at);
            case CANCEL_REJECTED -> new OrderCancelRejected(ID, sequence, at, "order already complete");
            case MODIFY_REQUESTED -> new OrderModifyRequested(
                    ID, sequence, at, OrderModification.limitPrice(Price.of("101")));
            case MODIFIED -> new OrderModified(ID, sequence, at, OrderModification.limitPrice(Price.of("99")));
            case MODIFY_REJECTED -> new OrderModifyRejected(ID, sequence, at, "price outside circuit");
            case EXPIRED -> new OrderExpired(ID, sequence, at);
            case ERRORED -> new OrderErrored(ID, sequence, at, "lost track");
            case LOCKED -> new OrderLocked(ID, sequence, at, OrderLock.CANCEL, at.plusSeconds(60));
            case OUTCOME_UNKNOWN -> new OrderOutcomeUnknown(ID, sequence, at, unknown, "read timed out");
        };
    }
}
