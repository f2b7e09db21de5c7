package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.DuplicateOrderException;
import io.openoms.domain.order.InvalidOrderRequestException;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderNotCancellableException;
import io.openoms.domain.order.OrderNotModifiableException;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.UnknownOutcome;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.IdGenerator;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.port.out.RequestPriority;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.PreTradeValidator;
import io.openoms.domain.risk.RiskDecision;
import io.openoms.domain.value.Price;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What traders ask of their orders: submit (through the pre-trade checks, held or refused behind
 * an unknown submit outcome), modify, cancel, cancel-all, and the expiry of due orders. Each call
 * decides on the engine thread and records into the {@link Unit}; broker requests go out only
 * after the unit is durable. Synchronous: a test calls a method and reads the unit.
 */
final class OrderEntryHandler {
    private final EngineState state;
    private final OrderRecorder recorder;
    private final OrderRouter router;
    private final BrokerDispatcher dispatcher;
    private final IdGenerator ids;
    private final InstrumentCatalog instruments;
    private final RiskChecks riskChecks;
    private final ModificationScreen modificationScreen;
    private final EngineConfig config;

    OrderEntryHandler(
            EngineState state,
            OrderRecorder recorder,
            OrderRouter router,
            BrokerDispatcher dispatcher,
            IdGenerator ids,
            InstrumentCatalog instruments,
            PreTradeValidator validator,
            EngineObserver observer,
            EngineConfig config) {
        this.state = requireNonNull(state, "state is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.router = requireNonNull(router, "router is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.instruments = requireNonNull(instruments, "instruments is null");
        this.riskChecks = new RiskChecks(validator, observer);
        this.modificationScreen = new ModificationScreen(instruments, riskChecks);
        this.config = requireNonNull(config, "config is null");
    }

    void submit(EngineCommand.Submit command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        OrderRequest request = command.command().request();
        Optional<ClientOrderId> requestedId = command.command().clientOrderId();
        OrderManager orders = state.orders();
        if (requestedId.isPresent()) {
            Optional<Order> existing = orders.find(requestedId.get()).or(() -> state.stored(requestedId.get()));
            if (existing.isPresent()) {
                completeWhenDurable(unit, result, retryOf(existing.get(), request));
                return;
            }
        }
        if (config.account(request.account()).isEmpty()) {
            result.complete(OrderCommandResult.Failed.invalidField(
                    "account", request.account() + " is not configured in the engine"));
            return;
        }
        Optional<BrokerGateway> gateway = router.brokerFor(request.account());
        if (gateway.isEmpty()) {
            result.complete(
                    failed(FailureCode.BROKER_NOT_ROUTABLE, "no broker is bound to account " + request.account()));
            return;
        }
        Optional<Order> unknown = state.unknownSubmit(request.account(), request.instrument());
        if (unknown.isPresent()) {
            if (config.unknownOutcomePolicy() == UnknownOutcomePolicy.HOLD) {
                state.hold(command);
                return;
            }
            UnknownOutcome outcome = unknown.get().outcomeUnknown().orElseThrow();
            result.complete(failed(
                    FailureCode.BROKER_OUTCOME_UNKNOWN_HOLD,
                    "order " + unknown.get().id() + " of account " + request.account() + " in "
                            + request.instrument() + " has an unknown submit outcome since " + outcome.since()
                            + " (" + outcome.reason() + "); new orders for this account and instrument are refused"
                            + " until it is resolved"));
            return;
        }
        ClientOrderId id = requestedId.orElseGet(ids::nextOrderId);
        List<OrderEvent> created;
        try {
            created = orders.create(id, request, instruments.find(request.instrument()), now);
        } catch (InvalidOrderRequestException e) {
            result.complete(OrderCommandResult.Failed.invalidField(e.field(), e.problem()));
            return;
        } catch (DuplicateOrderException e) {
            completeWhenDurable(unit, result, retryOf(orders.get(id), request));
            return;
        }
        recorder.record(unit, created);
        EngineRiskContext context = state.riskContext(now);
        RiskDecision decision = riskChecks.newOrder(request, context);
        if (decision.rejected()) {
            recorder.record(
                    unit,
                    orders.rejectByRisk(
                            id,
                            decision.rejectedBy().orElseThrow(),
                            decision.reason().orElse("refused"),
                            now));
            completeWhenDurable(unit, result, new OrderCommandResult.Rejected(orders.get(id)));
            return;
        }
        RequestPriority priority = PositionEffect.of(request, context).shrinksWithoutFlipping()
                ? RequestPriority.REDUCING
                : RequestPriority.NORMAL;
        recorder.record(unit, orders.release(id, now));
        Order released = orders.get(id);
        completeWhenDurable(unit, result, new OrderCommandResult.Accepted(released));
        unit.afterCommit(() -> dispatcher.place(gateway.get(), released, priority));
    }

    void modify(EngineCommand.Modify command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        ClientOrderId id = command.command().orderId();
        OrderModification modification = command.command().modification();
        OrderManager orders = state.orders();
        Optional<Order> found = orders.find(id);
        if (found.isEmpty()) {
            result.complete(notInMemory(id, FailureCode.VALIDATION_ORDER_NOT_MODIFIABLE));
            return;
        }
        Order order = found.get();
        if (order.modificationCount() >= config.modificationBudgetPerOrder()) {
            result.complete(failed(
                    FailureCode.BROKER_MODIFICATION_BUDGET_SPENT,
                    "order " + id + " has used " + order.modificationCount() + " of the "
                            + config.modificationBudgetPerOrder() + " modifications the broker allows per order"));
            return;
        }
        if (order.brokerOrderId().isEmpty()) {
            result.complete(failed(
                    FailureCode.VALIDATION_ORDER_NOT_MODIFIABLE,
                    "order " + id + " is not yet acknowledged by the broker"));
            return;
        }
        Optional<BrokerGateway> gateway = router.brokerFor(order.account());
        if (gateway.isEmpty()) {
            result.complete(
                    failed(FailureCode.BROKER_NOT_ROUTABLE, "no broker is bound to account " + order.account()));
            return;
        }
        Optional<OrderCommandResult> refusal =
                modificationScreen.refusal(orders, order, modification, () -> state.riskContext(now), now);
        if (refusal.isPresent()) {
            result.complete(refusal.get());
            return;
        }
        try {
            recorder.record(unit, orders.requestModify(id, modification, now));
        } catch (OrderNotModifiableException e) {
            result.complete(failed(FailureCode.VALIDATION_ORDER_NOT_MODIFIABLE, e.getMessage()));
            return;
        }
        Order pending = orders.get(id);
        completeWhenDurable(unit, result, new OrderCommandResult.Accepted(pending));
        unit.afterCommit(() -> dispatcher.modify(gateway.get(), pending, modification));
    }

    void cancel(EngineCommand.Cancel command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        ClientOrderId id = command.command().orderId();
        Optional<Order> found = state.orders().find(id);
        if (found.isEmpty()) {
            result.complete(notInMemory(id, FailureCode.VALIDATION_ORDER_NOT_CANCELLABLE));
            return;
        }
        Optional<String> refusal = requestCancel(found.get(), unit, now, false);
        if (refusal.isPresent()) {
            result.complete(failed(FailureCode.VALIDATION_ORDER_NOT_CANCELLABLE, refusal.get()));
            return;
        }
        completeWhenDurable(
                unit, result, new OrderCommandResult.Accepted(state.orders().get(id)));
    }

    /** An order not in memory is terminal (then {@code notChangeable}) or does not exist. */
    private OrderCommandResult notInMemory(ClientOrderId id, FailureCode notChangeable) {
        Optional<Order> stored = state.stored(id);
        return stored.isPresent()
                ? failed(notChangeable, "order " + id + " is " + stored.get().status())
                : failed(FailureCode.VALIDATION_ORDER_NOT_FOUND, "no order " + id);
    }

    /** Requests the cancel and schedules the broker call; the refusal reason when it cannot be cancelled. */
    private Optional<String> requestCancel(Order order, Unit unit, Instant now, boolean expire) {
        ClientOrderId id = order.id();
        Optional<BrokerGateway> gateway = router.brokerFor(order.account());
        if (gateway.isEmpty() && order.status() != OrderStatus.CREATED) {
            return Optional.of("no broker is bound to account " + order.account());
        }
        try {
            recorder.record(unit, state.orders().requestCancel(id, now));
        } catch (OrderNotCancellableException e) {
            return Optional.of(e.getMessage());
        }
        Order after = state.orders().get(id);
        if (after.status() != OrderStatus.PENDING_CANCEL) {
            return Optional.empty(); // never sent: cancelled at once
        }
        unit.afterCommit(() -> {
            if (expire) {
                state.expiring().add(id);
            }
            Order current = state.orders().find(id).orElse(after);
            if (current.status() != OrderStatus.PENDING_CANCEL) {
                return;
            }
            if (current.brokerOrderId().isEmpty()) {
                // The broker cannot cancel what it has not acknowledged: send the cancel with the ack.
                state.cancelWhenAcknowledged().add(id);
            } else {
                dispatcher.cancel(gateway.get(), current);
            }
        });
        return Optional.empty();
    }

    void cancelAll(EngineCommand.CancelAll command, Unit unit, Instant now) {
        CancelAllOrders filter = command.command();
        List<ClientOrderId> requested = new ArrayList<>();
        Map<ClientOrderId, String> refused = new LinkedHashMap<>();
        for (Order order : state.orders().openOrders()) {
            if (filter.account().filter(a -> !a.equals(order.account())).isPresent()
                    || filter.strategy()
                            .filter(s -> !s.equals(order.strategy()))
                            .isPresent()
                    || filter.instrument()
                            .filter(i -> !i.equals(order.instrument()))
                            .isPresent()) {
                continue;
            }
            requestCancel(order, unit, now, false)
                    .ifPresentOrElse(reason -> refused.put(order.id(), reason), () -> requested.add(order.id()));
        }
        CompletableFuture<CancelAllResult> result = command.result();
        unit.complete(result, new CancelAllResult.Requested(requested, refused));
        unit.onFailure(
                message -> result.complete(new CancelAllResult.Failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
    }

    void expireDue(EngineCommand.ExpireDue command, Unit unit, Instant now) {
        List<ClientOrderId> expired = new ArrayList<>();
        for (Order order : state.orders().dueForExpiry(now)) {
            if (requestCancel(order, unit, now, true).isEmpty()) {
                expired.add(order.id());
            }
        }
        unit.complete(command.result(), List.copyOf(expired));
        unit.onFailure(message -> command.result().completeExceptionally(new JournalException(message)));
    }

    /** Completes with {@code value} once the unit is durable; with {@code JOURNAL_UNAVAILABLE} when it is not. */
    static void completeWhenDurable(Unit unit, CompletableFuture<OrderCommandResult> result, OrderCommandResult value) {
        unit.complete(result, value);
        unit.onFailure(message -> result.complete(failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
    }

    /**
     * A submit that reuses a client order id: when it repeats the order as first submitted (not as
     * modified since), it is a retry and is answered with the stored order; otherwise it is a conflict.
     */
    private static OrderCommandResult retryOf(Order order, OrderRequest request) {
        OrderRequest first = order.submitted();
        boolean same = first.instrument().equals(request.instrument())
                && first.side() == request.side()
                && first.type() == request.type()
                && first.account().equals(request.account())
                && first.strategy().equals(request.strategy())
                && first.quantity().value().compareTo(request.quantity().value()) == 0
                && samePrice(first.limitPrice(), request.limitPrice())
                && samePrice(first.triggerPrice(), request.triggerPrice());
        if (!same) {
            return failed(
                    FailureCode.VALIDATION_CLIENT_ORDER_ID_CONFLICT,
                    "clientOrderId " + order.id() + " is the id of a different order; a retry must repeat the"
                            + " request as first submitted");
        }
        return resultOf(order);
    }

    private static boolean samePrice(Optional<Price> a, Optional<Price> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.get().value().compareTo(b.get().value()) == 0;
    }

    private static OrderCommandResult resultOf(Order order) {
        return order.status() == OrderStatus.REJECTED
                ? new OrderCommandResult.Rejected(order)
                : new OrderCommandResult.Accepted(order);
    }

    static OrderCommandResult failed(FailureCode code, String message) {
        return new OrderCommandResult.Failed(code, message);
    }
}
