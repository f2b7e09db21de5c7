package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.FillOutcome;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.order.UnknownOutcome;
import io.openoms.domain.port.in.ExternalFillResult;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.RecordExternalFill;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What brokers report about orders, whoever asked: order updates (applied idempotently, adopting
 * orders we do not know), trades (parked when they come before their order's acknowledgement),
 * malformed payloads (quarantined), and the resolution of unknown outcomes with the evidence the
 * resolver found. Engine thread only; synchronous.
 */
final class ExecutionReportHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionReportHandler.class);
    static final int MAX_PARKED_TRADES = 10_000;

    private final EngineState state;
    private final OrderRecorder recorder;
    private final ExternalOrderAdopter adopter;
    private final EngineFindings findings;
    private final EngineConfig config;

    ExecutionReportHandler(
            EngineState state,
            OrderRecorder recorder,
            ExternalOrderAdopter adopter,
            EngineFindings findings,
            EngineConfig config) {
        this.state = requireNonNull(state, "state is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.adopter = requireNonNull(adopter, "adopter is null");
        this.findings = requireNonNull(findings, "findings is null");
        this.config = requireNonNull(config, "config is null");
    }

    /**
     * After a restore at start-up: an order found in {@code PENDING_SUBMISSION} may have reached the
     * broker before the stop, so its submit's outcome is unknown (never resent; the resolver looks for
     * it); the cancel of an order found in {@code PENDING_CANCEL} without a broker order id still waits
     * for the acknowledgement. A cancel or modify of an acknowledged order found pending was cut off
     * by the stop: it may or may not have reached the broker, and no answer will come for it, so its
     * outcome is unknown too. The resolver then decides with the broker's view: applied when the
     * broker shows it took effect, else refused after the evidence window, the order working again
     * with the reason; an order the broker no longer knows is closed. Nothing is resent.
     */
    void recordInterruptedRequests(Unit unit, Instant now) {
        OrderManager orders = state.orders();
        for (Order order : orders.openOrders()) {
            if (order.status() == OrderStatus.PENDING_CANCEL
                    && order.brokerOrderId().isEmpty()) {
                state.cancelWhenAcknowledged().add(order.id());
            }
            if (order.outcomeUnknown().isPresent()) {
                continue;
            }
            if (order.status() == OrderStatus.PENDING_SUBMISSION) {
                recordInterrupted(
                        unit,
                        order,
                        UnknownOperation.SUBMIT,
                        "found PENDING_SUBMISSION at start-up: the place call may have reached the broker",
                        now);
            } else if (order.status() == OrderStatus.PENDING_CANCEL
                    && order.brokerOrderId().isPresent()) {
                recordInterrupted(
                        unit,
                        order,
                        UnknownOperation.CANCEL,
                        "found PENDING_CANCEL at start-up: the cancel may not have reached the broker",
                        now);
            } else if (order.status() == OrderStatus.PENDING_MODIFY
                    && order.brokerOrderId().isPresent()) {
                recordInterrupted(
                        unit,
                        order,
                        UnknownOperation.MODIFY,
                        "found PENDING_MODIFY at start-up: the modify may not have reached the broker",
                        now);
            }
        }
    }

    private void recordInterrupted(Unit unit, Order order, UnknownOperation operation, String reason, Instant now) {
        LOG.info("order {}: {}; its outcome is looked up at the broker", order.id(), reason);
        recorder.record(unit, state.orders().recordOutcomeUnknown(order.id(), operation, reason, now));
    }

    void orderUpdate(EngineCommand.OrderUpdate update, Unit unit, Instant now) {
        BrokerOrder atBroker = update.order();
        Optional<Order> ours = inMemory(atBroker)
                .or(() -> state.locateByBrokerId(atBroker.brokerOrderId()))
                .or(() -> atBroker.clientOrderId().flatMap(state::locate));
        if (ours.isPresent()) {
            recorder.applyBrokerView(ours.get(), atBroker, unit, now);
        } else {
            adopter.adopt(update.broker(), atBroker, unit, now);
        }
        update.done().ifPresent(done -> completeWhenDurable(unit, done));
    }

    /**
     * Our order in memory by its broker id, or by our id while it has no other broker id: the usual
     * case (an update racing the place call's answer) then costs no store read on the engine thread.
     */
    private Optional<Order> inMemory(BrokerOrder atBroker) {
        Optional<Order> byBrokerId = state.orders().findByBrokerOrderId(atBroker.brokerOrderId());
        if (byBrokerId.isPresent()) {
            return byBrokerId;
        }
        return atBroker.clientOrderId().flatMap(state.orders()::find).filter(order -> order.brokerOrderId()
                .filter(id -> !id.equals(atBroker.brokerOrderId()))
                .isEmpty());
    }

    void trade(EngineCommand.TradeReport report, Unit unit, Instant now) {
        BrokerTrade trade = report.trade();
        Optional<Order> ours = state.locateByBrokerId(trade.brokerOrderId());
        if (ours.isPresent()) {
            recorder.applyFill(unit, ours.get(), trade, now);
        } else {
            // A fill before the acknowledgement: kept until the order with this broker id is known.
            park(trade);
        }
        report.done().ifPresent(done -> completeWhenDurable(unit, done));
    }

    /**
     * A fill entered from outside: recorded like a broker's (same dedupe, overfill refusal, position and
     * journal), answered once durable. A refusal is the caller's mistake, not the venue's, so it raises
     * no alert.
     */
    void externalFill(EngineCommand.ExternalFill command, Unit unit, Instant now) {
        RecordExternalFill entered = command.fill();
        Optional<Order> found = state.orders().find(entered.orderId());
        if (found.isEmpty()) {
            command.result()
                    .complete(new ExternalFillResult.Refused(
                            FailureCode.VALIDATION_ORDER_NOT_FOUND, "no order " + entered.orderId()));
            return;
        }
        Order order = found.get();
        Fill fill = new Fill(
                entered.tradeId(),
                entered.quantity(),
                entered.price(),
                entered.fee().orElse(Money.ZERO),
                entered.executedAt().orElse(now),
                Optional.empty());
        BrokerTrade trade = new BrokerTrade(
                order.brokerOrderId().orElse(BrokerOrderId.of(order.id().value())),
                order.instrument(),
                order.side(),
                order.product(),
                fill);
        FillOutcome outcome = recorder.fill(unit, order, trade, now);
        if (outcome instanceof FillOutcome.Applied applied) {
            LOG.info(
                    "external fill {} of {} at {} recorded for order {}",
                    fill.tradeId(),
                    fill.quantity(),
                    fill.price(),
                    order.id());
            unit.complete(command.result(), new ExternalFillResult.Recorded(applied.order()));
            unit.onFailure(message -> command.result()
                    .complete(new ExternalFillResult.Refused(FailureCode.JOURNAL_UNAVAILABLE, message)));
        } else if (outcome instanceof FillOutcome.Duplicate) {
            command.result().complete(new ExternalFillResult.AlreadyRecorded(order));
        } else if (outcome instanceof FillOutcome.Refused refused) {
            command.result()
                    .complete(new ExternalFillResult.Refused(FailureCode.VALIDATION_FILL_REFUSED, refused.reason()));
        }
    }

    private static void completeWhenDurable(Unit unit, CompletableFuture<Void> done) {
        unit.complete(done, null);
        unit.onFailure(message -> done.completeExceptionally(new JournalException(message)));
    }

    private void park(BrokerTrade trade) {
        Map<BrokerOrderId, List<BrokerTrade>> parkedTrades = state.parkedTrades();
        int parked = parkedTrades.values().stream().mapToInt(List::size).sum();
        if (parked >= MAX_PARKED_TRADES) {
            Iterator<BrokerOrderId> oldest = parkedTrades.keySet().iterator();
            BrokerOrderId dropped = oldest.next();
            LOG.error(
                    "too many trades for unknown orders; dropping those of {} (reconciliation will find them)",
                    dropped);
            oldest.remove();
        }
        LOG.info(
                "trade {} for unknown broker order {} kept until the order is known",
                trade.fill().tradeId(),
                trade.brokerOrderId());
        parkedTrades
                .computeIfAbsent(trade.brokerOrderId(), k -> new ArrayList<>())
                .add(trade);
    }

    void malformedPayload(EngineCommand.MalformedPayload payload, Unit unit, Instant now) {
        String raw = payload.rawPayload();
        int max = config.maxQuarantinedPayloadChars();
        String kept = raw.length() <= max
                ? raw
                : raw.substring(0, max) + "…[truncated, " + raw.length() + " characters in all]";
        ReconciliationFinding finding = new ReconciliationFinding(
                "quarantine",
                config.accountOfBroker(payload.broker()).orElse(ExternalOrderAdopter.UNKNOWN_ACCOUNT),
                FindingKind.MALFORMED_PAYLOAD,
                "payload from broker " + payload.broker(),
                payload.problem(),
                kept,
                "quarantined, not applied",
                now);
        LOG.warn("malformed payload from broker {} quarantined: {}", payload.broker(), payload.problem());
        findings.writeWhenDurable(unit, finding);
        unit.publish(new OmsEvent.Alert(
                "broker " + payload.broker(),
                "malformed payload quarantined, not applied: " + payload.problem(),
                Optional.of(kept)));
    }

    /**
     * Resolves an unknown outcome with the resolver's evidence: the broker's view of the order, or
     * empty when it proved the order absent (a submit then becomes {@code ERROR}: never placed).
     */
    void resolveUnknown(EngineCommand.ResolveUnknown command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        ClientOrderId id = command.orderId();
        Optional<Order> found = state.locateOrNotFound(id, result);
        if (found.isEmpty()) {
            return;
        }
        OrderManager orders = state.orders();
        Optional<UnknownOutcome> unknown = found.get().outcomeUnknown();
        if (unknown.isPresent()) {
            UnknownOperation operation = unknown.get().operation();
            if (command.atBroker().isPresent()) {
                BrokerOrder atBroker = command.atBroker().get();
                recorder.applyBrokerView(found.get(), atBroker, unit, now);
                boolean live = atBroker.status().isOpen();
                Order after = orders.get(id);
                if (operation == UnknownOperation.CANCEL && live && after.status() == OrderStatus.PENDING_CANCEL) {
                    recorder.tryRecord(
                            unit,
                            () -> orders.rejectCancel(
                                    id,
                                    "the cancel did not take effect: the broker shows " + atBroker.brokerStatus(),
                                    now));
                } else if (operation == UnknownOperation.MODIFY
                        && after.pendingModification().isPresent()) {
                    recorder.tryRecord(
                            unit,
                            () -> orders.rejectModify(id, "the modification did not take effect at the broker", now));
                }
            } else if (operation == UnknownOperation.SUBMIT) {
                recorder.tryRecord(
                        unit, () -> orders.error(id, "not found at the broker: the submit never took effect", now));
            } else {
                LOG.warn(
                        "order {} with an unknown {} is not found at the broker; left for reconciliation",
                        id,
                        operation);
            }
        }
        OrderEntryHandler.completeWhenDurable(unit, result, new OrderCommandResult.Accepted(orders.get(id)));
    }

    /**
     * Closes an open order the broker does not know (the caller holds the evidence): {@code CANCELLED}
     * when its cancel was asked for, else {@code ERROR} with the reason; it then no longer counts as
     * open. Writes one finding {@code ORDER_MISSING_AT_BROKER} and one log line. An order already
     * closed is answered as it is; nothing is sent to the broker.
     */
    void closeNotKnown(EngineCommand.CloseNotKnownAtBroker command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        ClientOrderId id = command.orderId();
        Optional<Order> found = state.locateOrNotFound(id, result);
        if (found.isEmpty()) {
            return;
        }
        Order order = found.get();
        OrderManager orders = state.orders();
        if (order.isOpen()) {
            boolean expire = state.expiring().remove(id);
            state.cancelWhenAcknowledged().remove(id);
            recorder.record(unit, NotKnownAtBroker.close(orders, order, expire, command.reason(), now));
            Order closed = orders.get(id);
            String action = "closed as " + closed.status() + ": " + command.reason();
            LOG.warn(
                    "order {} ({}) is not known to its broker; {}",
                    id,
                    order.brokerOrderId().orElse(null),
                    action);
            ReconciliationFinding finding = new ReconciliationFinding(
                    "engine",
                    order.account(),
                    FindingKind.ORDER_MISSING_AT_BROKER,
                    "order " + id,
                    order.status() + order.brokerOrderId().map(b -> " as " + b).orElse("") + ", filled "
                            + order.filledQuantity() + " of " + order.quantity(),
                    "not known to the broker",
                    action,
                    now);
            findings.writeWhenDurable(unit, finding);
            unit.publish(new OmsEvent.ReconciliationFound(finding));
        }
        OrderEntryHandler.completeWhenDurable(unit, result, new OrderCommandResult.Accepted(orders.get(id)));
    }
}
