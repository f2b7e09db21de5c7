package io.openoms.application.reconciliation;

import static io.openoms.application.testing.EngineHarness.ACCOUNT;
import static io.openoms.application.testing.EngineHarness.INFY;
import static io.openoms.application.testing.EngineHarness.TCS;
import static io.openoms.application.testing.EngineHarness.brokerOrder;
import static io.openoms.application.testing.EngineHarness.brokerPosition;
import static io.openoms.application.testing.EngineHarness.buy;
import static io.openoms.application.testing.EngineHarness.get;
import static io.openoms.application.testing.EngineHarness.viewOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.application.engine.TradingEngine;
import io.openoms.application.monitor.RecordingSignals;
import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.ReconciliationReport;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconciliationServiceTest {
    private EngineHarness h = new EngineHarness();
    private final RecordingSignals signals = new RecordingSignals();
    private ReconciliationConfig config = ReconciliationConfig.builder().build();

    @AfterEach
    void stop() {
        h.close();
    }

    private ReconciliationService service() {
        return new ReconciliationService(
                h.engine,
                new EngineHarness.SingleBrokerRouter(h.gateway),
                h.rateLimits,
                h.reconciliationLog,
                h.publisher,
                signals,
                h.clock,
                config,
                h.engineConfig);
    }

    private static ReconciliationReport run(ReconciliationService service) {
        return get(service.runNow());
    }

    @Test
    void a_missing_fill_is_applied_once_and_the_second_run_finds_nothing() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.putBrokerOrder(viewOf(order, 4, 0, OrderStatus.PARTIALLY_FILLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 4, "100"));
        h.broker.addPosition(brokerPosition(INFY, 4));
        ReconciliationService service = service();

        ReconciliationReport first = run(service);

        assertThat(first.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.MISSING_FILL);
            assertThat(f.runId()).isEqualTo(first.runId());
            assertThat(f.subject()).contains("T1");
            assertThat(f.expected()).contains(order.id().value());
            assertThat(f.actual()).contains("BUY 4");
            assertThat(f.action()).startsWith("applied");
        });
        assertThat(h.stored(order.id()).filledQuantity()).isEqualTo(Quantity.of(4));
        assertThat(h.engine.positions(ACCOUNT, false)).singleElement().satisfies(p -> assertThat(p.signedQuantity())
                .isEqualByComparingTo("4"));
        assertThat(service.ofRun(first.runId())).isEqualTo(first.findings());
        assertThat(h.publisher.ofType(OmsEvent.ReconciliationFound.class))
                .extracting(OmsEvent.ReconciliationFound::finding)
                .contains(first.findings().get(0));
        assertThat(signals.reconciled).last().asList().isEmpty();

        ReconciliationReport second = run(service);

        assertThat(second.findings()).isEmpty();
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(h.stored(order.id()).fills()).hasSize(1);
    }

    @Test
    void an_order_the_broker_closed_gets_its_final_state() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.putBrokerOrder(viewOf(order, 0, 10, OrderStatus.CANCELLED));
        ReconciliationService service = service();

        ReconciliationReport report = run(service);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.ORDER_CLOSED_AT_BROKER);
            assertThat(f.expected()).contains("ACCEPTED");
            assertThat(f.action()).startsWith("applied");
        });
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(run(service).findings()).isEmpty();
    }

    @Test
    void a_late_fill_for_a_closed_order_is_applied_not_dropped() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        get(h.engine.cancel(new CancelOrder(order.id())));
        h.awaitStatus(order.id(), OrderStatus.CANCELLED);
        h.broker.putBrokerOrder(viewOf(order, 2, 8, OrderStatus.CANCELLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 2, "100"));
        h.broker.addPosition(brokerPosition(INFY, 2));

        ReconciliationReport report = run(service());

        assertThat(report.findings()).extracting(ReconciliationFinding::kind).containsExactly(FindingKind.MISSING_FILL);
        Order after = h.stored(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.filledQuantity()).isEqualTo(Quantity.of(2));
        assertThat(h.engine.positions(ACCOUNT, false)).singleElement().satisfies(p -> assertThat(p.signedQuantity())
                .isEqualByComparingTo("2"));
    }

    @Test
    void a_foreign_order_is_adopted_and_its_fills_reach_positions() {
        h.start();
        h.broker.putBrokerOrder(brokerOrder("X1", Optional.empty(), Side.SELL, 5, 5, 0, OrderStatus.FILLED));
        h.broker.addTrade(h.trade(BrokerOrderId.of("X1"), Side.SELL, "XT1", 5, "101"));
        h.broker.addPosition(brokerPosition(INFY, -5));
        ReconciliationService service = service();

        ReconciliationReport report = run(service);

        assertThat(report.findings())
                .extracting(ReconciliationFinding::kind)
                .containsExactly(FindingKind.FOREIGN_ORDER, FindingKind.MISSING_FILL);
        assertThat(report.findings().get(0).action()).contains("adopt").contains("external");
        Order adopted = h.engine.orderByBrokerOrderId(BrokerOrderId.of("X1")).orElseThrow();
        assertThat(adopted.strategy()).isEqualTo(TradingEngine.EXTERNAL_STRATEGY);
        assertThat(adopted.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(h.engine.positions(ACCOUNT, false)).singleElement().satisfies(p -> assertThat(p.signedQuantity())
                .isEqualByComparingTo("-5"));
        assertThat(run(service).findings()).isEmpty();
    }

    @Test
    void rejected_or_unfilled_closed_foreign_orders_are_not_adopted() {
        h.start();
        h.broker.putBrokerOrder(brokerOrder("X1", Optional.empty(), Side.SELL, 5, 0, 0, OrderStatus.REJECTED));
        h.broker.putBrokerOrder(brokerOrder("X2", Optional.empty(), Side.SELL, 5, 0, 5, OrderStatus.CANCELLED));

        assertThat(run(service()).findings()).isEmpty();
        assertThat(h.engine.orderByBrokerOrderId(BrokerOrderId.of("X1"))).isEmpty();
    }

    @Test
    void an_order_carrying_our_tag_that_we_lost_is_adopted_under_its_id() {
        h.start();
        ClientOrderId lost = ClientOrderId.of("LOST-1");
        h.broker.putBrokerOrder(brokerOrder("B9", Optional.of(lost), Side.BUY, 3, 0, 0, OrderStatus.ACCEPTED));

        ReconciliationReport report = run(service());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNKNOWN_ORDER);
            assertThat(f.action()).contains("LOST-1");
        });
        assertThat(h.stored(lost).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void an_unknown_submit_found_at_the_broker_is_resolved_by_the_run() {
        h.start();
        Order order = h.submitUnknown(buy(10, "100").build());
        h.broker.putBrokerOrder(brokerOrder("B7", Optional.of(order.id()), Side.BUY, 10, 0, 0, OrderStatus.ACCEPTED));

        ReconciliationReport report = run(service());

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNKNOWN_ORDER);
            assertThat(f.expected()).contains("unknown");
        });
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(h.stored(order.id()).outcomeUnknown()).isEmpty();
    }

    @Test
    void phantom_unknown_and_mismatched_positions_are_reported_and_told_to_the_kill_switch() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.fill(order, "T1", 10, "100");
        h.broker.putBrokerOrder(viewOf(order, 10, 0, OrderStatus.FILLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 10, "100"));
        h.broker.addPosition(brokerPosition(TCS, 7));

        ReconciliationReport report = run(service());

        assertThat(report.findings())
                .extracting(ReconciliationFinding::kind)
                .containsExactly(FindingKind.PHANTOM_POSITION, FindingKind.UNKNOWN_POSITION);
        assertThat(report.findings().get(0).subject()).isEqualTo("position NSE:INFY CNC");
        assertThat(report.findings().get(0).expected()).isEqualTo("net 10");
        assertThat(report.findings().get(0).actual()).isEqualTo("net 0");
        assertThat(report.findings().get(0).action()).contains("never by invented ones");
        assertThat(signals.reconciled).last().asList().hasSize(2);
        assertThat(h.engine.positions(ACCOUNT, false)).hasSize(1);

        h.broker.addPosition(brokerPosition(INFY, 6));
        ReconciliationReport next = run(service());
        assertThat(next.findings())
                .extracting(ReconciliationFinding::kind)
                .containsExactly(FindingKind.POSITION_MISMATCH, FindingKind.UNKNOWN_POSITION);
    }

    @Test
    void under_propose_a_fix_waits_for_approval_and_is_applied_once() throws Exception {
        config = ReconciliationConfig.builder()
                .accountPolicy(ACCOUNT, ReconciliationPolicy.PROPOSE)
                .build();
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.putBrokerOrder(viewOf(order, 4, 0, OrderStatus.PARTIALLY_FILLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 4, "100"));
        h.broker.addPosition(brokerPosition(INFY, 4));
        ReconciliationService service = service();

        ReconciliationReport first = run(service);

        String findingId = first.runId() + ":0";
        assertThat(first.findings())
                .extracting(ReconciliationFinding::kind)
                .containsExactly(FindingKind.MISSING_FILL, FindingKind.UNKNOWN_POSITION);
        assertThat(first.findings().get(0).action()).contains("proposed").contains(findingId);
        assertThat(first.findings().get(1).action()).contains("1 missing fill(s)");
        assertThat(h.stored(order.id()).filledQuantity()).isEqualTo(Quantity.ZERO);
        assertThat(service.pendingProposals()).containsExactly(findingId);

        ReconciliationReport second = run(service);
        assertThat(second.findings().get(0).action()).contains("awaiting").contains(findingId);
        assertThat(service.pendingProposals()).containsExactly(findingId);

        ReconciliationFinding decision = get(service.approve(findingId, "alice"));

        assertThat(decision.action()).contains("approved by alice").contains(findingId);
        assertThat(h.stored(order.id()).filledQuantity()).isEqualTo(Quantity.of(4));
        assertThat(service.ofRun(first.runId())).last().isEqualTo(decision);
        assertThat(service.pendingProposals()).isEmpty();
        assertThat(run(service).findings()).isEmpty();
        assertThatThrownBy(() -> service.approve(findingId, "alice").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NoSuchElementException.class);
    }

    @Test
    void under_propose_a_dismissed_fix_is_not_applied() {
        config = ReconciliationConfig.builder()
                .defaultPolicy(ReconciliationPolicy.PROPOSE)
                .build();
        h.start();
        h.broker.putBrokerOrder(brokerOrder("X1", Optional.empty(), Side.SELL, 5, 0, 0, OrderStatus.ACCEPTED));
        ReconciliationService service = service();
        String findingId = run(service).runId() + ":0";

        ReconciliationFinding decision = get(service.dismiss(findingId, "bob"));

        assertThat(decision.action()).contains("dismissed by bob");
        assertThat(h.engine.orderByBrokerOrderId(BrokerOrderId.of("X1"))).isEmpty();
        assertThat(service.latest(1)).containsExactly(decision);
        assertThat(service.dismiss(findingId, "bob")).isCompletedExceptionally();
    }

    @Test
    void a_proposal_whose_difference_is_gone_is_dropped() {
        config = ReconciliationConfig.builder()
                .defaultPolicy(ReconciliationPolicy.PROPOSE)
                .build();
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.putBrokerOrder(viewOf(order, 4, 0, OrderStatus.PARTIALLY_FILLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 4, "100"));
        h.broker.addPosition(brokerPosition(INFY, 4));
        ReconciliationService service = service();
        run(service);
        assertThat(service.pendingProposals()).hasSize(1);

        h.fill(order, "T1", 4, "100"); // the stream delivers it after all

        assertThat(run(service).findings()).isEmpty();
        assertThat(service.pendingProposals()).isEmpty();
    }

    @Test
    void an_approved_fix_the_engine_cannot_apply_stays_proposed() {
        config = ReconciliationConfig.builder()
                .defaultPolicy(ReconciliationPolicy.PROPOSE)
                .build();
        h.start();
        h.broker.putBrokerOrder(brokerOrder("X1", Optional.empty(), Side.SELL, 5, 0, 0, OrderStatus.ACCEPTED));
        ReconciliationService service = service();
        String findingId = run(service).runId() + ":0";
        h.engine.stop();

        assertThatThrownBy(() -> service.approve(findingId, "alice").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("stays proposed");
        assertThat(service.pendingProposals()).containsExactly(findingId);
    }

    @Test
    void with_the_engine_stopped_a_run_finds_and_changes_nothing() {
        h.start();
        h.broker.putBrokerOrder(brokerOrder("X1", Optional.empty(), Side.SELL, 5, 0, 0, OrderStatus.ACCEPTED));
        h.engine.stop();

        assertThat(run(service()).findings()).isEmpty();
    }

    @Test
    void under_propose_an_order_the_broker_does_not_know_is_closed_once_an_admin_approves() {
        config = ReconciliationConfig.builder()
                .defaultPolicy(ReconciliationPolicy.PROPOSE)
                .build();
        h.start();
        Order forgotten = h.submitAcknowledged(buy(10, "100").build());
        ReconciliationService service = service();

        ReconciliationReport first = run(service);
        ReconciliationReport second = run(service);

        String findingId = first.runId() + ":0";
        assertThat(first.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.ORDER_MISSING_AT_BROKER);
            assertThat(f.action()).contains("proposed").contains(findingId).contains("close it");
        });
        assertThat(second.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.action()).contains("awaiting").contains(findingId));
        assertThat(h.stored(forgotten.id()).status()).isEqualTo(OrderStatus.ACCEPTED);

        get(service.approve(findingId, "alice"));

        Order closed = h.stored(forgotten.id());
        assertThat(closed.status()).isEqualTo(OrderStatus.ERROR);
        assertThat(closed.errorReason()).hasValueSatisfying(r -> assertThat(r).contains("approved"));
        assertThat(run(service).findings()).isEmpty();
    }

    @Test
    void under_alert_only_an_order_the_broker_does_not_know_stays_open_and_is_reported_once_a_run() {
        config = ReconciliationConfig.builder()
                .defaultPolicy(ReconciliationPolicy.ALERT_ONLY)
                .build();
        h.start();
        Order forgotten = h.submitAcknowledged(buy(10, "100").build());
        ReconciliationService service = service();

        for (int i = 0; i < 3; i++) {
            assertThat(run(service).findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.ORDER_MISSING_AT_BROKER);
                assertThat(f.action()).startsWith("alert only, not applied: close it");
            });
        }
        assertThat(h.stored(forgotten.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void alert_only_changes_nothing() {
        config = ReconciliationConfig.builder()
                .accountPolicy(ACCOUNT, ReconciliationPolicy.ALERT_ONLY)
                .build();
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.putBrokerOrder(viewOf(order, 4, 6, OrderStatus.CANCELLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 4, "100"));
        h.broker.putBrokerOrder(brokerOrder("X1", Optional.empty(), Side.SELL, 5, 0, 0, OrderStatus.ACCEPTED));
        h.broker.addPosition(brokerPosition(INFY, 4));
        ReconciliationService service = service();

        ReconciliationReport report = run(service);

        assertThat(report.findings())
                .extracting(ReconciliationFinding::kind)
                .contains(
                        FindingKind.FOREIGN_ORDER,
                        FindingKind.MISSING_FILL,
                        FindingKind.ORDER_CLOSED_AT_BROKER,
                        FindingKind.UNKNOWN_POSITION);
        assertThat(report.findings())
                .filteredOn(f -> f.kind() != FindingKind.UNKNOWN_POSITION)
                .allSatisfy(f -> assertThat(f.action()).startsWith("alert only"));
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(h.stored(order.id()).fills()).isEmpty();
        assertThat(h.engine.orderByBrokerOrderId(BrokerOrderId.of("X1"))).isEmpty();
        assertThat(h.engine.positions(ACCOUNT, false)).isEmpty();
        assertThat(service.pendingProposals()).isEmpty();
        assertThat(run(service).findings()).hasSameSizeAs(report.findings());
    }

    @Test
    void order_differences_that_cannot_be_fixed_are_reported() {
        h.start();
        Order open = h.submitAcknowledged(buy(10, "100").build());
        h.fill(open, "T1", 3, "100");
        Order missing = h.submitAcknowledged(buy(5, "100").build());
        Order cancelled = h.submitAcknowledged(buy(2, "100").build());
        get(h.engine.cancel(new CancelOrder(cancelled.id())));
        h.awaitStatus(cancelled.id(), OrderStatus.CANCELLED);
        h.broker.putBrokerOrder(brokerOrder(
                open.brokerOrderId().orElseThrow().value(),
                Optional.of(open.id()),
                Side.BUY,
                12,
                1,
                0,
                OrderStatus.PARTIALLY_FILLED));
        h.broker.putBrokerOrder(viewOf(cancelled, 0, 0, OrderStatus.ACCEPTED));
        h.broker.addTrade(h.trade(open.brokerOrderId().orElseThrow(), Side.BUY, "T1", 3, "100"));
        h.broker.addPosition(brokerPosition(INFY, 3));

        ReconciliationReport report = run(service());

        assertThat(report.findings())
                .extracting(ReconciliationFinding::kind)
                .containsExactlyInAnyOrder(
                        FindingKind.ORDER_QUANTITY_MISMATCH,
                        FindingKind.ORDER_QUANTITY_MISMATCH,
                        FindingKind.UNKNOWN_ORDER,
                        FindingKind.ORDER_MISSING_AT_BROKER);
        assertThat(report.findings())
                .filteredOn(f -> f.kind() == FindingKind.ORDER_MISSING_AT_BROKER)
                .singleElement()
                .satisfies(f -> assertThat(f.subject()).contains(missing.id().value()));
        assertThat(h.publisher.ofType(OmsEvent.Alert.class))
                .anySatisfy(a ->
                        assertThat(a.message()).contains(cancelled.id().value()).contains("live at broker"));
        assertThat(h.stored(open.id()).quantity()).isEqualTo(Quantity.of(10));
    }

    @Test
    void an_account_whose_broker_cannot_be_read_is_left_for_the_next_run() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.broker.putBrokerOrder(viewOf(order, 0, 10, OrderStatus.CANCELLED));
        h.gateway.failQueries(BrokerResult.sessionExpired("token expired"));
        ReconciliationService service = service();

        assertThat(run(service).findings()).isEmpty();
        assertThat(signals.lost).containsExactly("mock: token expired");

        h.gateway.failQueries(BrokerResult.rateLimited(Optional.of(java.time.Duration.ofSeconds(2)), "429"));
        assertThat(run(service).findings()).isEmpty();
        assertThat(h.rateLimits.penalties).containsExactly(java.time.Duration.ofSeconds(2));

        h.gateway.healQueries();
        h.gateway.throwOnQueries(new IllegalStateException("connection refused"));
        assertThat(run(service).findings()).isEmpty();

        h.gateway.healQueries();
        h.rateLimits.refuseWith = Optional.of("budget spent");
        assertThat(run(service).findings()).isEmpty();
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.ACCEPTED);

        h.rateLimits.refuseWith = Optional.empty();
        assertThat(run(service).findings()).singleElement().satisfies(f -> assertThat(f.kind())
                .isEqualTo(FindingKind.ORDER_CLOSED_AT_BROKER));
        assertThat(signals.restored).contains("mock");
    }

    @Test
    void after_a_restart_reconciliation_restores_the_venues_truth() {
        h.start();
        Order order = h.submitAcknowledged(buy(10, "100").build());
        h.fill(order, "T1", 4, "100");
        h = h.restart();
        h.broker.putBrokerOrder(viewOf(order, 10, 0, OrderStatus.FILLED));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T1", 4, "100"));
        h.broker.addTrade(h.trade(order.brokerOrderId().orElseThrow(), Side.BUY, "T2", 6, "100"));
        h.broker.addPosition(brokerPosition(INFY, 10));
        ReconciliationService service = service();

        ReconciliationReport report = run(service);

        assertThat(report.findings()).extracting(ReconciliationFinding::kind).containsExactly(FindingKind.MISSING_FILL);
        assertThat(h.stored(order.id()).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(h.engine.positions(ACCOUNT, false)).singleElement().satisfies(p -> assertThat(p.signedQuantity())
                .isEqualByComparingTo("10"));
        assertThat(run(service).findings()).isEmpty();
    }
}
