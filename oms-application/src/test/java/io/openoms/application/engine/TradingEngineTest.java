package io.openoms.application.engine;

import static io.openoms.application.testing.EngineHarness.ACCOUNT;
import static io.openoms.application.testing.EngineHarness.BROKER;
import static io.openoms.application.testing.EngineHarness.INFY;
import static io.openoms.application.testing.EngineHarness.T0;
import static io.openoms.application.testing.EngineHarness.TCS;
import static io.openoms.application.testing.EngineHarness.brokerOrder;
import static io.openoms.application.testing.EngineHarness.buy;
import static io.openoms.application.testing.EngineHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.RejectionSource;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.LimitsChangeResult;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.in.TradingStateResult;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionChange;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.risk.RiskDecision;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TradingEngineTest {
    private EngineHarness f = new EngineHarness();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void an_order_goes_from_submit_through_ack_and_fills_to_a_position() {
        f.start();
        Order accepted = f.submitAccepted(buy(10, "100").build());
        assertThat(accepted.status()).isEqualTo(OrderStatus.PENDING_SUBMISSION);

        Order acked = f.awaitStatus(accepted.id(), OrderStatus.ACCEPTED);
        assertThat(acked.brokerOrderId()).contains(BrokerOrderId.of("B1"));
        assertThat(f.broker.placedOrders())
                .singleElement()
                .extracting(Order::id)
                .isEqualTo(accepted.id());

        f.fill(acked, "T1", 4, "99.5");
        assertThat(f.stored(acked.id()).status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        f.fill(acked, "T2", 6, "100");

        Order filled = f.stored(acked.id());
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledQuantity()).isEqualTo(Quantity.of(10));
        List<Position> positions = f.engine.positions(ACCOUNT, false);
        assertThat(positions).singleElement().satisfies(p -> {
            assertThat(p.signedQuantity()).isEqualByComparingTo("10");
            assertThat(p.averagePrice()).contains(Price.of("99.8"));
        });
        assertThat(f.store.findOpenPositions()).hasSize(1);
        assertThat(f.engine.history(acked.id()).stream().map(OrderEvent::type))
                .containsExactly(
                        "OrderCreated",
                        "OrderReleased",
                        "OrderSubmitted",
                        "OrderAccepted",
                        "OrderFilled",
                        "OrderFilled");
        assertThat(f.rateLimits.acquired).containsExactly("ORDERS:NORMAL");
    }

    @Test
    void events_are_published_once_durable_and_in_order_per_order() {
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").build());
        f.fill(order, "T1", 10, "100");

        List<OmsEvent> published = f.publisher.ofOrder(order.id());
        assertThat(published)
                .extracting(e -> ((OmsEvent.OrderUpdated) e).event().sequence())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(f.publisher.ofType(OmsEvent.PositionUpdated.class))
                .singleElement()
                .extracting(OmsEvent.PositionUpdated::change)
                .isEqualTo(PositionChange.OPENED);
        for (OmsEvent event : published) {
            OrderEvent orderEvent = ((OmsEvent.OrderUpdated) event).event();
            assertThat(f.store.eventsOf(order.id())).anyMatch(r -> r.event().equals(orderEvent));
        }
    }

    @Test
    void a_risk_refusal_is_stored_as_rejected_and_returned() {
        f.riskLimits.saveLimits(
                ACCOUNT, RiskLimits.builder().maxOrderQuantity(5).build());
        f.start();

        OrderCommandResult result = f.submit(buy(10, "100").build());

        assertThat(result).isInstanceOf(OrderCommandResult.Rejected.class);
        Order rejected = ((OrderCommandResult.Rejected) result).order();
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.rejection().orElseThrow().source()).isEqualTo(RejectionSource.RISK);
        assertThat(rejected.rejection().orElseThrow().check()).contains("MAX_ORDER_QUANTITY");
        assertThat(f.stored(rejected.id()).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(f.broker.placedOrders()).isEmpty();
    }

    @Test
    void the_observer_is_told_each_risk_decision_and_how_long_the_checks_took() {
        f.riskLimits.saveLimits(
                ACCOUNT, RiskLimits.builder().maxOrderQuantity(5).build());
        List<RiskDecision> decisions = new CopyOnWriteArrayList<>();
        List<Long> durations = new CopyOnWriteArrayList<>();
        f.observer = (decision, nanos) -> {
            decisions.add(decision);
            durations.add(nanos);
        };
        f.start();

        f.submitAccepted(buy(5, "100").build());
        f.submit(buy(10, "100").build());

        assertThat(decisions)
                .extracting(RiskDecision::rejectedBy)
                .containsExactly(Optional.empty(), Optional.of("MAX_ORDER_QUANTITY"));
        assertThat(durations).allMatch(nanos -> nanos >= 0);
    }

    @Test
    void an_observer_that_throws_changes_no_outcome() {
        f.riskLimits.saveLimits(
                ACCOUNT, RiskLimits.builder().maxOrderQuantity(5).build());
        f.observer = (decision, nanos) -> {
            throw new IllegalStateException("broken metrics");
        };
        f.start();

        Order accepted = f.submitAccepted(buy(5, "100").build());
        OrderCommandResult refused = f.submit(buy(10, "100").build());

        assertThat(f.awaitStatus(accepted.id(), OrderStatus.ACCEPTED).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(refused).isInstanceOf(OrderCommandResult.Rejected.class);
    }

    @Test
    void an_invalid_request_stores_nothing_and_names_the_field() {
        f.start();

        OrderCommandResult result = f.submit(buy(10, "100.03").build());

        assertThat(result).isInstanceOfSatisfying(OrderCommandResult.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo(FailureCode.VALIDATION_INVALID_REQUEST);
            assertThat(failed.message()).startsWith("price:");
        });
        assertThat(f.store.readAfter(0, 100)).isEmpty();
    }

    @Test
    void a_repeated_client_order_id_returns_the_existing_order() {
        f.start();
        ClientOrderId id = ClientOrderId.of("CLIENT-1");
        SubmitOrder submit = new SubmitOrder(buy(10, "100").build(), Optional.of(id));

        OrderCommandResult first = get(f.engine.submit(submit));
        OrderCommandResult second = get(f.engine.submit(submit));

        assertThat(first).isInstanceOf(OrderCommandResult.Accepted.class);
        assertThat(second).isInstanceOfSatisfying(OrderCommandResult.Accepted.class, a -> assertThat(
                        a.order().id())
                .isEqualTo(id));
        f.awaitStatus(id, OrderStatus.ACCEPTED);
        assertThat(f.broker.placedOrders()).hasSize(1);
        assertThat(f.store.findOpenOrders()).hasSize(1);
    }

    @Test
    void a_journal_failure_refuses_the_order_sends_nothing_and_the_next_command_works() {
        f.start();
        Order before = f.submitAcknowledged(buy(10, "100").build());

        f.store.failNextAppends(1);
        OrderCommandResult failed = f.submit(buy(5, "100").build());

        assertThat(failed).isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> {
            assertThat(r.code()).isEqualTo(FailureCode.JOURNAL_UNAVAILABLE);
            assertThat(r.message()).contains("injected journal failure");
        });
        EngineSnapshot snapshot = f.sync();
        assertThat(snapshot.orders()).extracting(Order::id).containsExactly(before.id());
        assertThat(f.broker.placedOrders()).hasSize(1);

        Order next = f.submitAcknowledged(buy(5, "100").build());
        assertThat(f.broker.placedOrders()).hasSize(2);
        assertThat(f.sync().orders()).extracting(Order::id).containsExactly(before.id(), next.id());
    }

    @Test
    void a_journal_failure_on_a_fill_leaves_memory_equal_to_the_stores() {
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").build());

        f.store.failNextAppends(1);
        f.engine.tradeReported(BROKER, f.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 4, "100"));
        EngineSnapshot snapshot = f.sync();

        assertThat(snapshot.orders()).singleElement().isEqualTo(f.stored(order.id()));
        assertThat(snapshot.positions()).isEmpty();
        f.fill(order, "T1", 4, "100");
        assertThat(f.stored(order.id()).filledQuantity()).isEqualTo(Quantity.of(4));
    }

    @Test
    void a_broker_rejection_rejects_the_order() {
        f.broker.nextPlace(BrokerResult.rejected("insufficient funds"));
        f.start();

        Order order = f.submitAccepted(buy(10, "100").build());

        Order rejected = f.awaitStatus(order.id(), OrderStatus.REJECTED);
        assertThat(rejected.rejection().orElseThrow().source()).isEqualTo(RejectionSource.BROKER);
        assertThat(rejected.rejection().orElseThrow().reason()).isEqualTo("insufficient funds");
    }

    @Test
    void an_unknown_submit_is_recorded_never_resent_and_refuses_the_same_account_and_instrument() {
        f.broker.nextPlace(BrokerResult.outcomeUnknown("read timed out"));
        f.start();

        Order order = f.submitAccepted(buy(10, "100").build());
        EngineHarness.await(() -> f.stored(order.id()).outcomeUnknown().isPresent(), "unknown outcome");

        Order unknown = f.stored(order.id());
        assertThat(unknown.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(unknown.outcomeUnknown().orElseThrow().operation()).isEqualTo(UnknownOperation.SUBMIT);
        assertThat(f.submit(buy(1, "100").build())).isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> {
            assertThat(r.code()).isEqualTo(FailureCode.BROKER_OUTCOME_UNKNOWN_HOLD);
            assertThat(r.message()).contains(order.id().value()).contains("read timed out");
        });
        assertThat(f.submit(buy(1, "200").instrument(TCS).build())).isInstanceOf(OrderCommandResult.Accepted.class);
        assertThat(f.publisher.ofType(OmsEvent.Alert.class)).isNotEmpty();

        OrderCommandResult resolved = get(f.engine.resolveUnknown(
                order.id(),
                Optional.of(brokerOrder("B9", Optional.of(order.id()), Side.BUY, 10, 0, 0, OrderStatus.ACCEPTED))));

        assertThat(resolved).isInstanceOfSatisfying(OrderCommandResult.Accepted.class, a -> {
            assertThat(a.order().status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(a.order().outcomeUnknown()).isEmpty();
        });
        assertThat(f.broker.placedOrders()).extracting(Order::id).containsOnlyOnce(order.id());
        assertThat(f.submit(buy(1, "100").build())).isInstanceOf(OrderCommandResult.Accepted.class);
    }

    @Test
    void under_the_hold_policy_a_new_order_waits_for_the_unknown_to_resolve() {
        f.broker.nextPlace(BrokerResult.outcomeUnknown("connection reset"));
        f.start(EngineHarness.config()
                .unknownOutcomePolicy(UnknownOutcomePolicy.HOLD)
                .build());
        Order order = f.submitAccepted(buy(10, "100").build());
        EngineHarness.await(() -> f.stored(order.id()).outcomeUnknown().isPresent(), "unknown outcome");

        var held = f.engine.submit(SubmitOrder.of(buy(1, "100").build()));
        f.sync();
        assertThat(held).isNotDone();

        get(f.engine.resolveUnknown(order.id(), Optional.empty()));

        assertThat(f.stored(order.id()).status()).isEqualTo(OrderStatus.ERROR);
        assertThat(get(held)).isInstanceOf(OrderCommandResult.Accepted.class);
    }

    @Test
    void a_rate_limited_submit_is_retried_and_then_succeeds() {
        f.broker.nextPlace(BrokerResult.rateLimited(Optional.of(Duration.ofMillis(200)), "429"));
        f.start();

        Order order = f.submitAcknowledged(buy(10, "100").build());

        assertThat(f.broker.placedOrders()).hasSize(2);
        assertThat(f.rateLimits.penalties).containsExactly(Duration.ofMillis(200));
        assertThat(order.brokerOrderId()).isPresent();
    }

    @Test
    void a_submit_rate_limited_beyond_the_wait_is_rejected_with_the_reason() {
        f.broker.nextPlace(BrokerResult.rateLimited(Optional.of(Duration.ofSeconds(3)), "429 too many requests"));
        f.start();

        Order order = f.submitAccepted(buy(10, "100").build());

        Order rejected = f.awaitStatus(order.id(), OrderStatus.REJECTED);
        assertThat(rejected.rejection().orElseThrow().reason())
                .contains("rate-limited")
                .contains("429");
    }

    @Test
    void duplicated_and_out_of_order_updates_leave_exact_fills() {
        f.broker.nextPlace(BrokerResult.outcomeUnknown("timeout"));
        f.start();
        Order order = f.submitAccepted(buy(10, "100").build());
        EngineHarness.await(() -> f.stored(order.id()).outcomeUnknown().isPresent(), "unknown outcome");
        BrokerOrderId brokerId = BrokerOrderId.of("B7");

        // The fill arrives before any acknowledgement, then twice more.
        f.engine.tradeReported(BROKER, f.trade(brokerId, Side.BUY, "T1", 4, "100"));
        f.engine.orderUpdated(
                BROKER, brokerOrder("B7", Optional.of(order.id()), Side.BUY, 10, 4, 0, OrderStatus.PARTIALLY_FILLED));
        f.engine.tradeReported(BROKER, f.trade(brokerId, Side.BUY, "T1", 4, "100"));
        f.engine.orderUpdated(
                BROKER, brokerOrder("B7", Optional.of(order.id()), Side.BUY, 10, 0, 0, OrderStatus.ACCEPTED));
        f.engine.tradeReported(BROKER, f.trade(brokerId, Side.BUY, "T2", 6, "100"));
        f.engine.tradeReported(BROKER, f.trade(brokerId, Side.BUY, "T2", 6, "100"));
        // An acknowledgement and a cancel after the fill are stale.
        f.engine.orderUpdated(
                BROKER, brokerOrder("B7", Optional.of(order.id()), Side.BUY, 10, 0, 10, OrderStatus.CANCELLED));
        f.sync();

        Order filled = f.stored(order.id());
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.fills()).hasSize(2);
        assertThat(filled.outcomeUnknown()).isEmpty();
        assertThat(f.engine.positions(ACCOUNT, false)).singleElement().satisfies(p -> assertThat(p.signedQuantity())
                .isEqualByComparingTo("10"));
    }

    @Test
    void a_late_fill_after_the_cancel_reaches_the_position() {
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").build());

        assertThat(get(f.engine.cancel(new CancelOrder(order.id())))).isInstanceOf(OrderCommandResult.Accepted.class);
        f.awaitStatus(order.id(), OrderStatus.CANCELLED);
        f.fill(order, "T1", 3, "100");

        Order cancelled = f.stored(order.id());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.filledQuantity()).isEqualTo(Quantity.of(3));
        assertThat(f.engine.positions(ACCOUNT, false)).singleElement().satisfies(p -> assertThat(p.signedQuantity())
                .isEqualByComparingTo("3"));
    }

    @Test
    void a_fill_racing_the_cancel_completes_the_order_and_the_cancel_answer_is_stale() {
        f.broker.nextCancel(BrokerResult.rejected("order already complete"));
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").build());

        get(f.engine.cancel(new CancelOrder(order.id())));
        f.fill(order, "T1", 10, "100");
        EngineHarness.await(() -> f.broker.cancelledOrders().size() == 1, "cancel sent");
        f.sync();

        assertThat(f.stored(order.id()).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.engine.positions(ACCOUNT, false)).hasSize(1);
    }

    @Test
    void a_cancel_of_an_order_not_yet_acknowledged_waits_for_the_acknowledgement() {
        f.broker.nextPlace(BrokerResult.outcomeUnknown("timeout"));
        f.start();
        Order order = f.submitAccepted(buy(10, "100").build());
        EngineHarness.await(() -> f.stored(order.id()).outcomeUnknown().isPresent(), "unknown outcome");

        get(f.engine.cancel(new CancelOrder(order.id())));
        assertThat(f.broker.cancelledOrders()).isEmpty();
        f.engine.orderUpdated(
                BROKER, brokerOrder("B5", Optional.of(order.id()), Side.BUY, 10, 0, 0, OrderStatus.ACCEPTED));

        f.awaitStatus(order.id(), OrderStatus.CANCELLED);
        assertThat(f.broker.cancelledOrders()).singleElement().satisfies(o -> assertThat(o.brokerOrderId())
                .contains(BrokerOrderId.of("B5")));
    }

    @Test
    void a_cancel_waiting_for_the_acknowledgement_is_sent_with_it_after_a_restart() {
        f.broker.nextPlace(BrokerResult.outcomeUnknown("timeout"));
        f.start();
        Order order = f.submitAccepted(buy(10, "100").build());
        EngineHarness.await(() -> f.stored(order.id()).outcomeUnknown().isPresent(), "unknown outcome");
        get(f.engine.cancel(new CancelOrder(order.id())));
        f.sync();

        f = f.restart();
        f.engine.orderUpdated(
                BROKER, brokerOrder("B5", Optional.of(order.id()), Side.BUY, 10, 0, 0, OrderStatus.ACCEPTED));

        f.awaitStatus(order.id(), OrderStatus.CANCELLED);
        assertThat(f.broker.cancelledOrders()).singleElement().satisfies(o -> assertThat(o.brokerOrderId())
                .contains(BrokerOrderId.of("B5")));
    }

    @Test
    void a_modify_then_a_fill_of_the_new_quantity() {
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").build());

        OrderCommandResult modified =
                get(f.engine.modify(new ModifyOrder(order.id(), OrderModification.quantity(Quantity.of(15)))));
        assertThat(modified).isInstanceOfSatisfying(OrderCommandResult.Accepted.class, a -> assertThat(
                        a.order().status())
                .isEqualTo(OrderStatus.PENDING_MODIFY));
        f.awaitStatus(order.id(), OrderStatus.ACCEPTED);
        f.fill(order, "T1", 15, "100");

        Order filled = f.stored(order.id());
        assertThat(filled.quantity()).isEqualTo(Quantity.of(15));
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.rateLimits.acquired).contains("MODIFICATIONS:NORMAL");
    }

    @Test
    void the_modification_budget_refuses_once_spent() {
        f.start(EngineHarness.config().modificationBudgetPerOrder(1).build());
        Order order = f.submitAcknowledged(buy(10, "100").build());
        get(f.engine.modify(new ModifyOrder(order.id(), OrderModification.limitPrice(Price.of("99")))));
        f.awaitStatus(order.id(), OrderStatus.ACCEPTED);

        OrderCommandResult second =
                get(f.engine.modify(new ModifyOrder(order.id(), OrderModification.limitPrice(Price.of("98")))));

        assertThat(second).isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> assertThat(r.code())
                .isEqualTo(FailureCode.BROKER_MODIFICATION_BUDGET_SPENT));
    }

    @Test
    void cancels_of_unknown_or_final_orders_are_refused_with_their_code() {
        f.start();
        assertThat(get(f.engine.cancel(new CancelOrder(ClientOrderId.of("NOPE")))))
                .isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> assertThat(r.code())
                        .isEqualTo(FailureCode.VALIDATION_ORDER_NOT_FOUND));
        Order order = f.submitAcknowledged(buy(10, "100").build());
        f.fill(order, "T1", 10, "100");

        assertThat(get(f.engine.cancel(new CancelOrder(order.id()))))
                .isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> assertThat(r.code())
                        .isEqualTo(FailureCode.VALIDATION_ORDER_NOT_CANCELLABLE));
        assertThat(get(f.engine.modify(new ModifyOrder(order.id(), OrderModification.limitPrice(Price.of("99"))))))
                .isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> assertThat(r.code())
                        .isEqualTo(FailureCode.VALIDATION_ORDER_NOT_MODIFIABLE));
    }

    @Test
    void an_order_placed_outside_openoms_is_adopted_and_its_fills_reach_positions() {
        f.start();

        f.engine.orderUpdated(BROKER, brokerOrder("X1", Optional.empty(), Side.SELL, 5, 0, 0, OrderStatus.ACCEPTED));
        f.engine.tradeReported(BROKER, f.trade(BrokerOrderId.of("X1"), Side.SELL, "XT1", 5, "101"));
        f.sync();

        Order adopted = f.engine.orderByBrokerOrderId(BrokerOrderId.of("X1")).orElseThrow();
        assertThat(adopted.strategy()).isEqualTo(TradingEngine.EXTERNAL_STRATEGY);
        assertThat(adopted.account()).isEqualTo(ACCOUNT);
        assertThat(adopted.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.engine.positions(ACCOUNT, false)).singleElement().satisfies(p -> assertThat(p.signedQuantity())
                .isEqualByComparingTo("-5"));
        assertThat(f.reconciliationLog.latest(10)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FOREIGN_ORDER);
            assertThat(finding.action())
                    .contains("adopted")
                    .contains(adopted.id().value());
        });
    }

    @Test
    void a_malformed_payload_is_quarantined_with_an_alert_and_never_applied() {
        f.start(EngineHarness.config().maxQuarantinedPayloadChars(100).build());
        String huge = "{\"order_id\":" + "9".repeat(500);

        f.engine.malformedPayload(BROKER, huge, "unparseable JSON");
        f.sync();

        ReconciliationFinding finding = f.reconciliationLog.latest(1).get(0);
        assertThat(finding.kind()).isEqualTo(FindingKind.MALFORMED_PAYLOAD);
        assertThat(finding.expected()).isEqualTo("unparseable JSON");
        assertThat(finding.actual())
                .startsWith("{\"order_id\":")
                .contains("truncated")
                .hasSizeLessThan(200);
        assertThat(f.publisher.ofType(OmsEvent.Alert.class))
                .singleElement()
                .satisfies(alert -> assertThat(alert.rawPayload()).isPresent());
        assertThat(f.store.readAfter(0, 10)).isEmpty();
        assertThat(f.submitAccepted(buy(1, "100").build())).isNotNull();
    }

    @Test
    void the_kill_switch_refuses_new_orders_but_lets_a_reduce_only_exit_through() {
        f.start();
        Order entry = f.submitAcknowledged(buy(10, "100").build());
        f.fill(entry, "T1", 10, "100");

        get(f.engine.setTradingState(ACCOUNT, TradingState.HALTED, "loss limit", "admin"));
        assertThat(f.riskLimits.tradingState(ACCOUNT).orElseThrow().state()).isEqualTo(TradingState.HALTED);
        assertThat(f.publisher.ofType(OmsEvent.TradingStateChanged.class)).hasSize(1);

        assertThat(f.submit(buy(1, "100").build()))
                .isInstanceOfSatisfying(OrderCommandResult.Rejected.class, r -> assertThat(
                                r.order().rejection().orElseThrow().check())
                        .contains("TRADING_STATE"));
        Order exit = f.submitAccepted(buy(4, "100").sell().reduceOnly(true).build());
        f.awaitStatus(exit.id(), OrderStatus.ACCEPTED);
        assertThat(f.rateLimits.acquired).contains("ORDERS:REDUCING");

        get(f.engine.setTradingState(ACCOUNT, TradingState.REDUCING, "calm down", "admin"));
        assertThat(f.submit(buy(1, "100").build())).isInstanceOf(OrderCommandResult.Rejected.class);
        assertThat(f.submit(buy(2, "100").sell().build())).isInstanceOf(OrderCommandResult.Accepted.class);
    }

    @Test
    void the_days_loss_resets_at_the_session_start_not_after_24_hours() {
        f.riskLimits.saveLimits(
                ACCOUNT,
                RiskLimits.builder()
                        .dailyLossLimit(50)
                        .enforceMarketHours(false)
                        .checkBuyingPower(false)
                        .build());
        f.start();
        Order entry = f.submitAcknowledged(buy(10, "100").build());
        f.fill(entry, "T1", 10, "100");
        get(f.engine.timerTick());
        f.marketData.setLastPrice(INFY, Price.of(90)); // a loss of 100 today

        assertThat(f.submit(buy(1, "90").build()))
                .isInstanceOfSatisfying(OrderCommandResult.Rejected.class, r -> assertThat(
                                r.order().rejection().orElseThrow().check())
                        .contains("DAILY_LOSS_LIMIT"));

        // 08:00 the next morning in Mumbai is still the same trading day (before the 09:15 open).
        f.clock.set(T0.plus(Duration.ofHours(22)));
        get(f.engine.timerTick());
        assertThat(f.submit(buy(1, "90").build())).isInstanceOf(OrderCommandResult.Rejected.class);

        // 09:15 the next day the session opens: the day's P&L starts from zero.
        f.clock.set(java.time.Instant.parse("2024-03-05T03:45:00Z"));
        get(f.engine.timerTick());
        assertThat(f.submit(buy(1, "90").build())).isInstanceOf(OrderCommandResult.Accepted.class);
    }

    @Test
    void the_days_pnl_and_its_peak_are_readable_after_a_tick() {
        f.start();
        assertThat(f.engine.dayPnl(ACCOUNT)).isEmpty();
        Order entry = f.submitAcknowledged(buy(10, "100").build());
        f.fill(entry, "T1", 10, "100");
        get(f.engine.timerTick());
        f.marketData.setLastPrice(INFY, Price.of(110));
        get(f.engine.timerTick());
        f.marketData.setLastPrice(INFY, Price.of(95));
        get(f.engine.timerTick());

        DayPnl day = f.engine.dayPnl(ACCOUNT).orElseThrow();
        assertThat(day.pnl()).isEqualTo(Money.of(-50));
        assertThat(day.peak()).isEqualTo(Money.of(100));
        assertThat(day.drawdown()).isEqualTo(Money.of(150));
        assertThat(day.observedAt()).isEqualTo(T0);

        f.clock.set(java.time.Instant.parse("2024-03-05T03:45:00Z"));
        get(f.engine.timerTick());
        DayPnl next = f.engine.dayPnl(ACCOUNT).orElseThrow();
        assertThat(next.dayStart()).isEqualTo(java.time.Instant.parse("2024-03-05T03:45:00Z"));
        assertThat(next.pnl()).isEqualTo(Money.ZERO);
        assertThat(next.peak()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_restarted_engine_on_the_same_stores_has_the_same_state() {
        f.start();
        Order filled = f.submitAcknowledged(buy(10, "100").build());
        f.fill(filled, "T1", 10, "100");
        Order working = f.submitAcknowledged(buy(5, "99").build());
        f.fill(working, "T2", 2, "99");
        EngineSnapshot before = f.sync();

        f = f.restart();
        EngineSnapshot after = f.sync();

        assertThat(after.positions()).isEqualTo(before.positions());
        assertThat(after.orders()).containsExactly(f.stored(working.id()));
        assertThat(before.orders()).contains(after.orders().get(0));
        f.fill(working, "T3", 3, "99");
        assertThat(f.stored(working.id()).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_rate_limit_refusal_rejects_the_order_with_the_reason() {
        f.start();
        f.rateLimits.refuseWith = Optional.of("daily order budget spent");

        Order order = f.submitAccepted(buy(10, "100").build());

        Order rejected = f.awaitStatus(order.id(), OrderStatus.REJECTED);
        assertThat(rejected.rejection().orElseThrow().reason()).contains("daily order budget spent");
        assertThat(f.broker.placedOrders()).isEmpty();
    }

    @Test
    void an_order_found_pending_submission_at_start_up_is_an_unknown_submit_and_is_not_resent() {
        OrderManager manager = new OrderManager();
        ClientOrderId id = ClientOrderId.of("O-PENDING");
        List<OrderEvent> events = new java.util.ArrayList<>();
        events.addAll(manager.create(id, buy(10, "100").build(), Optional.empty(), T0));
        events.addAll(manager.release(id, T0));
        get(f.store.append(new JournalBatch(events, List.of(manager.get(id)), List.of())));

        f.start();

        Order order = f.stored(id);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_SUBMISSION);
        assertThat(order.outcomeUnknown().orElseThrow().operation()).isEqualTo(UnknownOperation.SUBMIT);
        f.sync();
        assertThat(f.broker.placedOrders()).isEmpty();
        assertThat(f.submit(buy(1, "100").build())).isInstanceOf(OrderCommandResult.Failed.class);
    }

    @Test
    void a_full_queue_refuses_with_busy_at_once() throws Exception {
        BlockingJournal journal = new BlockingJournal(f.store);
        f.start(EngineHarness.config().queueCapacity(1).maxCommandsPerBatch(1).build(), journal);

        var first = f.engine.submit(SubmitOrder.of(buy(1, "100").build()));
        journal.entered.await();
        var second = f.engine.submit(SubmitOrder.of(buy(1, "100").build()));
        var third = f.engine.submit(SubmitOrder.of(buy(1, "100").build()));

        assertThat(third.getNow(null)).isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> assertThat(r.code())
                .isEqualTo(FailureCode.ENGINE_BUSY));
        journal.release.countDown();
        assertThat(get(first)).isInstanceOf(OrderCommandResult.Accepted.class);
        assertThat(get(second)).isInstanceOf(OrderCommandResult.Accepted.class);
    }

    @Test
    void at_queue_capacity_submits_and_modifies_are_busy_while_a_cancel_and_the_kill_switch_still_get_in()
            throws Exception {
        BlockingJournal journal = BlockingJournal.disarmed(f.store);
        f.start(EngineHarness.config().queueCapacity(1).maxCommandsPerBatch(1).build(), journal);
        Order resting = f.submitAcknowledged(buy(1, "100").build());
        journal.arm();

        var inFlight = f.engine.submit(SubmitOrder.of(buy(1, "100").build()));
        journal.entered.await();
        var queued = f.engine.submit(SubmitOrder.of(buy(1, "100").build()));
        var busySubmit = f.engine.submit(SubmitOrder.of(buy(1, "100").build()));
        var busyModify = f.engine.modify(
                new ModifyOrder(resting.id(), io.openoms.domain.order.OrderModification.quantity(Quantity.of(2))));
        var cancel = f.engine.cancel(new CancelOrder(resting.id()));
        var halt = f.engine.setTradingState(ACCOUNT, TradingState.HALTED, "overload drill", "ops");

        assertThat(busySubmit.getNow(null))
                .isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> assertThat(r.code())
                        .isEqualTo(FailureCode.ENGINE_BUSY));
        assertThat(busyModify.getNow(null))
                .isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> assertThat(r.code())
                        .isEqualTo(FailureCode.ENGINE_BUSY));
        assertThat(cancel.isDone()).isFalse();
        journal.release.countDown();
        assertThat(get(inFlight)).isInstanceOf(OrderCommandResult.Accepted.class);
        assertThat(get(queued)).isInstanceOf(OrderCommandResult.Accepted.class);
        assertThat(get(cancel)).isInstanceOf(OrderCommandResult.Accepted.class);
        assertThat(get(halt)).isInstanceOfSatisfying(TradingStateResult.Changed.class, r -> assertThat(
                        r.change().state())
                .isEqualTo(TradingState.HALTED));
        f.awaitStatus(resting.id(), OrderStatus.CANCELLED);
        assertThat(f.stored(resting.id()).quantity()).isEqualTo(Quantity.of(1));
    }

    @Test
    void an_engine_thread_killed_by_an_error_reports_not_running_and_refuses_what_follows() {
        io.openoms.domain.port.out.Journal dying = new io.openoms.domain.port.out.Journal() {
            @Override
            public CompletableFuture<Void> append(JournalBatch batch) {
                throw new StackOverflowError("injected: the engine thread dies");
            }

            @Override
            public List<io.openoms.domain.port.out.JournalRecord> eventsOf(io.openoms.domain.order.ClientOrderId id) {
                return f.store.eventsOf(id);
            }

            @Override
            public List<io.openoms.domain.port.out.JournalRecord> readAfter(long afterSequence, int limit) {
                return f.store.readAfter(afterSequence, limit);
            }
        };
        f.start(EngineHarness.config().build(), dying);
        assertThat(f.engine.isRunning()).isTrue();

        var first = f.engine.submit(SubmitOrder.of(buy(1, "100").build()));

        assertThat(get(first)).isInstanceOf(OrderCommandResult.Failed.class);
        EngineHarness.await(() -> !f.engine.isRunning(), "the engine to report its thread gone");
        assertThat(get(f.engine.submit(SubmitOrder.of(buy(1, "100").build()))))
                .isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> assertThat(r.code())
                        .isEqualTo(FailureCode.ENGINE_STOPPED));
        assertThat(f.broker.placedOrders()).isEmpty();
    }

    @Test
    void after_stop_commands_are_refused() {
        f.start();
        f.engine.stop();

        assertThat(get(f.engine.submit(SubmitOrder.of(buy(1, "100").build()))))
                .isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> assertThat(r.code())
                        .isEqualTo(FailureCode.ENGINE_STOPPED));
    }

    @Test
    void after_stop_cancel_all_limits_and_the_kill_switch_answer_engine_stopped_as_results() {
        f.start();
        f.engine.stop();

        assertThat(get(f.engine.cancelAll(CancelAllOrders.everything())))
                .isInstanceOfSatisfying(
                        CancelAllResult.Failed.class, r -> assertThat(r.code()).isEqualTo(FailureCode.ENGINE_STOPPED));
        assertThat(get(f.engine.replaceLimits(ACCOUNT, RiskLimits.defaults(), "admin")))
                .isInstanceOfSatisfying(LimitsChangeResult.Failed.class, r -> assertThat(r.code())
                        .isEqualTo(FailureCode.ENGINE_STOPPED));
        assertThat(get(f.engine.setTradingState(ACCOUNT, TradingState.HALTED, "drill", "ops")))
                .isInstanceOfSatisfying(TradingStateResult.Failed.class, r -> assertThat(r.code())
                        .isEqualTo(FailureCode.ENGINE_STOPPED));
    }

    @Test
    void an_order_request_that_makes_no_sense_names_its_field_as_data() {
        f.start();

        assertThat(f.submit(buy(1, "100.03").build())).isInstanceOfSatisfying(OrderCommandResult.Failed.class, r -> {
            assertThat(r.code()).isEqualTo(FailureCode.VALIDATION_INVALID_REQUEST);
            assertThat(r.fields()).containsOnlyKeys("price");
            assertThat(r.message()).isEqualTo("price: " + r.fields().get("price"));
        });
    }

    @Test
    void replaced_limits_are_saved_and_apply_to_the_next_order() {
        f.start();
        get(f.engine.replaceLimits(
                ACCOUNT, RiskLimits.builder().maxOrderNotional(500).build(), "admin"));

        assertThat(f.engine.limits(ACCOUNT).maxOrderNotional()).contains(Money.of(500));
        assertThat(f.riskLimits.limits(ACCOUNT)).isPresent();
        assertThat(f.submit(buy(10, "100").build())).isInstanceOf(OrderCommandResult.Rejected.class);
        assertThat(f.engine.portfolio(ACCOUNT).totals().totalPnl()).isEqualTo(Money.ZERO);
    }

    @Test
    void due_orders_are_cancelled_at_the_broker_and_recorded_expired() {
        f.start();
        Order order = f.submitAcknowledged(
                buy(10, "100").expiresIn(Duration.ofMinutes(5)).build());
        f.clock.advance(Duration.ofMinutes(6));

        assertThat(get(f.engine.expireDue())).containsExactly(order.id());

        f.awaitStatus(order.id(), OrderStatus.EXPIRED);
    }

    @Test
    void a_retry_repeating_the_order_as_first_submitted_returns_it_even_after_a_modify() {
        f.start();
        ClientOrderId id = ClientOrderId.of("retry-after-modify");
        SubmitOrder original = new SubmitOrder(buy(10, "100").build(), Optional.of(id));
        assertThat(get(f.engine.submit(original))).isInstanceOf(OrderCommandResult.Accepted.class);
        f.awaitStatus(id, OrderStatus.ACCEPTED);
        get(f.engine.modify(new ModifyOrder(id, OrderModification.limitPrice(Price.of(99)))));
        Order modified = f.awaitStatus(id, OrderStatus.ACCEPTED);
        assertThat(modified.limitPrice()).contains(Price.of(99));

        OrderCommandResult retry = get(f.engine.submit(original));
        OrderCommandResult asModified =
                get(f.engine.submit(new SubmitOrder(buy(10, "99").build(), Optional.of(id))));
        OrderCommandResult otherSide =
                get(f.engine.submit(new SubmitOrder(buy(10, "100").sell().build(), Optional.of(id))));

        assertThat(retry).isInstanceOfSatisfying(OrderCommandResult.Accepted.class, accepted -> assertThat(
                        accepted.order().limitPrice())
                .contains(Price.of(99)));
        for (OrderCommandResult conflict : List.of(asModified, otherSide)) {
            assertThat(conflict)
                    .isInstanceOfSatisfying(OrderCommandResult.Failed.class, failed -> assertThat(failed.code())
                            .isEqualTo(FailureCode.VALIDATION_CLIENT_ORDER_ID_CONFLICT));
        }
        assertThat(f.broker.placedOrders()).hasSize(1);
    }
}
