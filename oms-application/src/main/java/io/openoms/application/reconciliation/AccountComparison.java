package io.openoms.application.reconciliation;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.EngineControl;
import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.position.Position;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The differences one account can show against its broker, each with its fix: orders to adopt, fills
 * we lack, orders the broker closed or does not know, and net positions. Each method records its
 * finding in the {@link ReconciliationRun} (which acts on the fix by policy) and answers whether the
 * engine's state changed. Stateless; one run, one thread.
 */
final class AccountComparison {
    private record PositionSubject(InstrumentId instrument, Product product) {
        @Override
        public String toString() {
            return "position " + instrument + " " + product;
        }
    }

    private final EngineControl engine;
    private final ReconciliationConfig config;
    private final KillSwitchSignals signals;

    AccountComparison(EngineControl engine, ReconciliationConfig config, KillSwitchSignals signals) {
        this.engine = requireNonNull(engine, "engine is null");
        this.config = requireNonNull(config, "config is null");
        this.signals = requireNonNull(signals, "signals is null");
    }

    /**
     * Under {@code trust_broker} the order monitor closes an order the broker does not know, on the
     * evidence of its own look-ups by id (stronger than absence from the day's list); under the other
     * policies closing it is this run's fix: proposed for an admin, or an alert each run.
     */
    void missingAtBroker(AccountId account, Order order, ReconciliationRun run) {
        String subject = "order " + order.id();
        String ourView = order.status() + " as " + order.brokerOrderId().orElseThrow() + ", filled "
                + order.filledQuantity() + " of " + order.quantity();
        String actual = "not among the broker's orders of the day";
        if (config.policy(account) == ReconciliationPolicy.TRUST_BROKER) {
            run.report(
                    account,
                    FindingKind.ORDER_MISSING_AT_BROKER,
                    subject,
                    ourView,
                    actual,
                    "reported: the order monitor closes it once its look-ups keep finding nothing");
            return;
        }
        ClientOrderId id = order.id();
        run.act(
                account,
                FindingKind.ORDER_MISSING_AT_BROKER,
                subject,
                ourView,
                actual,
                new ReconciliationProposals.Fix(
                        "close it (CANCELLED if its cancel was asked for, else ERROR): it cannot fill at the broker",
                        () -> engine.closeNotKnownAtBroker(
                                        id, "not among the broker's orders of the day; closing approved by an admin")
                                .thenApply(AccountComparison::appliedOrFail)));
    }

    private static OrderCommandResult appliedOrFail(OrderCommandResult result) {
        if (result instanceof OrderCommandResult.Failed failed) {
            throw new IllegalStateException(failed.code() + ": " + failed.message());
        }
        return result;
    }

    /** Rejected orders and orders closed without fills carry no exposure: nothing to adopt. */
    static boolean carriesExposure(BrokerOrder atBroker) {
        return atBroker.status().isOpen() || atBroker.filledQuantity().isPositive();
    }

    boolean adopt(AccountId account, String broker, BrokerOrder atBroker, ReconciliationRun run) {
        boolean tagged = atBroker.clientOrderId().isPresent();
        return run.act(
                account,
                tagged ? FindingKind.UNKNOWN_ORDER : FindingKind.FOREIGN_ORDER,
                "broker order " + atBroker.brokerOrderId(),
                tagged ? "no order " + atBroker.clientOrderId().get() : "no such order",
                describe(atBroker),
                new ReconciliationProposals.Fix(
                        tagged
                                ? "adopt it as order "
                                        + atBroker.clientOrderId().get() + " of strategy "
                                        + EngineControl.EXTERNAL_STRATEGY
                                : "adopt it as an external order of strategy " + EngineControl.EXTERNAL_STRATEGY,
                        () -> engine.applyBrokerSnapshot(broker, atBroker)));
    }

    boolean missingFill(AccountId account, String broker, BrokerTrade trade, AccountView ours, ReconciliationRun run) {
        Optional<Order> order = ours.byBrokerId(trade.brokerOrderId());
        if (order.isPresent() && order.get().hasFill(trade.fill().tradeId())) {
            return false;
        }
        String expected = order.map(o -> "order " + o.id() + " (" + o.status() + ", filled " + o.filledQuantity()
                        + " of " + o.quantity() + ") without it")
                .orElse("no order for broker order " + trade.brokerOrderId());
        return run.act(
                account,
                FindingKind.MISSING_FILL,
                "trade " + trade.fill().tradeId() + " of broker order " + trade.brokerOrderId(),
                expected,
                trade.side() + " " + trade.fill().quantity() + " " + trade.instrument() + " " + trade.product() + " @ "
                        + trade.fill().price() + " at " + trade.fill().executedAt(),
                new ReconciliationProposals.Fix(
                        "record the fill"
                                + order.map(o -> " on order " + o.id()).orElse(""),
                        () -> engine.applyBrokerTrade(broker, trade)));
    }

