package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderEvent.OrderCreated;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class OrderDraft {
    ClientOrderId id;
    Optional<BrokerOrderId> brokerOrderId;
    AccountId account;
    StrategyId strategy;
    InstrumentId instrument;
    Side side;
    OrderType type;
    Quantity quantity;
    Optional<Price> limitPrice;
    Optional<Price> triggerPrice;
    TimeInForce timeInForce;
    Optional<Instant> expiresAt;
    Product product;
    Optional<String> tag;
    Optional<ClientOrderId> parentOrderId;
    boolean reduceOnly;
    Optional<Price> stopLoss;
    Optional<Price> takeProfit;
    OrderStatus status;
    Optional<OrderStatus> previousStatus;
    List<Fill> fills;
    Optional<Rejection> rejection;
    Optional<String> lastCancelRejection;
    Optional<String> lastModifyRejection;
    Optional<String> errorReason;
    Optional<OrderModification> pendingModification;
    Instant createdAt;
    Instant updatedAt;
    long lastSequence;
    Optional<Instant> cancelLockedUntil;
    Optional<Instant> modifyLockedUntil;
    Optional<UnknownOutcome> outcomeUnknown;
    int modificationCount;
    OrderRequest submitted;

    OrderDraft() {}

    OrderDraft(Order o) {
        id = o.id();
        brokerOrderId = o.brokerOrderId();
        account = o.account();
        strategy = o.strategy();
        instrument = o.instrument();
        side = o.side();
        type = o.type();
        quantity = o.quantity();
        limitPrice = o.limitPrice();
        triggerPrice = o.triggerPrice();
        timeInForce = o.timeInForce();
        expiresAt = o.expiresAt();
        product = o.product();
        tag = o.tag();
        parentOrderId = o.parentOrderId();
        reduceOnly = o.reduceOnly();
        stopLoss = o.stopLoss();
        takeProfit = o.takeProfit();
        status = o.status();
        previousStatus = o.previousStatus();
        fills = new ArrayList<>(o.fills());
        rejection = o.rejection();
        lastCancelRejection = o.lastCancelRejection();
        lastModifyRejection = o.lastModifyRejection();
        errorReason = o.errorReason();
        pendingModification = o.pendingModification();
        createdAt = o.createdAt();
        updatedAt = o.updatedAt();
        lastSequence = o.lastSequence();
        cancelLockedUntil = o.cancelLockedUntil();
        modifyLockedUntil = o.modifyLockedUntil();
        outcomeUnknown = o.outcomeUnknown();
        modificationCount = o.modificationCount();
        submitted = o.submitted();
    }

    /** The draft of a new order in {@code CREATED} from its first event. */
    static OrderDraft created(OrderCreated event) {
        requireNonNull(event, "event is null");
        OrderRequest request = event.request();
        OrderDraft d = new OrderDraft();
        d.submitted = request;
        d.id = event.orderId();
        d.brokerOrderId = Optional.empty();
        d.account = request.account();
        d.strategy = request.strategy();
        d.instrument = request.instrument();
        d.side = request.side();
        d.type = request.type();
        d.quantity = request.quantity();
        d.limitPrice = request.limitPrice();
        d.triggerPrice = request.triggerPrice();
        d.timeInForce = request.timeInForce();
        d.expiresAt = event.expiresAt();
        d.product = request.product();
        d.tag = request.tag();
        d.parentOrderId = request.parentOrderId();
        d.reduceOnly = request.reduceOnly();
        d.stopLoss = request.stopLoss();
        d.takeProfit = request.takeProfit();
        d.status = OrderStatus.CREATED;
        d.previousStatus = Optional.empty();
        d.fills = new ArrayList<>();
        d.rejection = Optional.empty();
        d.lastCancelRejection = Optional.empty();
        d.lastModifyRejection = Optional.empty();
        d.errorReason = Optional.empty();
        d.pendingModification = Optional.empty();
        d.createdAt = event.occurredAt();
        d.updatedAt = event.occurredAt();
        d.lastSequence = event.sequence();
        d.cancelLockedUntil = Optional.empty();
        d.modifyLockedUntil = Optional.empty();
        d.outcomeUnknown = Optional.empty();
        d.modificationCount = 0;
        return d;
    }
}
