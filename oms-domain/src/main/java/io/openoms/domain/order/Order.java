package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderEvent.OrderAccepted;
import io.openoms.domain.order.OrderEvent.OrderCancelRejected;
import io.openoms.domain.order.OrderEvent.OrderCreated;
import io.openoms.domain.order.OrderEvent.OrderErrored;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.order.OrderEvent.OrderLocked;
import io.openoms.domain.order.OrderEvent.OrderModified;
import io.openoms.domain.order.OrderEvent.OrderModifyRejected;
import io.openoms.domain.order.OrderEvent.OrderModifyRequested;
import io.openoms.domain.order.OrderEvent.OrderOutcomeUnknown;
import io.openoms.domain.order.OrderEvent.OrderRejected;
import io.openoms.domain.order.OrderTransitions.Transition;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The order aggregate, immutable and event-sourced: {@link #apply} returns a new order and leaves
 * this one untouched; {@link #replay} rebuilds an order from its events, and the same events always
 * give an equal order. Which event is allowed in which state is decided by {@code OrderTransitions}.
 *
 * <p>Filled quantity, remaining quantity, average fill price, fill ratio and fees are derived from
 * the fills, never stored. While a cancel or modify is pending, {@link #previousStatus()} is the
 * state the order returns to when the request is refused, kept up to date by acks and fills that
 * arrive meanwhile.
 */
public final class Order {
    private final ClientOrderId id;
    private final Optional<BrokerOrderId> brokerOrderId;
    private final AccountId account;
    private final StrategyId strategy;
    private final InstrumentId instrument;
    private final Side side;
    private final OrderType type;
    private final Quantity quantity;
    private final Optional<Price> limitPrice;
    private final Optional<Price> triggerPrice;
    private final TimeInForce timeInForce;
    private final Optional<Instant> expiresAt;
    private final Product product;
    private final Optional<String> tag;
    private final Optional<ClientOrderId> parentOrderId;
    private final boolean reduceOnly;
    private final Optional<Price> stopLoss;
    private final Optional<Price> takeProfit;
    private final OrderStatus status;
    private final Optional<OrderStatus> previousStatus;
    private final List<Fill> fills;
    private final Quantity filledQuantity;
    private final Optional<Rejection> rejection;
    private final Optional<String> lastCancelRejection;
    private final Optional<String> lastModifyRejection;
    private final Optional<String> errorReason;
    private final Optional<OrderModification> pendingModification;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final long lastSequence;
    private final Optional<Instant> cancelLockedUntil;
    private final Optional<Instant> modifyLockedUntil;
    private final Optional<UnknownOutcome> outcomeUnknown;
    private final int modificationCount;

    private Order(Draft d) {
        this.id = d.id;
        this.brokerOrderId = d.brokerOrderId;
        this.account = d.account;
        this.strategy = d.strategy;
        this.instrument = d.instrument;
        this.side = d.side;
        this.type = d.type;
        this.quantity = d.quantity;
        this.limitPrice = d.limitPrice;
        this.triggerPrice = d.triggerPrice;
        this.timeInForce = d.timeInForce;
        this.expiresAt = d.expiresAt;
        this.product = d.product;
        this.tag = d.tag;
        this.parentOrderId = d.parentOrderId;
        this.reduceOnly = d.reduceOnly;
        this.stopLoss = d.stopLoss;
        this.takeProfit = d.takeProfit;
        this.status = d.status;
        this.previousStatus = d.previousStatus;
        this.fills = List.copyOf(d.fills);
        this.filledQuantity = filledQuantity(fills);
        this.rejection = d.rejection;
        this.lastCancelRejection = d.lastCancelRejection;
        this.lastModifyRejection = d.lastModifyRejection;
        this.errorReason = d.errorReason;
        this.pendingModification = d.pendingModification;
        this.createdAt = d.createdAt;
        this.updatedAt = d.updatedAt;
        this.lastSequence = d.lastSequence;
        this.cancelLockedUntil = d.cancelLockedUntil;
        this.modifyLockedUntil = d.modifyLockedUntil;
        this.outcomeUnknown = d.outcomeUnknown;
        this.modificationCount = d.modificationCount;
    }

    /** A new order in {@code CREATED} from its first event. */
    public static Order created(OrderCreated event) {
        requireNonNull(event, "event is null");
        OrderRequest request = event.request();
        Draft d = new Draft();
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
        return new Order(d);
    }

    /** Rebuilds an order from all its events, the first being its {@link OrderCreated}. */
    public static Order replay(List<OrderEvent> events) {
        requireNonNull(events, "events is null");
        if (events.isEmpty() || !(events.get(0) instanceof OrderCreated created)) {
            throw new IllegalArgumentException("an order's events start with OrderCreated");
        }
        Order order = created(created);
        for (OrderEvent event : events.subList(1, events.size())) {
            order = order.apply(event);
        }
        return order;
    }

    /**
     * This order after {@code event}, which must be the order's next event (same id, sequence
     * {@code lastSequence() + 1}). Throws {@link IllegalOrderTransitionException} when the state does
     * not allow the event; this order is never changed.
     */
    public Order apply(OrderEvent event) {
        requireNonNull(event, "event is null");
        if (!event.orderId().equals(id)) {
            throw new IllegalArgumentException(
                    "event " + event.type() + " for order " + event.orderId() + " applied to order " + id);
        }
        if (event.sequence() != lastSequence + 1) {
            throw new IllegalArgumentException("order " + id + ": expected event sequence " + (lastSequence + 1)
                    + ", got " + event.sequence() + " (" + event.type() + ")");
        }
        Transition transition = OrderTransitions.find(status, event.eventType())
                .orElseThrow(() -> illegal(event.eventType(), Optional.empty()));
        guard(event).ifPresent(problem -> {
            throw illegal(event.eventType(), Optional.of(problem));
        });

        Draft d = new Draft(this);
        d.lastSequence = event.sequence();
        d.updatedAt = event.occurredAt();
        record(event, d);
        switch (transition.effect()) {
            case TO -> moveTo(d, transition.target().orElseThrow());
            case FILL -> afterFill(d);
            case RESUME -> resume(d, event.eventType());
            case KEEP -> keep(d, event.eventType());
        }
        if (d.outcomeUnknown.isPresent() && answers(d.outcomeUnknown.get().operation(), event.eventType(), d.status)) {
            d.outcomeUnknown = Optional.empty();
        }
        return new Order(d);
    }

    private Optional<String> guard(OrderEvent event) {
        if (event instanceof OrderRejected rejected) {
            if (rejected.rejection().source() == RejectionSource.RISK && status != OrderStatus.CREATED) {
                return Optional.of("a risk rejection comes before the order is released");
            }
            if (!fills.isEmpty()) {
                return Optional.of("an order with fills cannot be rejected");
            }
        } else if (event instanceof OrderAccepted accepted) {
            if (brokerOrderId.isPresent() && !brokerOrderId.get().equals(accepted.brokerOrderId())) {
                return Optional.of(
                        "broker order id " + accepted.brokerOrderId() + " conflicts with " + brokerOrderId.get());
            }
        } else if (event instanceof OrderFilled filled) {
            return fillProblem(filled.fill());
        } else if (event instanceof OrderModifyRequested requested) {
            return modificationProblem(requested.modification());
        } else if (event instanceof OrderModified modified) {
            if (pendingModification.isEmpty()) {
                return Optional.of("no modification is pending");
            }
            Optional<Quantity> newQuantity = modified.modification().quantity();
            if (newQuantity.isPresent() && newQuantity.get().isLessThan(filledQuantity())) {
                return Optional.of(
                        "new quantity " + newQuantity.get() + " is below the filled quantity " + filledQuantity());
            }
        } else if (event instanceof OrderModifyRejected && pendingModification.isEmpty()) {
            return Optional.of("no modification is pending");
        } else if (event instanceof OrderOutcomeUnknown unknown) {
            return unknownOutcomeProblem(unknown.operation());
        }
        return Optional.empty();
    }

    /** Why {@code operation} cannot be in flight in this order's state, or empty when it can. */
    private Optional<String> unknownOutcomeProblem(UnknownOperation operation) {
        return switch (operation) {
            case SUBMIT -> brokerOrderId.isPresent() || !fills.isEmpty()
                    ? Optional.of("the broker already acknowledged or filled the order")
                    : Optional.empty();
            case CANCEL -> status == OrderStatus.PENDING_CANCEL
                    ? Optional.empty()
                    : Optional.of("no cancel is pending");
            case MODIFY -> pendingModification.isPresent()
                    ? Optional.empty()
                    : Optional.of("no modification is pending");
        };
    }

    /**
     * True when {@code event}, leading to {@code status}, is the definitive answer to an unknown
     * {@code operation}. A terminal order has nothing in flight.
     */
    private static boolean answers(UnknownOperation operation, OrderEventType event, OrderStatus status) {
        if (status.isTerminal()) {
            return true;
        }
        return switch (operation) {
            case SUBMIT -> switch (event) {
                case ACCEPTED, REJECTED, ERRORED, FILLED, CANCELLED, EXPIRED -> true;
                default -> false;
            };
            case CANCEL -> event == OrderEventType.CANCELLED
                    || event == OrderEventType.CANCEL_REJECTED
                    || event == OrderEventType.EXPIRED;
            case MODIFY -> event == OrderEventType.MODIFIED
                    || event == OrderEventType.MODIFY_REJECTED
                    || event == OrderEventType.CANCELLED;
        };
    }

    private static void record(OrderEvent event, Draft d) {
        if (event instanceof OrderAccepted accepted) {
            d.brokerOrderId = Optional.of(accepted.brokerOrderId());
        } else if (event instanceof OrderRejected rejected) {
            d.rejection = Optional.of(rejected.rejection());
        } else if (event instanceof OrderFilled filled) {
            d.fills.add(filled.fill());
        } else if (event instanceof OrderCancelRejected rejected) {
            d.lastCancelRejection = Optional.of(rejected.reason());
        } else if (event instanceof OrderModifyRequested requested) {
            d.pendingModification = Optional.of(requested.modification());
            d.modificationCount++;
        } else if (event instanceof OrderModified modified) {
            OrderModification change = modified.modification();
            d.quantity = change.quantity().orElse(d.quantity);
            d.limitPrice = change.limitPrice().or(() -> d.limitPrice);
            d.triggerPrice = change.triggerPrice().or(() -> d.triggerPrice);
            d.pendingModification = Optional.empty();
        } else if (event instanceof OrderModifyRejected rejected) {
            d.lastModifyRejection = Optional.of(rejected.reason());
            d.pendingModification = Optional.empty();
        } else if (event instanceof OrderErrored errored) {
            d.errorReason = Optional.of(errored.reason());
        } else if (event instanceof OrderLocked locked) {
            switch (locked.lock()) {
                case CANCEL -> d.cancelLockedUntil = Optional.of(locked.until());
                case MODIFY -> d.modifyLockedUntil = Optional.of(locked.until());
            }
        } else if (event instanceof OrderOutcomeUnknown unknown) {
            // An unknown submit is never replaced: whether the order exists at all is the first
            // question. The first unknown of an operation keeps its time; another operation's replaces it.
            Optional<UnknownOperation> current = d.outcomeUnknown.map(UnknownOutcome::operation);
            if (current.isEmpty()
                    || (current.get() != UnknownOperation.SUBMIT && current.get() != unknown.operation())) {
                d.outcomeUnknown =
                        Optional.of(new UnknownOutcome(unknown.operation(), unknown.reason(), unknown.occurredAt()));
            }
        }
    }

    private static void moveTo(Draft d, OrderStatus target) {
        if (target.isPending()) {
            // From PENDING_MODIFY to PENDING_CANCEL the state to return to stays the working state.
            if (!d.status.isPending()) {
                d.previousStatus = Optional.of(d.status);
            }
        } else {
            d.previousStatus = Optional.empty();
        }
        if (target.isTerminal()) {
            d.pendingModification = Optional.empty();
        }
        d.status = target;
    }

    private static void afterFill(Draft d) {
        Quantity filled = filledQuantity(d.fills);
        // While an increase of the quantity is pending, the broker may already trade the new quantity:
        // a fill that completes the old one leaves the order pending, and the modify's answer decides.
        boolean increasePending = d.pendingModification
                .flatMap(OrderModification::quantity)
                .filter(q -> q.isGreaterThan(filled))
                .isPresent();
        if (filled.compareTo(d.quantity) >= 0 && !increasePending) {
            moveTo(d, OrderStatus.FILLED);
        } else if (d.status.isPending()) {
            d.previousStatus = Optional.of(OrderStatus.PARTIALLY_FILLED);
        } else {
            d.status = OrderStatus.PARTIALLY_FILLED;
        }
    }

    private static void resume(Draft d, OrderEventType answered) {
        // A modification down to exactly the filled quantity completes the order.
        if (!filledQuantity(d.fills).isLessThan(d.quantity)) {
            moveTo(d, OrderStatus.FILLED);
            return;
        }
        if (answered != OrderEventType.CANCEL_REJECTED && d.status == OrderStatus.PENDING_CANCEL) {
            return; // a modify answer while the cancel is still pending
        }
        if (answered == OrderEventType.CANCEL_REJECTED && d.pendingModification.isPresent()) {
            d.status = OrderStatus.PENDING_MODIFY;
            return;
        }
        OrderStatus back = d.previousStatus.orElseThrow();
        d.previousStatus = Optional.empty();
        d.status = back;
    }

    private static void keep(Draft d, OrderEventType event) {
        if (!d.status.isPending() || d.previousStatus.isEmpty()) {
            return;
        }
        OrderStatus working = d.previousStatus.get();
        if (event == OrderEventType.SUBMITTED && working == OrderStatus.PENDING_SUBMISSION) {
            d.previousStatus = Optional.of(OrderStatus.SUBMITTED);
        } else if (event == OrderEventType.ACCEPTED
                && (working == OrderStatus.PENDING_SUBMISSION || working == OrderStatus.SUBMITTED)) {
            d.previousStatus = Optional.of(OrderStatus.ACCEPTED);
        }
    }

    private IllegalOrderTransitionException illegal(OrderEventType eventType, Optional<String> detail) {
        return new IllegalOrderTransitionException(id, status, eventType, detail);
    }

    /** Why {@code fill} cannot be applied to this order now, or empty when it can. */
    Optional<String> fillProblem(Fill fill) {
        if (!OrderTransitions.isAllowed(status, OrderEventType.FILLED)) {
            return Optional.of("order " + id + " takes no fills in state " + status);
        }
        if (hasFill(fill.tradeId())) {
            return Optional.of("trade " + fill.tradeId() + " is already recorded on order " + id);
        }
        Quantity after = filledQuantity().plus(fill.quantity());
        if (after.isGreaterThan(quantity)) {
            return Optional.of("fill " + fill.tradeId() + " of " + fill.quantity() + " would overfill order " + id
                    + ": " + filledQuantity() + " of " + quantity + " already filled");
        }
        return Optional.empty();
    }

    /** Why {@code modification} does not fit this order, or empty when it does. */
    Optional<String> modificationProblem(OrderModification modification) {
        if (modification.limitPrice().isPresent() && !type.requiresLimitPrice()) {
            return Optional.of("a " + type + " order has no limit price");
        }
        if (modification.triggerPrice().isPresent() && !type.requiresTriggerPrice()) {
            return Optional.of("a " + type + " order has no trigger price");
        }
        if (modification.quantity().isPresent()
                && !modification.quantity().get().isGreaterThan(filledQuantity())) {
            return Optional.of("new quantity " + modification.quantity().get() + " must be above the filled quantity "
                    + filledQuantity());
        }
        boolean changes =
                modification.quantity().filter(q -> q.compareTo(quantity) != 0).isPresent()
                        || modification
                                .limitPrice()
                                .filter(p -> !limitPrice.equals(Optional.of(p)))
                                .isPresent()
                        || modification
                                .triggerPrice()
                                .filter(p -> !triggerPrice.equals(Optional.of(p)))
                                .isPresent();
        if (!changes) {
            return Optional.of("the modification changes nothing");
        }
        return Optional.empty();
    }

    public boolean hasFill(TradeId tradeId) {
        return fills.stream().anyMatch(f -> f.tradeId().equals(tradeId));
    }

    public Quantity filledQuantity() {
        return filledQuantity;
    }

    private static Quantity filledQuantity(List<Fill> fills) {
        Quantity total = Quantity.ZERO;
        for (Fill fill : fills) {
            total = total.plus(fill.quantity());
        }
        return total;
    }

    /** What is left to fill; zero when filled (never negative). */
    public Quantity remainingQuantity() {
        return quantity.minus(filledQuantity().min(quantity));
    }

    /** The volume-weighted average price of the fills, or empty before the first fill. */
    public Optional<Price> averageFillPrice() {
        if (fills.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal notional = BigDecimal.ZERO;
        for (Fill fill : fills) {
            notional = notional.add(fill.notional().amount());
        }
        return Optional.of(Price.of(notional.divide(filledQuantity().value(), DecimalPrecision.DIVISION)));
    }

    /** Filled quantity over order quantity, from 0 to 1. */
    public BigDecimal fillRatio() {
        return filledQuantity().value().divide(quantity.value(), DecimalPrecision.DIVISION);
    }

    public Money totalFees() {
        Money total = Money.ZERO;
        for (Fill fill : fills) {
            total = total.plus(fill.fee());
        }
        return total;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** True while a cancel lock forbids cancelling at {@code now}. */
    public boolean isCancelLocked(Instant now) {
        return cancelLockedUntil.filter(now::isBefore).isPresent();
    }

    /** True while a modify lock forbids modifying at {@code now}. */
    public boolean isModifyLocked(Instant now) {
        return modifyLockedUntil.filter(now::isBefore).isPresent();
    }

    public ClientOrderId id() {
        return id;
    }

    public Optional<BrokerOrderId> brokerOrderId() {
        return brokerOrderId;
    }

    public AccountId account() {
        return account;
    }

    public StrategyId strategy() {
        return strategy;
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public Side side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    /** The order's total quantity, including what is filled; changed only by a confirmed modification. */
    public Quantity quantity() {
        return quantity;
    }

    public Optional<Price> limitPrice() {
        return limitPrice;
    }

    public Optional<Price> triggerPrice() {
        return triggerPrice;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** When the order expires: the GTD instant, or the session close of a DAY order; empty otherwise. */
    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    public Product product() {
        return product;
    }

    public Optional<String> tag() {
        return tag;
    }

    public Optional<ClientOrderId> parentOrderId() {
        return parentOrderId;
    }

    public boolean reduceOnly() {
        return reduceOnly;
    }

    public Optional<Price> stopLoss() {
        return stopLoss;
    }

    public Optional<Price> takeProfit() {
        return takeProfit;
    }

    public OrderStatus status() {
        return status;
    }

    /** In {@code PENDING_CANCEL}/{@code PENDING_MODIFY}: the state to return to; empty otherwise. */
    public Optional<OrderStatus> previousStatus() {
        return previousStatus;
    }

    public List<Fill> fills() {
        return fills;
    }

    public Optional<Rejection> rejection() {
        return rejection;
    }

    public Optional<String> lastCancelRejection() {
        return lastCancelRejection;
    }

    public Optional<String> lastModifyRejection() {
        return lastModifyRejection;
    }

    public Optional<String> errorReason() {
        return errorReason;
    }

    /** The modification requested and not yet answered by the broker. */
    public Optional<OrderModification> pendingModification() {
        return pendingModification;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The sequence number of the last event applied; the next event must carry this plus one. */
    public long lastSequence() {
        return lastSequence;
    }

    public Optional<Instant> cancelLockedUntil() {
        return cancelLockedUntil;
    }

    public Optional<Instant> modifyLockedUntil() {
        return modifyLockedUntil;
    }

    /**
     * The broker request whose outcome is unknown and not yet answered by a definitive event, if
     * any. While it is a {@link UnknownOperation#SUBMIT} the order must not be sent again.
     */
    public Optional<UnknownOutcome> outcomeUnknown() {
        return outcomeUnknown;
    }

    /** How many modifications were requested for this order, for a broker's per-order budget. */
    public int modificationCount() {
        return modificationCount;
    }

    /** True when both orders are the same except for the last sequence number and update time. */
    boolean sameStateAs(Order other) {
        return Objects.equals(stateFields(), other.stateFields());
    }

    private List<Object> stateFields() {
        return List.of(
                id,
                brokerOrderId,
                account,
                strategy,
                instrument,
                side,
                type,
                quantity,
                limitPrice,
                triggerPrice,
                timeInForce,
                expiresAt,
                product,
                tag,
                parentOrderId,
                reduceOnly,
                stopLoss,
                takeProfit,
                status,
                previousStatus,
                fills,
                rejection,
                lastCancelRejection,
                lastModifyRejection,
                errorReason,
                pendingModification,
                createdAt,
                cancelLockedUntil,
                modifyLockedUntil,
                outcomeUnknown,
                modificationCount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order other
                && lastSequence == other.lastSequence
                && updatedAt.equals(other.updatedAt)
                && sameStateAs(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stateFields(), lastSequence, updatedAt);
    }

    @Override
    public String toString() {
        return "Order{" + id + " " + side + " " + quantity + " " + instrument + " " + type + " " + status + ", filled "
                + filledQuantity() + ", seq " + lastSequence + "}";
    }

    /** The mutable working copy {@link #apply} edits before freezing it into a new order. */
    private static final class Draft {
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

        Draft() {}

        Draft(Order o) {
            id = o.id;
            brokerOrderId = o.brokerOrderId;
            account = o.account;
            strategy = o.strategy;
            instrument = o.instrument;
            side = o.side;
            type = o.type;
            quantity = o.quantity;
            limitPrice = o.limitPrice;
            triggerPrice = o.triggerPrice;
            timeInForce = o.timeInForce;
            expiresAt = o.expiresAt;
            product = o.product;
            tag = o.tag;
            parentOrderId = o.parentOrderId;
            reduceOnly = o.reduceOnly;
            stopLoss = o.stopLoss;
            takeProfit = o.takeProfit;
            status = o.status;
            previousStatus = o.previousStatus;
            fills = new ArrayList<>(o.fills);
            rejection = o.rejection;
            lastCancelRejection = o.lastCancelRejection;
            lastModifyRejection = o.lastModifyRejection;
            errorReason = o.errorReason;
            pendingModification = o.pendingModification;
            createdAt = o.createdAt;
            updatedAt = o.updatedAt;
            lastSequence = o.lastSequence;
            cancelLockedUntil = o.cancelLockedUntil;
            modifyLockedUntil = o.modifyLockedUntil;
            outcomeUnknown = o.outcomeUnknown;
            modificationCount = o.modificationCount;
        }
    }
}
