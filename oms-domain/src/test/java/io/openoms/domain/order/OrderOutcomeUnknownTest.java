package io.openoms.domain.order;

import static io.openoms.domain.order.OrderFixtures.BROKER_ID;
import static io.openoms.domain.order.OrderFixtures.ID;
import static io.openoms.domain.order.OrderFixtures.at;
import static io.openoms.domain.order.OrderFixtures.fill;
import static io.openoms.domain.order.OrderFixtures.managerWithOrderIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.order.OrderEvent.OrderOutcomeUnknown;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderOutcomeUnknownTest {

    @Test
    void an_unknown_submit_is_recorded_on_the_order_and_the_status_stays() {
        OrderManager manager = managerWithOrderIn(OrderStatus.SUBMITTED);

        List<OrderEvent> events = manager.recordOutcomeUnknown(ID, UnknownOperation.SUBMIT, "read timed out", at(10));

        assertThat(events).singleElement().isInstanceOf(OrderOutcomeUnknown.class);
        assertThat(events.get(0).type()).isEqualTo("OrderOutcomeUnknown");
        Order order = manager.get(ID);
        assertThat(order.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(order.outcomeUnknown())
                .contains(new UnknownOutcome(UnknownOperation.SUBMIT, "read timed out", at(10)));
    }

    @Test
    void the_acknowledgement_answers_an_unknown_submit() {
        OrderManager manager = managerWithOrderIn(OrderStatus.SUBMITTED);
        manager.recordOutcomeUnknown(ID, UnknownOperation.SUBMIT, "timeout", at(10));

        manager.accept(ID, BROKER_ID, at(11));

        assertThat(manager.get(ID).outcomeUnknown()).isEmpty();
        assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void a_fill_a_rejection_an_error_or_a_cancel_answer_an_unknown_submit() {
        for (int i = 0; i < 4; i++) {
            OrderManager manager = managerWithOrderIn(OrderStatus.SUBMITTED);
            manager.recordOutcomeUnknown(ID, UnknownOperation.SUBMIT, "timeout", at(10));
            switch (i) {
                case 0 -> manager.applyFill(ID, fill("T-1", 2, "100"), at(11));
                case 1 -> manager.rejectByBroker(ID, "no margin", at(11));
                case 2 -> manager.error(ID, "never placed", at(11));
                default -> manager.confirmCancel(ID, at(11));
            }
            assertThat(manager.get(ID).outcomeUnknown()).as("case %s", i).isEmpty();
        }
    }

    @Test
    void a_submit_found_pending_at_start_up_can_be_marked_unknown() {
        OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_SUBMISSION);

        manager.recordOutcomeUnknown(ID, UnknownOperation.SUBMIT, "found PENDING_SUBMISSION at start-up", at(10));

        assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_SUBMISSION);
        assertThat(manager.get(ID).outcomeUnknown()).isPresent();
    }

    @Test
    void a_submit_cannot_be_unknown_once_the_broker_acknowledged_it() {
        OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_CANCEL);
        Order before = manager.get(ID);

        assertThatThrownBy(() -> manager.recordOutcomeUnknown(ID, UnknownOperation.SUBMIT, "timeout", at(10)))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("already acknowledged");
        assertThat(manager.get(ID)).isEqualTo(before);
    }

    @Test
    void an_unknown_outcome_needs_its_operation_in_flight() {
        OrderManager accepted = managerWithOrderIn(OrderStatus.ACCEPTED);
        assertThatThrownBy(() -> accepted.recordOutcomeUnknown(ID, UnknownOperation.CANCEL, "timeout", at(10)))
                .isInstanceOf(IllegalOrderTransitionException.class);

        OrderManager pendingCancel = managerWithOrderIn(OrderStatus.PENDING_CANCEL);
        assertThatThrownBy(() -> pendingCancel.recordOutcomeUnknown(ID, UnknownOperation.MODIFY, "timeout", at(10)))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("no modification is pending");

        OrderManager pendingModify = managerWithOrderIn(OrderStatus.PENDING_MODIFY);
        assertThatThrownBy(() -> pendingModify.recordOutcomeUnknown(ID, UnknownOperation.CANCEL, "timeout", at(10)))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("no cancel is pending");

        OrderManager filled = managerWithOrderIn(OrderStatus.FILLED);
        assertThatThrownBy(() -> filled.recordOutcomeUnknown(ID, UnknownOperation.SUBMIT, "timeout", at(10)))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void an_unknown_cancel_waits_through_partial_fills_for_the_cancel_answer() {
        OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_CANCEL);
        manager.recordOutcomeUnknown(ID, UnknownOperation.CANCEL, "connection reset", at(10));

        manager.applyFill(ID, fill("T-1", 3, "100"), at(11));
        assertThat(manager.get(ID).outcomeUnknown())
                .map(UnknownOutcome::operation)
                .contains(UnknownOperation.CANCEL);

        manager.confirmCancel(ID, at(12));
        assertThat(manager.get(ID).outcomeUnknown()).isEmpty();
    }

    @Test
    void a_cancel_rejection_or_a_complete_fill_answer_an_unknown_cancel() {
        OrderManager rejected = managerWithOrderIn(OrderStatus.PENDING_CANCEL);
        rejected.recordOutcomeUnknown(ID, UnknownOperation.CANCEL, "timeout", at(10));
        rejected.rejectCancel(ID, "order complete", at(11));
        assertThat(rejected.get(ID).outcomeUnknown()).isEmpty();

        OrderManager filled = managerWithOrderIn(OrderStatus.PENDING_CANCEL);
        filled.recordOutcomeUnknown(ID, UnknownOperation.CANCEL, "timeout", at(10));
        filled.applyFill(ID, fill("T-1", 10, "100"), at(11));
        assertThat(filled.get(ID).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.get(ID).outcomeUnknown()).isEmpty();
    }

    @Test
    void the_modify_answer_or_a_cancel_answer_an_unknown_modify() {
        OrderManager modified = managerWithOrderIn(OrderStatus.PENDING_MODIFY);
        modified.recordOutcomeUnknown(ID, UnknownOperation.MODIFY, "502", at(10));
        modified.applyFill(ID, fill("T-1", 2, "100"), at(11));
        assertThat(modified.get(ID).outcomeUnknown()).isPresent();
        modified.confirmModify(ID, at(12));
        assertThat(modified.get(ID).outcomeUnknown()).isEmpty();
        assertThat(modified.get(ID).limitPrice()).contains(Price.of("99"));

        OrderManager refused = managerWithOrderIn(OrderStatus.PENDING_MODIFY);
        refused.recordOutcomeUnknown(ID, UnknownOperation.MODIFY, "502", at(10));
        refused.rejectModify(ID, "outside circuit", at(11));
        assertThat(refused.get(ID).outcomeUnknown()).isEmpty();

        OrderManager cancelled = managerWithOrderIn(OrderStatus.PENDING_MODIFY);
        cancelled.recordOutcomeUnknown(ID, UnknownOperation.MODIFY, "502", at(10));
        cancelled.confirmCancel(ID, at(11));
        assertThat(cancelled.get(ID).outcomeUnknown()).isEmpty();
    }

    @Test
    void an_unknown_submit_is_not_replaced_by_a_later_unknown_and_a_repeat_records_nothing() {
        OrderManager manager = managerWithOrderIn(OrderStatus.SUBMITTED);
        manager.recordOutcomeUnknown(ID, UnknownOperation.SUBMIT, "timeout", at(10));

        assertThat(manager.recordOutcomeUnknown(ID, UnknownOperation.SUBMIT, "again", at(11)))
                .isEmpty();
        manager.requestCancel(ID, at(12));
        assertThat(manager.recordOutcomeUnknown(ID, UnknownOperation.CANCEL, "timeout", at(13)))
                .isEmpty();

        assertThat(manager.get(ID).outcomeUnknown())
                .contains(new UnknownOutcome(UnknownOperation.SUBMIT, "timeout", at(10)));
    }

    @Test
    void an_unknown_cancel_replaces_an_unknown_modify_sent_before_it() {
        OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_MODIFY);
        manager.recordOutcomeUnknown(ID, UnknownOperation.MODIFY, "502", at(10));
        manager.requestCancel(ID, at(11));

        manager.recordOutcomeUnknown(ID, UnknownOperation.CANCEL, "timeout", at(12));

        assertThat(manager.get(ID).outcomeUnknown())
                .map(UnknownOutcome::operation)
                .contains(UnknownOperation.CANCEL);
    }

    @Test
    void replay_rebuilds_the_unknown_outcome_and_the_modification_count() {
        OrderManager manager = new OrderManager();
        List<OrderEvent> journal = new ArrayList<>();
        journal.addAll(manager.create(ID, OrderFixtures.tenAt100(), Optional.of(OrderFixtures.INFY), OrderFixtures.T0));
        journal.addAll(manager.release(ID, at(1)));
        journal.addAll(manager.markSubmitted(ID, at(2)));
        journal.addAll(manager.accept(ID, BROKER_ID, at(3)));
        journal.addAll(manager.requestModify(ID, OrderModification.quantity(Quantity.of(12)), at(10)));
        journal.addAll(manager.rejectModify(ID, "no", at(11)));
        journal.addAll(manager.requestModify(ID, OrderModification.quantity(Quantity.of(14)), at(12)));
        journal.addAll(manager.recordOutcomeUnknown(ID, UnknownOperation.MODIFY, "502", at(13)));

        Order replayed = Order.replay(journal);

        assertThat(replayed).isEqualTo(manager.get(ID));
        assertThat(replayed.modificationCount()).isEqualTo(2);
        assertThat(replayed.outcomeUnknown()).contains(new UnknownOutcome(UnknownOperation.MODIFY, "502", at(13)));
    }

    @Test
    void an_unknown_outcome_needs_a_reason() {
        assertThatThrownBy(() -> new OrderOutcomeUnknown(ID, 2, at(1), UnknownOperation.SUBMIT, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
