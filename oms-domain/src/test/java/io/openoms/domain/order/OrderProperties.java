package io.openoms.domain.order;

import static io.openoms.domain.order.OrderFixtures.BROKER_ID;
import static io.openoms.domain.order.OrderFixtures.ID;
import static io.openoms.domain.order.OrderFixtures.INFY;
import static io.openoms.domain.order.OrderFixtures.T0;
import static io.openoms.domain.order.OrderFixtures.at;
import static io.openoms.domain.order.OrderFixtures.fill;
import static io.openoms.domain.order.OrderFixtures.managerWithOrderIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

    @Test
    void filled_never_exceeds_the_quantity_for_any_sequence_of_fills() {
        qt().forAll(
                        integers().between(1, 40),
                        lists().of(integers().between(1, 12)).ofSizeBetween(0, 25),
                        lists().of(integers().between(0, 6)).ofSizeBetween(0, 25))
                .checkAssert(OrderProperties::filledNeverExceedsTheQuantity);
    }

    private static void filledNeverExceedsTheQuantity(int quantity, List<Integer> fillSizes, List<Integer> tradeIds) {
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

    @Test
    void terminal_states_absorb_every_later_status_event() {
        Gen<OrderStatus> terminal = Generate.pick(Arrays.stream(OrderStatus.values())
                .filter(OrderStatus::isTerminal)
                .toList());
        qt().forAll(
                        terminal,
                        lists().of(Generate.enumValues(OrderEventType.class)).ofSizeBetween(0, 20))
                .checkAssert(OrderProperties::terminalStatesAbsorbLaterEvents);
    }

    private static void terminalStatesAbsorbLaterEvents(OrderStatus terminal, List<OrderEventType> later) {
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

    @Test
    void replaying_an_orders_events_rebuilds_an_equal_order() {
        qt().forAll(
                        integers().between(0, 3),
                        lifecycles(),
                        lists().of(integers().between(1, 6)).ofSize(40))
                .checkAssert(OrderProperties::replayRebuildsAnEqualOrder);
    }

    private static void replayRebuildsAnEqualOrder(int headStart, List<Step> steps, List<Integer> sizes) {
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
    private static Gen<List<Step>> lifecycles() {
        Gen<Step> step = Generate.frequency(List.of(
                weighted(4, Step.RELEASE),
                weighted(4, Step.SUBMIT),
                weighted(4, Step.ACCEPT),
                weighted(8, Step.FILL),
                weighted(3, Step.REQUEST_CANCEL),
                weighted(1, Step.CONFIRM_CANCEL),
                weighted(3, Step.REJECT_CANCEL),
                weighted(4, Step.REQUEST_MODIFY),
                weighted(3, Step.CONFIRM_MODIFY),
                weighted(3, Step.REJECT_MODIFY),
                weighted(1, Step.EXPIRE),
                weighted(1, Step.ERROR),
                weighted(1, Step.REJECT_BY_BROKER),
                weighted(1, Step.REJECT_BY_RISK),
                weighted(1, Step.LOCK_CANCEL),
                weighted(1, Step.LOCK_MODIFY),
                weighted(2, Step.SUBMIT_UNKNOWN),
                weighted(2, Step.CANCEL_UNKNOWN),
                weighted(2, Step.MODIFY_UNKNOWN)));
        return lists().of(step).ofSizeBetween(0, 40);
    }

    private static Pair<Integer, Gen<Step>> weighted(int weight, Step step) {
        return Pair.of(weight, Generate.constant(step));
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
