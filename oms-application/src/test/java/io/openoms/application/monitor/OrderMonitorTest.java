package io.openoms.application.monitor;

import static io.openoms.application.testing.EngineHarness.ACCOUNT;
import static io.openoms.application.testing.EngineHarness.BROKER;
import static io.openoms.application.testing.EngineHarness.T0;
import static io.openoms.application.testing.EngineHarness.brokerOrder;
import static io.openoms.application.testing.EngineHarness.buy;
import static io.openoms.application.testing.EngineHarness.get;
import static io.openoms.application.testing.EngineHarness.viewOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.reconciliation.ReconciliationConfig;
import io.openoms.application.reconciliation.ReconciliationPolicy;
import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderMonitorTest {
    private EngineHarness h = new EngineHarness();
    private final RecordingSignals signals = new RecordingSignals();
    private MonitorConfig config = MonitorConfig.builder().build();

    @AfterEach
    void stop() {
        h.close();
    }

    private OrderMonitor monitor() {
        return monitor(ReconciliationConfig.builder().build());
    }

    /** The evidence rule: decided once {@code windowSeconds} have passed and {@code misses} searches missed. */
    private static MonitorConfig evidenceRule(long windowSeconds, int misses) {
        return MonitorConfig.builder()
                .unknownGraceWindow(Duration.ofSeconds(windowSeconds))
                .unknownMissesBeforeError(misses)
                .build();
    }

    private OrderMonitor monitor(ReconciliationConfig reconciliation) {
        return new OrderMonitor(
                h.engine,
                new EngineHarness.SingleBrokerRouter(h.gateway),
                h.rateLimits,
                signals,
                h.clock,
                config,
                reconciliation);
    }

    @Test
    void a_fill_the_stream_missed_is_picked_up_once() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.putBrokerOrder(viewOf(order, 10, 0, OrderStatus.FILLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 10, "100"));
        OrderMonitor monitor = monitor();

        MonitorReport first = monitor.runOnce();

        assertThat(first.tradesApplied()).isEqualTo(1);
        assertThat(first.ordersPolled()).isEqualTo(1);
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(h.engine.positions(ACCOUNT, false)).singleElement().satisfies(p -> assertThat(p.signedQuantity())
                .isEqualByComparingTo("10"));
        MonitorReport second = monitor.runOnce();
        assertThat(second.ordersPolled()).isZero();
        assertThat(second.tradesApplied()).isZero();
        assertThat(h.stored(order.id()).fills()).hasSize(1);
        assertThat(signals.restored).contains(BROKER);
    }

    @Test
    void a_partial_fill_then_a_cancel_at_the_broker_are_recorded_fill_first() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.putBrokerOrder(viewOf(order, 4, 6, OrderStatus.CANCELLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 4, "100"));

        MonitorReport report = monitor().runOnce();

        assertThat(report.tradesApplied()).isEqualTo(1);
        assertThat(report.updatesApplied()).isEqualTo(1);
        Order after = h.stored(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.filledQuantity()).isEqualTo(Quantity.of(4));
        assertThat(h.engine.history(order.id()))
                .extracting(OrderEvent::getClass)
                .containsSubsequence(OrderEvent.OrderFilled.class, OrderEvent.OrderCancelled.class);
    }

    @Test
    void an_order_the_broker_shows_unchanged_is_not_handed_to_the_engine() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.putBrokerOrder(viewOf(order, 0, 0, OrderStatus.ACCEPTED));

        MonitorReport report = monitor().runOnce();

        assertThat(report.ordersPolled()).isEqualTo(1);
        assertThat(report.updatesApplied()).isZero();
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void an_order_the_broker_does_not_know_is_closed_as_error_only_after_the_window_and_the_misses() {
        config = evidenceRule(10, 2);
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        OrderMonitor monitor = monitor();

        monitor.runOnce();
        monitor.runOnce(); // the misses are there, the window is not over
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
        h.clock.advance(Duration.ofSeconds(10));
        MonitorReport decided = monitor.runOnce();

        Order after = h.stored(order.id());
        assertThat(decided.closedNotKnownAtBroker()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(OrderStatus.ERROR);
        assertThat(after.errorReason())
                .hasValueSatisfying(r ->
                        assertThat(r).contains("not known to broker " + BROKER).contains("3 look-ups"));
        assertThat(h.reconciliationLog.latest(10)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.ORDER_MISSING_AT_BROKER);
            assertThat(f.subject()).contains(order.id().value());
            assertThat(f.action()).startsWith("closed as ERROR");
        });
        h.clock.advance(Duration.ofSeconds(10));
        assertThat(monitor.runOnce().ordersPolled()).isZero();
        assertThat(h.reconciliationLog.latest(10)).hasSize(1);
    }

    @Test
    void a_closed_order_the_broker_did_not_know_frees_the_open_order_limit() {
        config = evidenceRule(0, 1);
        h.start();
        get(h.engine.replaceLimits(
                ACCOUNT, h.engine.limits(ACCOUNT).toBuilder().maxOpenOrders(1).build(), "test"));
        Order forgotten = h.submitAcknowledged(buy(10, "100").build());
        assertThat(h.submit(buy(10, "100").build())).isInstanceOf(OrderCommandResult.Rejected.class);

        monitor().runOnce();

        assertThat(h.stored(forgotten.id()).status()).isEqualTo(OrderStatus.ERROR);
        assertThat(h.submit(buy(10, "100").build())).isInstanceOf(OrderCommandResult.Accepted.class);
    }

    @Test
    void a_look_up_that_finds_the_order_starts_the_misses_again() {
        config = evidenceRule(10, 2);
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        OrderMonitor monitor = monitor();
        monitor.runOnce();
        h.broker.putBrokerOrder(viewOf(order, 0, 0, OrderStatus.ACCEPTED));
        monitor.runOnce();
        h.broker.removeBrokerOrder(order.brokerOrderId().orElseThrow());
        h.clock.advance(Duration.ofSeconds(10));

        monitor.runOnce();
        monitor.runOnce(); // two misses since it was found, but its window started at the first of them

        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
        h.clock.advance(Duration.ofSeconds(10));
        monitor.runOnce();
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ERROR);
    }

    @Test
    void a_cancel_the_broker_refuses_for_an_order_it_does_not_know_completes_as_cancelled() {
        config = evidenceRule(10, 2);
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.nextCancel(BrokerResult.rejected("order not found at the venue"));
        get(h.engine.cancel(new CancelOrder(order.id())));
        EngineHarness.await(() -> h.stored(order.id()).lastCancelRejection().isPresent(), "cancel refused");
        OrderMonitor monitor = monitor();

        monitor.runOnce();
        h.clock.advance(Duration.ofSeconds(10));
        monitor.runOnce();

        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_pending_modify_of_an_order_the_broker_does_not_know_ends_in_error() {
        config = evidenceRule(0, 1);
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.nextModify(BrokerResult.outcomeUnknown("read timed out"));
        get(h.engine.modify(new ModifyOrder(order.id(), OrderModification.quantity(Quantity.of(12)))));
        EngineHarness.await(() -> h.stored(order.id()).outcomeUnknown().isPresent(), "unknown modify");
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.PENDING_MODIFY);

        monitor().runOnce();

        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ERROR);
    }

    @Test
    void under_propose_and_alert_only_the_monitor_leaves_an_order_the_broker_does_not_know_open() {
        config = evidenceRule(0, 1);
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        for (ReconciliationPolicy policy : List.of(ReconciliationPolicy.PROPOSE, ReconciliationPolicy.ALERT_ONLY)) {
            OrderMonitor monitor = monitor(ReconciliationConfig.builder()
                    .accountPolicy(ACCOUNT, policy)
                    .build());

            for (int pass = 0; pass < 3; pass++) {
                assertThat(monitor.runOnce().closedNotKnownAtBroker()).isZero();
            }

            assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
        }
        assertThat(h.reconciliationLog.latest(10)).isEmpty();
    }

    @Test
    void a_day_order_expires_at_the_session_close() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        OrderMonitor monitor = monitor();
        assertThat(monitor.runOnce().expiryRequested()).isEmpty();

        h.clock.set(Instant.parse("2024-03-04T10:00:00Z")); // 15:30 in Mumbai
        MonitorReport report = monitor.runOnce();

        assertThat(report.expiryRequested()).containsExactly(order.id());
        h.awaitStatus(order.id(), OrderStatus.EXPIRED);
        assertThat(h.broker.cancelledOrders()).extracting(Order::id).containsExactly(order.id());
    }

    @Test
    void a_gtd_order_expires_at_its_instant() {
        h.start();
        Order order = h.submitAcknowledged(
                buy(10, "100").expiresAt(T0.plus(Duration.ofMinutes(5))).build());
        OrderMonitor monitor = monitor();
        h.clock.set(T0.plus(Duration.ofMinutes(5)).minusMillis(1));
        assertThat(monitor.runOnce().expiryRequested()).isEmpty();

        h.clock.set(T0.plus(Duration.ofMinutes(5)));

        assertThat(monitor.runOnce().expiryRequested()).containsExactly(order.id());
        h.awaitStatus(order.id(), OrderStatus.EXPIRED);
    }

    @Test
    void an_ambiguous_submit_the_broker_placed_is_found_by_its_tag_and_accepted_never_resent() {
        h.start();
        Order order = h.submitUnknown(buy(10, "100").build());
        h.broker.putBrokerOrder(
                brokerOrder("B7", Optional.of(order.id()), Side.BUY, 10, 3, 0, OrderStatus.PARTIALLY_FILLED));
        h.broker.addTrade(h.trade(BrokerOrderId.of("B7"), Side.BUY, "T1", 3, "100"));

        MonitorReport report = monitor().runOnce();

        assertThat(report.unknownsResolved()).isEqualTo(1);
        assertThat(report.tradesApplied()).isEqualTo(1);
        Order after = h.stored(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(after.brokerOrderId()).contains(BrokerOrderId.of("B7"));
        assertThat(after.outcomeUnknown()).isEmpty();
        assertThat(h.broker.placedOrders()).extracting(Order::id).containsOnlyOnce(order.id());
    }

    @Test
    void an_ambiguous_submit_is_found_in_the_days_orders_when_the_tag_search_misses() {
        h.start();
        Order order = h.submitUnknown(buy(10, "100").build());
        h.broker.putBrokerOrder(brokerOrder("B7", Optional.of(order.id()), Side.BUY, 10, 0, 0, OrderStatus.ACCEPTED));
        h.gateway.blindFor(1); // the search by tag misses; the list of orders is read after it

        monitor().runOnce();

        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void an_ambiguous_submit_never_placed_is_an_error_only_after_the_window_and_the_misses() {
        config = evidenceRule(30, 3);
        h.start();
        Order order = h.submitUnknown(buy(10, "100").build());
        Instant since = order.outcomeUnknown().orElseThrow().since();
        OrderMonitor monitor = monitor();

        for (int pass = 1; pass <= 5; pass++) { // misses enough, window not passed
            h.clock.set(since.plusSeconds(pass));
            assertThat(monitor.runOnce().declaredNeverPlaced()).isZero();
            assertThat(h.stored(order.id()).status()).isNotEqualTo(OrderStatus.ERROR);
        }
        h.clock.set(since.plusSeconds(30));
        MonitorReport report = monitor.runOnce();

        assertThat(report.declaredNeverPlaced()).isEqualTo(1);
        Order after = h.stored(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.ERROR);
        assertThat(after.errorReason()).hasValueSatisfying(r -> assertThat(r).contains("not found"));
        assertThat(h.broker.placedOrders()).extracting(Order::id).containsOnlyOnce(order.id());
    }

    @Test
    void after_the_window_an_ambiguous_submit_still_needs_its_misses() {
        h.start();
        Order order = h.submitUnknown(buy(10, "100").build());
        OrderMonitor monitor = monitor();
        h.clock.set(order.outcomeUnknown().orElseThrow().since().plusSeconds(120));

        monitor.runOnce();
        monitor.runOnce();
        assertThat(h.stored(order.id()).status()).isNotEqualTo(OrderStatus.ERROR);

        monitor.runOnce();
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ERROR);
    }

    @Test
    void a_broker_slow_to_show_a_just_placed_order_does_not_make_it_an_error() {
        h.start();
        Order order = h.submitUnknown(buy(10, "100").build());
        h.broker.putBrokerOrder(brokerOrder("B7", Optional.of(order.id()), Side.BUY, 10, 0, 0, OrderStatus.ACCEPTED));
        h.gateway.blindFor(4);
        OrderMonitor monitor = monitor();
        Instant since = order.outcomeUnknown().orElseThrow().since();

        for (int pass = 1; pass <= 4; pass++) {
            h.clock.set(since.plusSeconds(5L * pass));
            monitor.runOnce();
            assertThat(h.stored(order.id()).status()).isNotEqualTo(OrderStatus.ERROR);
        }
        h.clock.set(since.plusSeconds(25));
        monitor.runOnce();

        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void failed_searches_are_not_misses() {
        h.start();
        Order order = h.submitUnknown(buy(10, "100").build());
        OrderMonitor monitor = monitor();
        h.clock.set(order.outcomeUnknown().orElseThrow().since().plusSeconds(120));
        h.gateway.failQueries(BrokerResult.outcomeUnknown("gateway timeout"));

        for (int pass = 1; pass <= 5; pass++) {
            assertThat(monitor.runOnce().brokerFailures()).isPositive();
        }
        assertThat(h.stored(order.id()).status()).isNotEqualTo(OrderStatus.ERROR);

        h.gateway.healQueries();
        h.gateway.throwOnQueries(new IllegalStateException("connection refused"));
        monitor.runOnce();
        h.gateway.healQueries();
        monitor.runOnce();
        monitor.runOnce();
        assertThat(h.stored(order.id()).status()).isNotEqualTo(OrderStatus.ERROR);
        monitor.runOnce();
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ERROR);
    }

    @Test
    void miss_counts_start_again_after_a_restart_while_the_window_runs_from_the_unknowns_start() {
        h.start();
        Order order = h.submitUnknown(buy(10, "100").build());
        Instant since = order.outcomeUnknown().orElseThrow().since();
        OrderMonitor monitor = monitor();
        monitor.runOnce();
        monitor.runOnce();

        h = h.restart();
        h.clock.set(since.plusSeconds(60));
        OrderMonitor fresh = monitor();
        fresh.runOnce();
        fresh.runOnce();
        assertThat(h.stored(order.id()).status()).isNotEqualTo(OrderStatus.ERROR);

        fresh.runOnce();
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ERROR);
    }

    @Test
    void an_order_whose_place_answer_is_late_is_found_by_its_tag() {
        config = MonitorConfig.builder().unconfirmedAfter(Duration.ofSeconds(2)).build();
        h.start();
        h.gateway.holdPlaces();
        Order order = h.submitAccepted(buy(10, "100").build());
        h.broker.putBrokerOrder(
                brokerOrder("B1", Optional.of(order.id()), Side.BUY, 10, 2, 0, OrderStatus.PARTIALLY_FILLED));
        h.broker.addTrade(h.trade(BrokerOrderId.of("B1"), Side.BUY, "T1", 2, "100"));
        OrderMonitor monitor = monitor();

        assertThat(monitor.runOnce().ordersPolled()).isZero(); // too young to search for
        h.clock.advance(Duration.ofSeconds(2));
        MonitorReport report = monitor.runOnce();

        assertThat(report.ordersPolled()).isEqualTo(1);
        assertThat(report.tradesApplied()).isEqualTo(1);
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        h.gateway.releasePlaces();
        h.sync();
        EngineHarness.await(() -> h.broker.placedOrders().size() == 1, "the place call");
        h.sync();
        assertThat(h.stored(order.id()).brokerOrderId()).contains(BrokerOrderId.of("B1"));
        assertThat(h.stored(order.id()).filledQuantity()).isEqualTo(Quantity.of(2));
    }

    @Test
    void an_unknown_cancel_the_broker_shows_in_effect_is_applied_at_once() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.nextCancel(BrokerResult.outcomeUnknown("read timed out"));
        get(h.engine.cancel(new CancelOrder(order.id())));
        EngineHarness.await(() -> h.stored(order.id()).outcomeUnknown().isPresent(), "unknown cancel");
        h.broker.putBrokerOrder(viewOf(order, 0, 10, OrderStatus.CANCELLED));

        MonitorReport report = monitor().runOnce();

        assertThat(report.unknownsResolved()).isEqualTo(1);
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void an_unknown_cancel_the_broker_shows_not_in_effect_is_refused_only_after_the_window_and_misses() {
        config = evidenceRule(10, 2);
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.nextCancel(BrokerResult.outcomeUnknown("read timed out"));
        get(h.engine.cancel(new CancelOrder(order.id())));
        EngineHarness.await(() -> h.stored(order.id()).outcomeUnknown().isPresent(), "unknown cancel");
        assertThat(h.stored(order.id()).outcomeUnknown().orElseThrow().operation())
                .isEqualTo(UnknownOperation.CANCEL);
        h.broker.putBrokerOrder(viewOf(order, 0, 0, OrderStatus.ACCEPTED));

        cancelIsRefusedOnlyAfterTheWindowOfTenSeconds(order);
    }

    /** With the evidence rule (10 s, 2 misses) and a broker showing the order working, the cancel is refused. */
    private void cancelIsRefusedOnlyAfterTheWindowOfTenSeconds(Order order) {
        OrderMonitor monitor = monitor();
        monitor.runOnce();
        monitor.runOnce();
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.PENDING_CANCEL);

        h.clock.advance(Duration.ofSeconds(10));
        monitor.runOnce();

        Order after = h.stored(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(after.outcomeUnknown()).isEmpty();
        assertThat(after.lastCancelRejection())
                .hasValueSatisfying(r -> assertThat(r).contains("did not take effect"));
    }

    @Test
    void an_unknown_modify_the_broker_shows_in_effect_is_confirmed() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.nextModify(BrokerResult.outcomeUnknown("read timed out"));
        OrderCommandResult modify =
                get(h.engine.modify(new ModifyOrder(order.id(), OrderModification.quantity(Quantity.of(12)))));
        assertThat(modify).isInstanceOf(OrderCommandResult.Accepted.class);
        EngineHarness.await(() -> h.stored(order.id()).outcomeUnknown().isPresent(), "unknown modify");
        h.broker.putBrokerOrder(brokerOrder(
                order.brokerOrderId().orElseThrow().value(),
                Optional.of(order.id()),
                Side.BUY,
                12,
                0,
                0,
                OrderStatus.ACCEPTED));

        monitor().runOnce();

        Order after = h.stored(order.id());
        assertThat(after.quantity()).isEqualTo(Quantity.of(12));
        assertThat(after.outcomeUnknown()).isEmpty();
        assertThat(after.limitPrice()).contains(Price.of(100));
    }

    /** A cancel the broker accepted but whose update the crash cut off: the order is PENDING_CANCEL when journaled. */
    private Order cancelLostInACrash(OrderStatus atBroker, long cancelledAtBroker) {
        startToCrash();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.gateway.holdChanges();
        get(h.engine.cancel(new CancelOrder(order.id())));
        h.broker.putBrokerOrder(viewOf(order, 0, cancelledAtBroker, atBroker));
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        crashAndRestart();
        return h.stored(order.id());
    }

    /** An engine that stops quickly even with broker calls in flight. */
    private void startToCrash() {
        h.start(EngineHarness.config().stopTimeout(Duration.ofMillis(100)).build());
    }

    /** A restart while broker calls hang: their answers never reach the journal. */
    private void crashAndRestart() {
        EngineHarness.FaultyQueries hanging = h.gateway;
        h = h.restart();
        hanging.releaseChanges();
    }

    @Test
    void a_cancel_lost_in_a_crash_that_the_broker_applied_completes_after_the_restart() {
        Order order = cancelLostInACrash(OrderStatus.CANCELLED, 10);

        monitor().runOnce();

        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_cancel_lost_in_a_crash_that_the_broker_never_applied_reverts_to_working_with_the_reason() {
        config = evidenceRule(10, 2);
        Order order = cancelLostInACrash(OrderStatus.ACCEPTED, 0);
        assertThat(order.outcomeUnknown().orElseThrow().operation()).isEqualTo(UnknownOperation.CANCEL);

        cancelIsRefusedOnlyAfterTheWindowOfTenSeconds(order);

        assertThat(h.broker.placedOrders()).hasSize(1);
    }

    @Test
    void a_modify_lost_in_a_crash_is_confirmed_when_the_broker_shows_it_and_refused_when_it_does_not() {
        config = evidenceRule(10, 2);
        startToCrash();
        Order applied = h.submitAcknowledged(buy(10, "100").build());
        Order lost = h.submitAcknowledged(buy(10, "100").build());
        h.gateway.holdChanges();
        for (Order order : List.of(applied, lost)) {
            get(h.engine.modify(new ModifyOrder(order.id(), OrderModification.quantity(Quantity.of(12)))));
            assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.PENDING_MODIFY);
        }
        h.broker.putBrokerOrder(brokerOrder(
                applied.brokerOrderId().orElseThrow().value(),
                Optional.of(applied.id()),
                Side.BUY,
                12,
                0,
                0,
                OrderStatus.ACCEPTED));
        h.broker.putBrokerOrder(viewOf(lost, 0, 0, OrderStatus.ACCEPTED));
        crashAndRestart();
        OrderMonitor monitor = monitor();

        monitor.runOnce();
        assertThat(h.stored(applied.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(h.stored(applied.id()).quantity()).isEqualTo(Quantity.of(12));
        monitor.runOnce();
        h.clock.advance(Duration.ofSeconds(10));
        monitor.runOnce();

        Order reverted = h.stored(lost.id());
        assertThat(reverted.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(reverted.quantity()).isEqualTo(Quantity.of(10));
        assertThat(reverted.outcomeUnknown()).isEmpty();
        assertThat(reverted.lastModifyRejection())
                .hasValueSatisfying(r -> assertThat(r).contains("did not take effect"));
        assertThat(h.broker.placedOrders()).hasSize(2);
    }

    @Test
    void an_unknown_cancel_of_an_order_the_broker_does_not_know_completes_as_cancelled_after_the_misses() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.nextCancel(BrokerResult.outcomeUnknown("read timed out"));
        get(h.engine.cancel(new CancelOrder(order.id())));
        EngineHarness.await(() -> h.stored(order.id()).outcomeUnknown().isPresent(), "unknown cancel");
        OrderMonitor monitor = monitor();

        for (int pass = 0; pass < 3; pass++) {
            assertThat(monitor.runOnce().closedNotKnownAtBroker()).isZero();
        }
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        h.clock.advance(config.unknownGraceWindow()); // the window runs from the first miss, not the unknown's start
        MonitorReport decided = monitor.runOnce();

        assertThat(decided.closedNotKnownAtBroker()).isEqualTo(1);
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void a_lost_session_is_told_to_the_kill_switch_and_stops_the_brokers_pass() {
        h.start();
        Order first = h.submitAcknowledged(buy(10, "100").build());
        h.submitAcknowledged(buy(5, "100").build());
        h.gateway.failQueries(BrokerResult.sessionExpired("token expired"));

        MonitorReport report = monitor().runOnce();

        assertThat(signals.lost).containsExactly(BROKER + ": token expired");
        assertThat(report.brokerFailures()).isEqualTo(1);
        assertThat(report.ordersSkipped()).isEqualTo(1);
        assertThat(h.stored(first.id()).status()).isEqualTo(OrderStatus.ACCEPTED);

        h.gateway.healQueries();
        monitor().runOnce();
        assertThat(signals.restored).containsExactly(BROKER);
    }

    @Test
    void without_a_query_permit_the_rest_of_the_pass_is_skipped_without_waiting() {
        h.start();
        h.submitAcknowledged(buy(10, "100").build());
        h.submitAcknowledged(buy(5, "100").build());
        h.submitAcknowledged(buy(2, "100").build());
        h.rateLimits.queryPermitsLeft.set(1);
        int before = h.gateway.queries.get();

        MonitorReport report = monitor().runOnce();

        assertThat(report.ordersPolled()).isEqualTo(1);
        assertThat(report.ordersSkipped()).isEqualTo(2);
        assertThat(h.gateway.queries.get() - before).isEqualTo(1);
    }

    @Test
    void a_rate_limit_too_tight_for_every_order_every_pass_starves_none() {
        h.start();
        Order first = h.submitAcknowledged(buy(10, "100").build());
        Order second = h.submitAcknowledged(buy(5, "100").build());
        Order third = h.submitAcknowledged(buy(2, "100").build());
        h.broker.putBrokerOrder(viewOf(first, 0, 0, OrderStatus.ACCEPTED));
        h.broker.putBrokerOrder(viewOf(second, 0, 5, OrderStatus.CANCELLED));
        h.broker.putBrokerOrder(viewOf(third, 0, 2, OrderStatus.CANCELLED));
        OrderMonitor monitor = monitor();

        for (int pass = 0; pass < 4; pass++) {
            h.rateLimits.queryPermitsLeft.set(1);
            monitor.runOnce();
        }

        assertThat(h.stored(second.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(h.stored(third.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(h.stored(first.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void orders_with_an_unknown_outcome_are_polled_first() {
        h.start();
        h.submitAcknowledged(
                buy(10, "100").instrument(EngineHarness.TCS).limitPrice("200").build());
        Order unknown = h.submitUnknown(buy(10, "100").build());
        h.broker.putBrokerOrder(brokerOrder("B7", Optional.of(unknown.id()), Side.BUY, 10, 0, 0, OrderStatus.ACCEPTED));
        h.rateLimits.queryPermitsLeft.set(1);

        monitor().runOnce();

        assertThat(h.stored(unknown.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void a_brokers_rate_limit_refusal_holds_queries_back_and_stops_the_pass() {
        h.start();
        h.submitAcknowledged(buy(10, "100").build());
        h.submitAcknowledged(buy(5, "100").build());
        h.gateway.failQueries(BrokerResult.rateLimited(Optional.of(Duration.ofSeconds(3)), "429"));

        MonitorReport report = monitor().runOnce();

        assertThat(report.ordersSkipped()).isEqualTo(1);
        assertThat(h.rateLimits.penalties).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void a_stopped_engine_makes_an_empty_pass() {
        h.start();
        h.submitAcknowledged(buy(10, "100").build());
        OrderMonitor monitor = monitor();
        h.engine.stop();

        MonitorReport report = monitor.runOnce();

        assertThat(report.ordersPolled()).isZero();
        assertThat(report.expiryRequested()).isEmpty();
    }

    @Test
    void orders_of_accounts_without_a_broker_are_not_polled() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        OrderMonitor monitor = new OrderMonitor(
                h.engine,
                new NoBrokers(),
                h.rateLimits,
                signals,
                h.clock,
                config,
                ReconciliationConfig.builder().build());

        assertThat(monitor.runOnce().ordersPolled()).isZero();
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    private static final class NoBrokers implements io.openoms.application.routing.OrderRouter {
        @Override
        public Optional<io.openoms.domain.port.out.BrokerGateway> brokerFor(io.openoms.domain.value.AccountId account) {
            return Optional.empty();
        }

        @Override
        public Optional<io.openoms.domain.port.out.BrokerGateway> broker(String name) {
            return Optional.empty();
        }

        @Override
        public java.util.Collection<io.openoms.domain.port.out.BrokerGateway> brokers() {
            return java.util.List.of();
        }
    }
}
