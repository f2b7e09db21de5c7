package io.openoms.domain.order;

import static io.openoms.domain.order.OrderFixtures.BROKER_ID;
import static io.openoms.domain.order.OrderFixtures.CLOSE;
import static io.openoms.domain.order.OrderFixtures.ID;
import static io.openoms.domain.order.OrderFixtures.INFY;
import static io.openoms.domain.order.OrderFixtures.T0;
import static io.openoms.domain.order.OrderFixtures.at;
import static io.openoms.domain.order.OrderFixtures.buyLimit;
import static io.openoms.domain.order.OrderFixtures.fill;
import static io.openoms.domain.order.OrderFixtures.managerWithOrderIn;
import static io.openoms.domain.order.OrderFixtures.tenAt100;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.order.OrderEvent.OrderAccepted;
import io.openoms.domain.order.OrderEvent.OrderCancelRequested;
import io.openoms.domain.order.OrderEvent.OrderCancelled;
import io.openoms.domain.order.OrderEvent.OrderCreated;
import io.openoms.domain.order.OrderEvent.OrderLocked;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderManagerTest {

    @Nested
    class Creating {
        private final OrderManager manager = new OrderManager();

        @Test
        void a_new_order_starts_created_with_sequence_one() {
            List<OrderEvent> events = manager.create(ID, tenAt100(), Optional.of(INFY), T0);

            assertThat(events).singleElement().isInstanceOf(OrderCreated.class);
            assertThat(events.get(0).sequence()).isEqualTo(1);
            Order order = manager.get(ID);
            assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
            assertThat(order.quantity()).isEqualTo(Quantity.of(10));
            assertThat(order.limitPrice()).contains(Price.of("100"));
            assertThat(order.createdAt()).isEqualTo(T0);
            assertThat(order.expiresAt()).isEmpty();
            assertThat(order.brokerOrderId()).isEmpty();
        }

        @Test
        void the_same_client_order_id_twice_is_refused() {
            manager.create(ID, tenAt100(), Optional.of(INFY), T0);

            assertThatThrownBy(() -> manager.create(ID, tenAt100(), Optional.of(INFY), at(1)))
                    .isInstanceOf(DuplicateOrderException.class)
                    .hasMessageContaining("O-1");
            assertThat(manager.all()).hasSize(1);
        }

        @Test
        void an_expiry_in_the_past_is_refused_naming_expiresAt() {
            OrderRequest request = buyLimit(10, "100").expiresAt(T0).build();

            assertThatThrownBy(() -> manager.create(ID, request, Optional.of(INFY), T0))
                    .isInstanceOfSatisfying(InvalidOrderRequestException.class, e -> assertThat(e.field())
                            .isEqualTo("expiresAt"));
            assertThat(manager.find(ID)).isEmpty();
        }

        @Test
        void a_quantity_that_is_not_a_whole_lot_is_refused_naming_quantity() {
            Instrument lotOfFifty = new Instrument(
                    INFY.id(),
                    INFY.tickSize(),
                    Quantity.of(50),
                    Quantity.of(50),
                    Optional.empty(),
                    Optional.empty(),
                    INFY.currency(),
                    INFY.session());

            assertThatThrownBy(() -> manager.create(ID, tenAt100(), Optional.of(lotOfFifty), T0))
                    .isInstanceOfSatisfying(InvalidOrderRequestException.class, e -> assertThat(e.field())
                            .isEqualTo("quantity"))
                    .hasMessageContaining("lot size 50");
        }

        @Test
        void a_limit_price_off_the_tick_grid_is_refused_naming_price() {
            OrderRequest request = buyLimit(10, "100.03").build();

            assertThatThrownBy(() -> manager.create(ID, request, Optional.of(INFY), T0))
                    .isInstanceOfSatisfying(InvalidOrderRequestException.class, e -> assertThat(e.field())
                            .isEqualTo("price"));
        }

        @Test
        void a_trigger_price_off_the_tick_grid_is_refused_naming_triggerPrice() {
            OrderRequest request = buyLimit(10, "100")
                    .type(OrderType.STOP_LIMIT)
                    .triggerPrice("99.99")
                    .build();

            assertThatThrownBy(() -> manager.create(ID, request, Optional.of(INFY), T0))
                    .isInstanceOfSatisfying(InvalidOrderRequestException.class, e -> assertThat(e.field())
                            .isEqualTo("triggerPrice"));
        }

        @Test
        void an_instrument_other_than_the_requested_one_is_refused_naming_instrument() {
            OrderRequest request = buyLimit(10, "100").instrument("NSE:TCS").build();

            assertThatThrownBy(() -> manager.create(ID, request, Optional.of(INFY), T0))
                    .isInstanceOfSatisfying(InvalidOrderRequestException.class, e -> assertThat(e.field())
                            .isEqualTo("instrument"));
        }

        @Test
        void without_a_known_instrument_lot_and_tick_are_not_checked() {
            OrderRequest request = buyLimit(7, "100.03").build();

            manager.create(ID, request, Optional.empty(), T0);

            assertThat(manager.get(ID).limitPrice()).contains(Price.of("100.03"));
            assertThat(manager.get(ID).expiresAt()).isEmpty();
        }

        @Test
        void expires_in_is_resolved_to_an_instant_from_now() {
            OrderRequest request =
                    buyLimit(10, "100").expiresIn(Duration.ofMinutes(30)).build();

            List<OrderEvent> events = manager.create(ID, request, Optional.of(INFY), T0);

            // T0 04:30Z + 30 min = 05:00Z
            assertThat(manager.get(ID).expiresAt()).contains(Instant.parse("2024-03-04T05:00:00Z"));
            assertThat(((OrderCreated) events.get(0)).expiresAt()).contains(Instant.parse("2024-03-04T05:00:00Z"));
        }

        @Test
        void a_day_order_expires_at_the_session_close() {
            OrderRequest request =
                    buyLimit(10, "100").timeInForce(TimeInForce.DAY).build();

            manager.create(ID, request, Optional.of(INFY), T0);

            // 15:30 Asia/Kolkata (UTC+05:30) = 10:00Z
            assertThat(manager.get(ID).expiresAt()).contains(CLOSE);
        }
    }

    @Nested
    class Fills {

        @Test
        void a_fill_before_the_ack_is_applied_and_the_late_ack_only_records_the_broker_id() {
            OrderManager manager = managerWithOrderIn(OrderStatus.SUBMITTED);

            FillOutcome outcome = manager.applyFill(ID, fill("T-1", 4, "100"), at(10));
            List<OrderEvent> ack = manager.accept(ID, BROKER_ID, at(11));

            assertThat(outcome).isInstanceOf(FillOutcome.Applied.class);
            assertThat(ack).singleElement().isInstanceOf(OrderAccepted.class);
            Order order = manager.get(ID);
            assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(order.brokerOrderId()).contains(BROKER_ID);
            assertThat(manager.findByBrokerOrderId(BROKER_ID)).contains(order);
        }

        @Test
        void a_fill_while_pending_submission_is_applied_and_the_later_submit_return_changes_nothing() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_SUBMISSION);

            manager.applyFill(ID, fill("T-1", 4, "100"), at(10));
            List<OrderEvent> submitted = manager.markSubmitted(ID, at(11));

            assertThat(submitted).isEmpty();
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            // created 1, released 2, filled 3; the submit return adds nothing
            assertThat(manager.get(ID).lastSequence()).isEqualTo(3);
        }

        @Test
        void the_fill_that_completes_the_order_makes_it_filled() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PARTIALLY_FILLED);

            FillOutcome outcome = manager.applyFill(ID, fill("T-2", 6, "100"), at(10));

            assertThat(((FillOutcome.Applied) outcome).order().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(manager.get(ID).remainingQuantity()).isEqualTo(Quantity.ZERO);
            assertThat(outcome.events()).hasSize(1);
        }

        @ParameterizedTest
        @EnumSource(
                value = OrderStatus.class,
                names = {"CANCELLED", "EXPIRED", "ERROR"})
        void a_late_fill_on_a_finished_order_is_recorded_and_the_status_stays(OrderStatus finished) {
            OrderManager manager = managerWithOrderIn(finished);

            FillOutcome outcome = manager.applyFill(ID, fill("T-7", 3, "100"), at(10));

            assertThat(outcome).isInstanceOf(FillOutcome.Applied.class);
            assertThat(manager.get(ID).status()).isEqualTo(finished);
            assertThat(manager.get(ID).filledQuantity()).isEqualTo(Quantity.of(3));
        }

        @ParameterizedTest
        @EnumSource(
                value = OrderStatus.class,
                names = {"CREATED", "REJECTED", "FILLED"})
        void a_fill_on_an_order_that_cannot_trade_is_refused_and_changes_nothing(OrderStatus state) {
            OrderManager manager = managerWithOrderIn(state);
            Order before = manager.get(ID);

            FillOutcome outcome = manager.applyFill(ID, fill("T-7", 1, "100"), at(10));

            assertThat(outcome).isInstanceOfSatisfying(FillOutcome.Refused.class, r -> assertThat(r.reason())
                    .contains("takes no fills in state " + state));
            assertThat(outcome.events()).isEmpty();
            assertThat(manager.get(ID)).isEqualTo(before);
        }

        @Test
        void a_fill_repeated_under_the_same_trade_id_is_a_duplicate_with_no_event() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PARTIALLY_FILLED);
            Order before = manager.get(ID);

            FillOutcome outcome = manager.applyFill(ID, fill("T-1", 4, "100"), at(10));

            assertThat(outcome).isEqualTo(new FillOutcome.Duplicate(TradeId.of("T-1")));
            assertThat(outcome.events()).isEmpty();
            assertThat(manager.get(ID)).isEqualTo(before);
        }

        @Test
        void a_repeated_final_fill_on_a_filled_order_is_a_duplicate_not_a_refusal() {
            OrderManager manager = managerWithOrderIn(OrderStatus.FILLED);

            assertThat(manager.applyFill(ID, fill("T-1", 10, "100"), at(10))).isInstanceOf(FillOutcome.Duplicate.class);
        }

        @Test
        void a_fill_that_would_overfill_is_refused_with_a_reason() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PARTIALLY_FILLED);
            Order before = manager.get(ID);

            FillOutcome outcome = manager.applyFill(ID, fill("T-2", 7, "100"), at(10));

            // 4 filled + 7 = 11 > 10
            assertThat(outcome).isInstanceOfSatisfying(FillOutcome.Refused.class, r -> assertThat(r.reason())
                    .contains("overfill")
                    .contains("4 of 10"));
            assertThat(manager.get(ID)).isEqualTo(before);
        }

        @Test
        void applying_a_repeated_trade_directly_throws() {
            Order order = managerWithOrderIn(OrderStatus.PARTIALLY_FILLED).get(ID);

            assertThatThrownBy(() -> order.apply(
                            new OrderEvent.OrderFilled(ID, order.lastSequence() + 1, at(10), fill("T-1", 1, "100"))))
                    .isInstanceOf(IllegalOrderTransitionException.class)
                    .hasMessageContaining("already recorded");
        }

        @Test
        void derived_values_come_from_the_fills() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

            manager.applyFill(ID, Fill.of("T-1", 3, "100.10", "1.50", at(10)), at(10));
            manager.applyFill(ID, Fill.of("T-2", 5, "100.30", "2.25", at(11)), at(11));

            Order order = manager.get(ID);
            // 3 + 5 = 8 of 10
            assertThat(order.filledQuantity()).isEqualTo(Quantity.of(8));
            assertThat(order.remainingQuantity()).isEqualTo(Quantity.of(2));
            // (3 * 100.10 + 5 * 100.30) / 8 = (300.30 + 501.50) / 8 = 801.80 / 8 = 100.225
            assertThat(order.averageFillPrice()).contains(Price.of("100.225"));
            // 8 / 10 = 0.8
            assertThat(order.fillRatio()).isEqualByComparingTo("0.8");
            // 1.50 + 2.25 = 3.75
            assertThat(order.totalFees()).isEqualTo(Money.of("3.75"));
        }

        @Test
        void the_average_price_of_a_non_terminating_quotient_uses_the_division_precision() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

            manager.applyFill(ID, fill("T-1", 1, "100"), at(10));
            manager.applyFill(ID, fill("T-2", 2, "100.01"), at(11));

            // (100 + 200.02) / 3 = 300.02 / 3 = 100.00666…, 34 significant digits
            BigDecimal expected = new BigDecimal("300.02").divide(BigDecimal.valueOf(3), DecimalPrecision.DIVISION);
            assertThat(manager.get(ID).averageFillPrice()).contains(Price.of(expected));
            assertThat(expected.precision()).isEqualTo(34);
            // 3 / 10 = 0.3
            assertThat(manager.get(ID).fillRatio()).isEqualByComparingTo("0.3");
        }

        @Test
        void an_order_without_fills_has_no_average_price_and_nothing_filled() {
            Order order = managerWithOrderIn(OrderStatus.ACCEPTED).get(ID);

            assertThat(order.averageFillPrice()).isEmpty();
            assertThat(order.filledQuantity()).isEqualTo(Quantity.ZERO);
            assertThat(order.remainingQuantity()).isEqualTo(Quantity.of(10));
            assertThat(order.fillRatio()).isEqualByComparingTo("0");
            assertThat(order.totalFees()).isEqualTo(Money.ZERO);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancelling_an_order_never_sent_cancels_it_at_once() {
            OrderManager manager = managerWithOrderIn(OrderStatus.CREATED);

            List<OrderEvent> events = manager.requestCancel(ID, at(10));

            assertThat(events).singleElement().isInstanceOf(OrderCancelled.class);
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.CANCELLED);
        }

        @Test
        void cancelling_a_working_order_asks_the_broker_and_confirming_cancels_it() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

            List<OrderEvent> requested = manager.requestCancel(ID, at(10));
            assertThat(requested).singleElement().isInstanceOf(OrderCancelRequested.class);
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            assertThat(manager.get(ID).previousStatus()).contains(OrderStatus.ACCEPTED);

            manager.confirmCancel(ID, at(11));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(manager.get(ID).previousStatus()).isEmpty();
            assertThat(manager.openOrders()).isEmpty();
        }

        @Test
        void a_cancel_rejected_returns_to_accepted() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_CANCEL);

            manager.rejectCancel(ID, "order is being modified", at(10));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(manager.get(ID).lastCancelRejection()).contains("order is being modified");
        }

        @Test
        void a_cancel_rejected_after_a_partial_fill_while_pending_returns_to_partially_filled() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_CANCEL);

            manager.applyFill(ID, fill("T-1", 4, "100"), at(10));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            assertThat(manager.get(ID).previousStatus()).contains(OrderStatus.PARTIALLY_FILLED);
            manager.rejectCancel(ID, "too late", at(11));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        }

        @Test
        void a_complete_fill_while_pending_cancel_makes_the_order_filled() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_CANCEL);

            manager.applyFill(ID, fill("T-1", 10, "100"), at(10));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(manager.get(ID).previousStatus()).isEmpty();
        }

        @Test
        void a_cancel_sent_before_the_ack_returns_to_accepted_when_the_ack_came_meanwhile() {
            OrderManager manager = managerWithOrderIn(OrderStatus.SUBMITTED);

            manager.requestCancel(ID, at(10));
            manager.accept(ID, BROKER_ID, at(11));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            manager.rejectCancel(ID, "not cancellable", at(12));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(manager.get(ID).brokerOrderId()).contains(BROKER_ID);
        }

        @Test
        void a_cancel_while_pending_submission_returns_to_submitted_when_the_submit_returned_meanwhile() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_SUBMISSION);

            manager.requestCancel(ID, at(10));
            assertThat(manager.markSubmitted(ID, at(11))).hasSize(1);
            manager.rejectCancel(ID, "unknown order", at(12));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.SUBMITTED);
        }

        @Test
        void a_second_cancel_while_one_is_pending_is_refused_naming_the_state() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_CANCEL);
            Order before = manager.get(ID);

            assertThatThrownBy(() -> manager.requestCancel(ID, at(10)))
                    .isInstanceOfSatisfying(OrderNotCancellableException.class, e -> {
                        assertThat(e.orderId()).isEqualTo(ID);
                        assertThat(e.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
                    })
                    .hasMessageContaining("O-1")
                    .hasMessageContaining("PENDING_CANCEL")
                    .hasMessageContaining("already pending");
            assertThat(manager.get(ID)).isEqualTo(before);
        }

        @ParameterizedTest
        @EnumSource(
                value = OrderStatus.class,
                names = {"FILLED", "CANCELLED", "REJECTED", "EXPIRED", "ERROR"})
        void a_finished_order_cannot_be_cancelled(OrderStatus finished) {
            OrderManager manager = managerWithOrderIn(finished);

            assertThatThrownBy(() -> manager.requestCancel(ID, at(10)))
                    .isInstanceOf(OrderNotCancellableException.class)
                    .hasMessageContaining("state " + finished);
        }

        @Test
        void a_cancel_lock_forbids_cancelling_before_its_instant_and_allows_it_from_then_on() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);
            List<OrderEvent> locked = manager.lockCancelUntil(ID, at(60), at(10));

            assertThat(locked).singleElement().isInstanceOf(OrderLocked.class);
            assertThatThrownBy(() -> manager.requestCancel(ID, at(59)))
                    .isInstanceOf(OrderNotCancellableException.class)
                    .hasMessageContaining("cancel locked until " + at(60));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.ACCEPTED);

            manager.requestCancel(ID, at(60));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        }

        @Test
        void setting_the_same_lock_again_produces_no_event() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);
            manager.lockCancelUntil(ID, at(60), at(10));

            assertThat(manager.lockCancelUntil(ID, at(60), at(11))).isEmpty();
        }
    }

    @Nested
    class Modifying {
        private static final OrderModification TO_99 = OrderModification.limitPrice(Price.of("99"));

        @Test
        void a_confirmed_modification_changes_the_order_and_returns_to_accepted() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

            manager.requestModify(
                    ID,
                    new OrderModification(Optional.of(Quantity.of(12)), Optional.of(Price.of("99")), Optional.empty()),
                    at(10));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_MODIFY);
            manager.confirmModify(ID, at(11));

            Order order = manager.get(ID);
            assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(order.quantity()).isEqualTo(Quantity.of(12));
            assertThat(order.limitPrice()).contains(Price.of("99"));
            assertThat(order.pendingModification()).isEmpty();
        }

        @Test
        void a_modify_rejected_after_a_partial_fill_while_pending_returns_to_partially_filled() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_MODIFY);

            manager.applyFill(ID, fill("T-1", 4, "100"), at(10));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_MODIFY);
            manager.rejectModify(ID, "price outside circuit", at(11));

            Order order = manager.get(ID);
            assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(order.limitPrice()).contains(Price.of("100"));
            assertThat(order.lastModifyRejection()).contains("price outside circuit");
        }

        @Test
        void a_fill_completing_the_old_quantity_while_an_increase_is_pending_waits_for_the_modify_answer() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);
            manager.requestModify(ID, OrderModification.quantity(Quantity.of(14)), at(10));

            manager.applyFill(ID, fill("T-1", 10, "100"), at(11));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_MODIFY);
            manager.confirmModify(ID, at(12));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            manager.applyFill(ID, fill("T-2", 4, "100"), at(13));

            Order order = manager.get(ID);
            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.filledQuantity()).isEqualTo(Quantity.of(14));
        }

        @Test
        void a_fill_completing_the_old_quantity_is_filled_when_the_increase_is_rejected() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);
            manager.requestModify(ID, OrderModification.quantity(Quantity.of(14)), at(10));

            manager.applyFill(ID, fill("T-1", 10, "100"), at(11));
            manager.rejectModify(ID, "quantity above the freeze limit", at(12));

            Order order = manager.get(ID);
            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.quantity()).isEqualTo(Quantity.of(10));
        }

        @Test
        void a_fill_completing_the_quantity_while_a_decrease_is_pending_fills_the_order() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);
            manager.requestModify(ID, OrderModification.quantity(Quantity.of(8)), at(10));

            manager.applyFill(ID, fill("T-1", 10, "100"), at(11));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.FILLED);
        }

        @Test
        void a_cancel_during_a_pending_modify_returns_to_the_modify_when_the_cancel_is_rejected() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_MODIFY);

            manager.requestCancel(ID, at(10));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            assertThat(manager.get(ID).previousStatus()).contains(OrderStatus.ACCEPTED);
            manager.rejectCancel(ID, "modification in progress", at(11));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_MODIFY);
            manager.confirmModify(ID, at(12));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(manager.get(ID).limitPrice()).contains(Price.of("99"));
        }

        @Test
        void a_modification_confirmed_while_a_cancel_is_pending_is_applied_and_the_cancel_stays_pending() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_MODIFY);

            manager.requestCancel(ID, at(10));
            manager.confirmModify(ID, at(11));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            assertThat(manager.get(ID).limitPrice()).contains(Price.of("99"));
            manager.rejectCancel(ID, "too late", at(12));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.ACCEPTED);
        }

        @Test
        void a_modify_rejected_while_a_cancel_is_pending_keeps_the_cancel_pending() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_MODIFY);

            manager.requestCancel(ID, at(10));
            manager.rejectModify(ID, "no", at(11));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            assertThat(manager.get(ID).pendingModification()).isEmpty();
            assertThat(manager.get(ID).limitPrice()).contains(Price.of("100"));
        }

        @Test
        void reducing_to_exactly_what_filled_while_pending_completes_the_order() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);
            manager.requestModify(ID, OrderModification.quantity(Quantity.of(6)), at(10));

            manager.applyFill(ID, fill("T-1", 6, "100"), at(11));
            manager.confirmModify(ID, at(12));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(manager.get(ID).quantity()).isEqualTo(Quantity.of(6));
        }

        @Test
        void a_confirmed_quantity_below_what_filled_meanwhile_is_refused() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);
            manager.requestModify(ID, OrderModification.quantity(Quantity.of(6)), at(10));
            manager.applyFill(ID, fill("T-1", 8, "100"), at(11));
            Order before = manager.get(ID);

            assertThatThrownBy(() -> manager.confirmModify(ID, at(12)))
                    .isInstanceOf(IllegalOrderTransitionException.class)
                    .hasMessageContaining("below the filled quantity 8");
            assertThat(manager.get(ID)).isEqualTo(before);
        }

        @Test
        void confirming_without_a_pending_modification_is_illegal() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

            assertThatThrownBy(() -> manager.confirmModify(ID, at(10)))
                    .isInstanceOf(IllegalOrderTransitionException.class)
                    .hasMessageContaining("no modification is pending");
        }

        @ParameterizedTest
        @EnumSource(
                value = OrderStatus.class,
                names = {"ACCEPTED", "PARTIALLY_FILLED"},
                mode = EnumSource.Mode.EXCLUDE)
        void only_accepted_or_partially_filled_orders_can_be_modified(OrderStatus state) {
            OrderManager manager = managerWithOrderIn(state);
            Order before = manager.get(ID);

            assertThatThrownBy(() -> manager.requestModify(ID, OrderModification.limitPrice(Price.of("98")), at(10)))
                    .isInstanceOfSatisfying(OrderNotModifiableException.class, e -> assertThat(e.status())
                            .isEqualTo(state))
                    .hasMessageContaining("O-1")
                    .hasMessageContaining("state " + state);
            assertThat(manager.get(ID)).isEqualTo(before);
        }

        @Test
        void a_modify_lock_forbids_modifying_before_its_instant() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);
            manager.lockModifyUntil(ID, at(60), at(10));

            assertThatThrownBy(() -> manager.requestModify(ID, TO_99, at(59)))
                    .isInstanceOf(OrderNotModifiableException.class)
                    .hasMessageContaining("modify locked until " + at(60));
            manager.requestModify(ID, TO_99, at(60));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.PENDING_MODIFY);
        }

        @Test
        void a_new_quantity_not_above_the_filled_quantity_is_refused() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PARTIALLY_FILLED);

            assertThatThrownBy(() -> manager.requestModify(ID, OrderModification.quantity(Quantity.of(4)), at(10)))
                    .isInstanceOf(OrderNotModifiableException.class)
                    .hasMessageContaining("must be above the filled quantity 4");
        }

        @Test
        void a_trigger_price_on_a_limit_order_is_refused() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

            assertThatThrownBy(() -> manager.requestModify(ID, OrderModification.triggerPrice(Price.of("99")), at(10)))
                    .isInstanceOf(OrderNotModifiableException.class)
                    .hasMessageContaining("LIMIT order has no trigger price");
        }

        @Test
        void a_limit_price_on_a_stop_order_is_refused() {
            OrderManager manager = new OrderManager();
            OrderRequest stop = OrderRequest.builder()
                    .account("ACC-1")
                    .strategy("momentum")
                    .instrument("NSE:INFY")
                    .sell()
                    .type(OrderType.STOP)
                    .triggerPrice("95")
                    .quantity(10)
                    .build();
            manager.create(ID, stop, Optional.of(INFY), T0);
            manager.release(ID, at(1));
            manager.accept(ID, BROKER_ID, at(2));

            assertThatThrownBy(() -> manager.requestModify(ID, TO_99, at(10)))
                    .isInstanceOf(OrderNotModifiableException.class)
                    .hasMessageContaining("STOP order has no limit price");
            manager.requestModify(ID, OrderModification.triggerPrice(Price.of("94")), at(11));
            manager.confirmModify(ID, at(12));
            assertThat(manager.get(ID).triggerPrice()).contains(Price.of("94"));
        }

        @Test
        void a_modification_that_changes_nothing_is_refused() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

            assertThatThrownBy(
                            () -> manager.requestModify(ID, OrderModification.limitPrice(Price.of("100.00")), at(10)))
                    .isInstanceOf(OrderNotModifiableException.class)
                    .hasMessageContaining("changes nothing");
        }
    }

    @Nested
    class BrokerUpdates {

        @Test
        void a_repeated_ack_produces_no_event() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

            assertThat(manager.accept(ID, BROKER_ID, at(10))).isEmpty();
            assertThat(manager.markSubmitted(ID, at(10))).isEmpty();
        }

        @Test
        void an_ack_with_a_different_broker_order_id_is_refused() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

            assertThatThrownBy(() -> manager.accept(ID, BrokerOrderId.of("999"), at(10)))
                    .isInstanceOf(IllegalOrderTransitionException.class)
                    .hasMessageContaining("conflicts with " + BROKER_ID);
            assertThat(manager.findByBrokerOrderId(BrokerOrderId.of("999"))).isEmpty();
        }

        @Test
        void a_broker_rejection_records_who_and_why() {
            OrderManager manager = managerWithOrderIn(OrderStatus.SUBMITTED);

            manager.rejectByBroker(ID, "insufficient funds", at(10));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(manager.get(ID).rejection())
                    .contains(new Rejection(RejectionSource.BROKER, Optional.empty(), "insufficient funds"));
        }

        @Test
        void a_risk_rejection_records_the_check() {
            OrderManager manager = managerWithOrderIn(OrderStatus.REJECTED);

            Rejection rejection = manager.get(ID).rejection().orElseThrow();
            assertThat(rejection.source()).isEqualTo(RejectionSource.RISK);
            assertThat(rejection.check()).contains("max-order-quantity");
            assertThat(rejection.reason()).isEqualTo("above 5");
        }

        @Test
        void a_risk_rejection_after_release_is_illegal() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_SUBMISSION);

            assertThatThrownBy(() -> manager.rejectByRisk(ID, "buying-power", "short", at(10)))
                    .isInstanceOf(IllegalOrderTransitionException.class)
                    .hasMessageContaining("risk rejection");
        }

        @Test
        void an_order_with_fills_cannot_be_rejected() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_CANCEL);
            manager.applyFill(ID, fill("T-1", 2, "100"), at(10));

            assertThatThrownBy(() -> manager.reject(ID, Rejection.bySystem("x"), at(11)))
                    .isInstanceOf(IllegalOrderTransitionException.class)
                    .hasMessageContaining("with fills");
        }

        @Test
        void an_error_records_the_reason() {
            OrderManager manager = managerWithOrderIn(OrderStatus.ERROR);

            assertThat(manager.get(ID).errorReason()).contains("broker session lost");
        }

        @Test
        void an_illegal_event_names_the_order_the_state_and_the_event_and_changes_nothing() {
            OrderManager manager = managerWithOrderIn(OrderStatus.FILLED);
            Order before = manager.get(ID);

            assertThatThrownBy(() -> manager.confirmCancel(ID, at(10)))
                    .isInstanceOfSatisfying(IllegalOrderTransitionException.class, e -> {
                        assertThat(e.orderId()).isEqualTo(ID);
                        assertThat(e.status()).isEqualTo(OrderStatus.FILLED);
                        assertThat(e.eventType()).isEqualTo(OrderEventType.CANCELLED);
                    })
                    .hasMessage("order O-1 in state FILLED cannot take OrderCancelled");
            assertThat(manager.get(ID)).isSameAs(before);
        }
    }

    @Nested
    class Expiry {

        @Test
        void a_gtd_order_is_due_at_its_expiry_not_before() {
            OrderManager manager = new OrderManager();
            manager.create(ID, buyLimit(10, "100").expiresAt(at(600)).build(), Optional.of(INFY), T0);
            manager.release(ID, at(1));

            assertThat(manager.dueForExpiry(at(599))).isEmpty();
            assertThat(manager.dueForExpiry(at(600))).extracting(Order::id).containsExactly(ID);
            manager.expire(ID, at(600));
            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(manager.dueForExpiry(at(601))).isEmpty();
        }

        @Test
        void a_day_order_is_due_at_the_session_close() {
            OrderManager manager = new OrderManager();
            manager.create(ID, buyLimit(10, "100").build(), Optional.of(INFY), T0);
            manager.release(ID, at(1));
            manager.markSubmitted(ID, at(2));
            manager.accept(ID, BROKER_ID, at(3));

            assertThat(manager.dueForExpiry(CLOSE.minusSeconds(1))).isEmpty();
            assertThat(manager.dueForExpiry(CLOSE)).extracting(Order::id).containsExactly(ID);
        }

        @Test
        void orders_not_yet_released_gtc_orders_and_orders_with_a_cancel_pending_are_not_due() {
            OrderManager manager = new OrderManager();
            ClientOrderId created = ClientOrderId.of("O-created");
            ClientOrderId gtc = ClientOrderId.of("O-gtc");
            ClientOrderId cancelling = ClientOrderId.of("O-cancelling");
            manager.create(created, buyLimit(10, "100").build(), Optional.of(INFY), T0);
            manager.create(gtc, tenAt100(), Optional.of(INFY), T0);
            manager.release(gtc, at(1));
            manager.create(cancelling, buyLimit(10, "100").build(), Optional.of(INFY), T0);
            manager.release(cancelling, at(1));
            manager.requestCancel(cancelling, at(2));

            assertThat(manager.dueForExpiry(CLOSE.plusSeconds(3600))).isEmpty();
        }

        @Test
        void a_working_gtd_order_is_cancelled_at_the_broker_then_expired() {
            OrderManager manager = managerWithOrderIn(OrderStatus.PENDING_CANCEL);

            manager.expire(ID, at(10));

            assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.EXPIRED);
        }
    }

    @Nested
    class Lookups {

        @Test
        void an_unknown_order_is_not_found_by_name() {
            OrderManager manager = new OrderManager();

            assertThat(manager.find(ID)).isEmpty();
            assertThatThrownBy(() -> manager.get(ID))
                    .isInstanceOfSatisfying(OrderNotFoundException.class, e -> assertThat(e.orderId())
                            .isEqualTo(ID))
                    .hasMessage("order O-1 not found");
            assertThatThrownBy(() -> manager.release(ID, T0)).isInstanceOf(OrderNotFoundException.class);
        }

        @Test
        void open_orders_and_all_orders_are_listed_in_entry_order() {
            OrderManager manager = new OrderManager();
            ClientOrderId first = ClientOrderId.of("O-a");
            ClientOrderId second = ClientOrderId.of("O-b");
            ClientOrderId third = ClientOrderId.of("O-c");
            manager.create(first, tenAt100(), Optional.empty(), T0);
            manager.create(second, tenAt100(), Optional.empty(), T0);
            manager.create(third, tenAt100(), Optional.empty(), T0);
            manager.release(first, at(1));
            manager.release(third, at(1));

            assertThat(manager.openOrders()).extracting(Order::id).containsExactly(first, third);
            assertThat(manager.all()).extracting(Order::id).containsExactly(first, second, third);
        }

        @Test
        void an_order_is_restored_from_its_events_equal_to_the_original() {
            OrderManager original = new OrderManager();
            List<OrderEvent> journal = new ArrayList<>();
            journal.addAll(original.create(ID, tenAt100(), Optional.of(INFY), T0));
            journal.addAll(original.release(ID, at(1)));
            journal.addAll(original.markSubmitted(ID, at(2)));
            journal.addAll(original.accept(ID, BROKER_ID, at(3)));
            journal.addAll(original.applyFill(ID, fill("T-1", 4, "100"), at(4)).events());
            journal.addAll(original.requestCancel(ID, at(5)));

            OrderManager recovered = new OrderManager();
            Order restored = recovered.restore(journal);

            assertThat(restored).isEqualTo(original.get(ID)).hasSameHashCodeAs(original.get(ID));
            assertThat(recovered.findByBrokerOrderId(BROKER_ID)).contains(restored);
            assertThatThrownBy(() -> recovered.restore(original.get(ID))).isInstanceOf(DuplicateOrderException.class);
            recovered.confirmCancel(ID, at(6));
            assertThat(recovered.get(ID).status()).isEqualTo(OrderStatus.CANCELLED);
        }
    }
}