    boolean compareOrder(AccountId account, String broker, Order order, BrokerOrder atBroker, ReconciliationRun run) {
        String subject = "order " + order.id();
        String ourView = order.status() + ", filled " + order.filledQuantity() + " of " + order.quantity();
        boolean openHere = order.isOpen();
        boolean openThere = atBroker.status().isOpen();
        if (openHere && !openThere) {
            return run.act(
                    account,
                    FindingKind.ORDER_CLOSED_AT_BROKER,
                    subject,
                    ourView,
                    describe(atBroker),
                    new ReconciliationProposals.Fix(
                            "apply the broker's final state " + atBroker.status(),
                            () -> engine.applyBrokerSnapshot(broker, atBroker)));
        }
        if (openHere && order.brokerOrderId().isEmpty()) {
            if (order.outcomeUnknown().isPresent()) {
                return run.act(
                        account,
                        FindingKind.UNKNOWN_ORDER,
                        subject,
                        ourView + ", its submit's outcome unknown",
                        describe(atBroker),
                        new ReconciliationProposals.Fix(
                                "take the broker's view as the evidence for the unknown submit",
                                () -> engine.applyBrokerSnapshot(broker, atBroker)));
            }
            return false; // the place call's answer is on its way; the monitor covers a lost one
        }
        if (!openHere && openThere) {
            run.report(
                    account,
                    FindingKind.UNKNOWN_ORDER,
                    subject,
                    ourView,
                    describe(atBroker),
                    "alert: closed here but live at the broker; a terminal order cannot be reopened, cancel it at"
                            + " the broker");
            run.alerts.add(new OmsEvent.Alert(
                    "reconciliation",
                    "order " + order.id() + " is " + order.status() + " in OpenOMS but live at broker " + broker
                            + " as " + atBroker.brokerOrderId() + ": cancel it at the broker",
                    Optional.empty()));
            return false;
        }
        if (openHere
                && order.pendingModification().isEmpty()
                && order.quantity().compareTo(atBroker.quantity()) != 0) {
            run.report(
                    account,
                    FindingKind.ORDER_QUANTITY_MISMATCH,
                    subject,
                    "quantity " + order.quantity(),
                    "quantity " + atBroker.quantity() + " (" + describe(atBroker) + ")",
                    "reported: an order's quantity is never changed from the broker's view; modify or cancel it");
        }
        if (atBroker.filledQuantity().isLessThan(order.filledQuantity())) {
            run.report(
                    account,
                    FindingKind.ORDER_QUANTITY_MISMATCH,
                    subject,
                    "filled " + order.filledQuantity(),
                    "filled " + atBroker.filledQuantity() + " (" + describe(atBroker) + ")",
                    "reported: fills are never removed");
        }
        return false;
    }

    void comparePositions(AccountId account, List<BrokerPosition> atBroker, AccountView ours, ReconciliationRun run) {
        Map<String, BigDecimal> ourNet = new TreeMap<>();
        Map<String, BigDecimal> brokerNet = new TreeMap<>();
        for (Position position : ours.positions()) {
            String subject = new PositionSubject(
                            position.key().instrument(), position.key().product())
                    .toString();
            ourNet.merge(subject, position.signedQuantity(), BigDecimal::add);
        }
        for (BrokerPosition position : atBroker) {
            String subject = new PositionSubject(position.instrument(), position.product()).toString();
            brokerNet.merge(subject, position.netQuantity(), BigDecimal::add);
        }
        Set<String> subjects = new TreeSet<>(ourNet.keySet());
        subjects.addAll(brokerNet.keySet());
        long missingFills = run.findings.stream()
                .filter(f -> f.account().equals(account) && f.kind() == FindingKind.MISSING_FILL)
                .filter(f -> !f.action().startsWith("applied"))
                .count();
        String action = "reported: positions change only through fills, never by invented ones"
                + (missingFills > 0
                        ? "; " + missingFills + " missing fill(s) of this account await a decision: applying them may"
                                + " resolve it (the next run tells)"
                        : "");
        List<ReconciliationFinding> mismatches = new ArrayList<>();
        for (String subject : subjects) {
            BigDecimal ourQuantity = ourNet.getOrDefault(subject, BigDecimal.ZERO);
            BigDecimal theirs = brokerNet.getOrDefault(subject, BigDecimal.ZERO);
            if (ourQuantity.compareTo(theirs) == 0) {
                continue;
            }
            FindingKind kind = theirs.signum() == 0
                    ? FindingKind.PHANTOM_POSITION
                    : ourQuantity.signum() == 0 ? FindingKind.UNKNOWN_POSITION : FindingKind.POSITION_MISMATCH;
            run.report(
                    account,
                    kind,
                    subject,
                    "net " + ourQuantity.toPlainString(),
                    "net " + theirs.toPlainString(),
                    action);
            mismatches.add(run.findings.get(run.findings.size() - 1));
        }
        signals.positionsReconciled(account, mismatches);
    }

    private static String describe(BrokerOrder o) {
        return o.side() + " " + o.quantity() + " " + o.instrument() + " " + o.type() + " " + o.product() + ", filled "
                + o.filledQuantity() + ", status " + o.brokerStatus()
                + o.tag().map(t -> ", tag " + t).orElse("");
    }
}
