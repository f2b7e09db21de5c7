package io.openoms.domain.order;

import static io.openoms.domain.order.OrderFixtures.BROKER_ID;
import static io.openoms.domain.order.OrderFixtures.ID;
import static io.openoms.domain.order.OrderFixtures.INFY;
import static io.openoms.domain.order.OrderFixtures.T0;
import static io.openoms.domain.order.OrderFixtures.at;
import static io.openoms.domain.order.OrderFixtures.fill;
import static io.openoms.domain.order.OrderFixtures.managerWithOrderIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class OrderProperties {

    /** The operations the engine performs on an order, driven through {@link OrderManager}. */
    enum Step {
        RELEASE,
        SUBMIT,
        ACCEPT,
        FILL,
        REQUEST_CANCEL,
        CONFIRM_CANCEL,
        REJECT_CANCEL,
        REQUEST_MODIFY,
        CONFIRM_MODIFY,
        REJECT_MODIFY,
        EXPIRE,
        ERROR,
        REJECT_BY_BROKER,
        REJECT_BY_RISK,
        LOCK_CANCEL,
        LOCK_MODIFY,
        SUBMIT_UNKNOWN,
        CANCEL_UNKNOWN,
        MODIFY_UNKNOWN
    }

    @Property
    void filled_never_exceeds_the_quantity_for_any_sequence_of_fills(
            @ForAll @IntRange(min = 1, max = 40) int quantity,
            @ForAll @Size(max = 25) List<@IntRange(min = 1, max = 12) Integer> fillSizes,
            @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 6) Integer> tradeIds) {
        OrderManager manager = new OrderManager();
        manager.create(
                ID,
                OrderFixtures.buyLimit(quantity, "100")
                        .timeInForce(TimeInForce.GTC)
                        .build(),
                Optional.of(INFY),
                T0);
        manager.release(ID, at(1));
        Quantity applied = Quantity.ZERO;
        for (int i = 0; i < fillSizes.size(); i++) {
            String tradeId = "T-" + (i < tradeIds.size() ? tradeIds.get(i) : 100 + i);
            FillOutcome outcome = manager.applyFill(ID, fill(tradeId, fillSizes.get(i), "100"), at(10 + i));
            if (outcome instanceof FillOutcome.Applied) {
                applied = applied.plus(Quantity.of(fillSizes.get(i)));
            }
            Order order = manager.get(ID);
            assertThat(order.filledQuantity()).isLessThanOrEqualTo(order.quantity());
            assertThat(order.filledQuantity()).isEqualTo(applied);
            assertThat(order.status() == OrderStatus.FILLED)
                    .isEqualTo(order.filledQuantity().equals(order.quantity()));
        }
    }

    @Property
    void terminal_states_absorb_every_later_status_event(
            @ForAll("terminal") OrderStatus terminal, @ForAll @Size(max = 20) List<OrderEventType> later) {
        Order order = managerWithOrderIn(terminal).get(ID);
        int tradeNo = 0;
        for (OrderEventType type : later) {
            if (type == OrderEventType.CREATED) {
                continue;
            }
            OrderEvent event = type == OrderEventType.FILLED
                    ? new OrderEvent.OrderFilled(ID, order.lastSequence() + 1, at(50), fill("L-" + tradeNo++, 1, "100"))
                    : OrderTransitionsTest.eventOf(type, order.lastSequence() + 1, at(50));
            try {
                order = order.apply(event);
            } catch (IllegalOrderTransitionException refused) {
                // refused: the order is unchanged
            }
            assertThat(order.status()).isEqualTo(terminal);
            assertThat(order.filledQuantity()).isLessThanOrEqualTo(order.quantity());
        }
    }

    @Provide
    Arbitrary<OrderStatus> terminal() {
        return Arbitraries.of(OrderStatus.values()).filter(OrderStatus::isTerminal);
    }

    @Property
    void replaying_an_orders_events_rebuilds_an_equal_order(
            @ForAll @IntRange(min = 0, max = 3) int headStart,
            @ForAll("lifecycles") List<Step> steps,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 1, max = 6) Integer> sizes) {
        OrderManager manager = new OrderManager();
        List<OrderEvent> journal = new ArrayList<>(manager.create(
                ID,
                OrderFixtures.buyLimit(20, "100").timeInForce(TimeInForce.GTC).build(),
                Optional.of(INFY),
                T0));
        List<Step> head = List.of(Step.RELEASE, Step.SUBMIT, Step.ACCEPT).subList(0, headStart);
        for (int i = 0; i < head.size(); i++) {
            journal.addAll(perform(manager, head.get(i), i, 1));
        }
        for (int i = 0; i < steps.size(); i++) {
            Order before = manager.get(ID);
            try {
                journal.addAll(perform(manager, steps.get(i), head.size() + i, sizes.get(i)));
            } catch (IllegalStateException refused) {
                // IllegalOrderTransition, OrderNotCancellable and OrderNotModifiable leave the order as it was
                assertThat(manager.get(ID)).isEqualTo(before);
            }
            Order now = manager.get(ID);
            now.outcomeUnknown().ifPresent(unknown -> {
                assertThat(now.isTerminal()).isFalse();
                if (unknown.operation() == UnknownOperation.SUBMIT) {
                    assertThat(now.brokerOrderId()).isEmpty();
                    assertThat(now.fills()).isEmpty();
                }
            });
        }

        for (int i = 0; i < journal.size(); i++) {
            assertThat(journal.get(i).sequence()).isEqualTo(i + 1);
        }
        Order replayed = Order.replay(journal);
        assertThat(replayed).isEqualTo(manager.get(ID));
        assertThat(replayed.outcomeUnknown()).isEqualTo(manager.get(ID).outcomeUnknown());
        assertThat(replayed.modificationCount()).isEqualTo(manager.get(ID).modificationCount());
        assertThat(replayed.hashCode()).isEqualTo(manager.get(ID).hashCode());
    }

    /** Steps weighted towards the live part of an order's life, where most transitions are. */
    @Provide
    Arbitrary<List<Step>> lifecycles() {
        return Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.just(Step.RELEASE)),
                        Tuple.of(4, Arbitraries.just(Step.SUBMIT)),
                        Tuple.of(4, Arbitraries.just(Step.ACCEPT)),
                        Tuple.of(8, Arbitraries.just(Step.FILL)),
                        Tuple.of(3, Arbitraries.just(Step.REQUEST_CANCEL)),
                        Tuple.of(1, Arbitraries.just(Step.CONFIRM_CANCEL)),
                        Tuple.of(3, Arbitraries.just(Step.REJECT_CANCEL)),
                        Tuple.of(4, Arbitraries.just(Step.REQUEST_MODIFY)),
                        Tuple.of(3, Arbitraries.just(Step.CONFIRM_MODIFY)),
                        Tuple.of(3, Arbitraries.just(Step.REJECT_MODIFY)),
                        Tuple.of(1, Arbitraries.just(Step.EXPIRE)),
                        Tuple.of(1, Arbitraries.just(Step.ERROR)),
                        Tuple.of(1, Arbitraries.just(Step.REJECT_BY_BROKER)),
                        Tuple.of(1, Arbitraries.just(Step.REJECT_BY_RISK)),
                        Tuple.of(1, Arbitraries.just(Step.LOCK_CANCEL)),
                        Tuple.of(1, Arbitraries.just(Step.LOCK_MODIFY)),
                        Tuple.of(2, Arbitraries.just(Step.SUBMIT_UNKNOWN)),
                        Tuple.of(2, Arbitraries.just(Step.CANCEL_UNKNOWN)),
                        Tuple.of(2, Arbitraries.just(Step.MODIFY_UNKNOWN)))
                .list()
                .ofMaxSize(40);
    }

    private static List<OrderEvent> perform(OrderManager manager, Step step, int i, int size) {
        Instant now = at(10 + i);
        return switch (step) {
            case RELEASE -> manager.release(ID, now);
            case SUBMIT -> manager.markSubmitted(ID, now);
            case ACCEPT -> manager.accept(ID, BROKER_ID, now);
            case FILL -> manager.applyFill(ID, fill("T-" + i, size, "100." + size), now)
                    .events();
            case REQUEST_CANCEL -> manager.requestCancel(ID, now);
            case CONFIRM_CANCEL -> manager.confirmCancel(ID, now);
            case REJECT_CANCEL -> manager.rejectCancel(ID, "no", now);
            case REQUEST_MODIFY -> manager.requestModify(
                    ID,
                    size % 2 == 0
                            ? OrderModification.limitPrice(Price.of(90 + size))
                            : OrderModification.quantity(Quantity.of(18 + size)),
                    now);
            case CONFIRM_MODIFY -> manager.confirmModify(ID, now);
            case REJECT_MODIFY -> manager.rejectModify(ID, "no", now);
            case EXPIRE -> manager.expire(ID, now);
            case ERROR -> manager.error(ID, "lost", now);
            case REJECT_BY_BROKER -> manager.rejectByBroker(ID, "no margin", now);
            case REJECT_BY_RISK -> manager.rejectByRisk(ID, "max-notional", "too big", now);
            case LOCK_CANCEL -> manager.lockCancelUntil(ID, now.plusSeconds(size), now);
            case LOCK_MODIFY -> manager.lockModifyUntil(ID, now.plusSeconds(size), now);
            case SUBMIT_UNKNOWN -> manager.recordOutcomeUnknown(ID, UnknownOperation.SUBMIT, "timeout", now);
            case CANCEL_UNKNOWN -> manager.recordOutcomeUnknown(ID, UnknownOperation.CANCEL, "reset", now);
            case MODIFY_UNKNOWN -> manager.recordOutcomeUnknown(ID, UnknownOperation.MODIFY, "502", now);
        };
    }
}
