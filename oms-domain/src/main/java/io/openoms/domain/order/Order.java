package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderEvent.OrderCreated;
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
 *
 * <p>To keep this class readable whole, its parts live beside it: {@code OrderDraft} (the working
 * copy), {@code OrderGuards} (checks beyond the transition table), {@code OrderEventEffects} (what an
 * event changes) and {@code OrderFills} (figures derived from the fills).
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
    private final OrderRequest submitted;

    private Order(OrderDraft d) {
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
        this.filledQuantity = OrderFills.filledQuantity(fills);
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
        this.submitted = d.submitted;
    }

    /** A new order in {@code CREATED} from its first event. */
    public static Order created(OrderCreated event) {
        return new Order(OrderDraft.created(event));
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
        OrderGuards.guard(this, event).ifPresent(problem -> {
            throw illegal(event.eventType(), Optional.of(problem));
        });

        OrderDraft d = new OrderDraft(this);
        d.lastSequence = event.sequence();
        d.updatedAt = event.occurredAt();
        OrderEventEffects.record(event, d);
        switch (transition.effect()) {
            case TO -> OrderEventEffects.moveTo(d, transition.target().orElseThrow());
            case FILL -> OrderEventEffects.afterFill(d);
            case RESUME -> OrderEventEffects.resume(d, event.eventType());
            case KEEP -> OrderEventEffects.keep(d, event.eventType());
        }
        if (d.outcomeUnknown.isPresent()
                && OrderEventEffects.answers(d.outcomeUnknown.get().operation(), event.eventType(), d.status)) {
            d.outcomeUnknown = Optional.empty();
        }
        return new Order(d);
    }

    private IllegalOrderTransitionException illegal(OrderEventType eventType, Optional<String> detail) {
        return new IllegalOrderTransitionException(id, status, eventType, detail);
    }

    /** Why {@code fill} cannot be applied to this order now, or empty when it can. */
    Optional<String> fillProblem(Fill fill) {
        return OrderGuards.fillProblem(this, fill);
    }

    /** Why {@code modification} does not fit this order, or empty when it does. */
    Optional<String> modificationProblem(OrderModification modification) {
        return OrderGuards.modificationProblem(this, modification);
    }

    public boolean hasFill(TradeId tradeId) {
        for (Fill fill : fills) {
            if (fill.tradeId().equals(tradeId)) {
                return true;
            }
        }
        return false;
    }

    public Quantity filledQuantity() {
        return filledQuantity;
    }

    /** What is left to fill; zero when filled (never negative). */
    public Quantity remainingQuantity() {
        return quantity.minus(filledQuantity().min(quantity));
    }

    /** The volume-weighted average price of the fills, or empty before the first fill. */
    public Optional<Price> averageFillPrice() {
        return OrderFills.averageFillPrice(fills, filledQuantity());
    }

    /** Filled quantity over order quantity, from 0 to 1. */
    public BigDecimal fillRatio() {
        return filledQuantity().value().divide(quantity.value(), DecimalPrecision.DIVISION);
    }

    public Money totalFees() {
        return OrderFills.totalFees(fills);
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

    /**
     * The request as first submitted, before any modification: what a retry with the same client order
     * id must repeat to be answered with this order.
     */
    public OrderRequest submitted() {
        return submitted;
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
        // Field by field, the fields a transition changes first: called on every transition, so it
        // must not build the list of state fields that hashCode uses.
        return this == other
                || (status == other.status
                        && Objects.equals(previousStatus, other.previousStatus)
                        && modificationCount == other.modificationCount
                        && Objects.equals(fills, other.fills)
                        && Objects.equals(brokerOrderId, other.brokerOrderId)
                        && Objects.equals(outcomeUnknown, other.outcomeUnknown)
                        && Objects.equals(pendingModification, other.pendingModification)
                        && Objects.equals(cancelLockedUntil, other.cancelLockedUntil)
                        && Objects.equals(modifyLockedUntil, other.modifyLockedUntil)
                        && Objects.equals(rejection, other.rejection)
                        && Objects.equals(lastCancelRejection, other.lastCancelRejection)
                        && Objects.equals(lastModifyRejection, other.lastModifyRejection)
                        && Objects.equals(errorReason, other.errorReason)
                        && Objects.equals(quantity, other.quantity)
                        && Objects.equals(limitPrice, other.limitPrice)
                        && Objects.equals(triggerPrice, other.triggerPrice)
                        && Objects.equals(expiresAt, other.expiresAt)
                        && Objects.equals(id, other.id)
                        && Objects.equals(account, other.account)
                        && Objects.equals(strategy, other.strategy)
                        && Objects.equals(instrument, other.instrument)
                        && side == other.side
                        && type == other.type
                        && timeInForce == other.timeInForce
                        && Objects.equals(product, other.product)
                        && Objects.equals(tag, other.tag)
                        && Objects.equals(parentOrderId, other.parentOrderId)
                        && reduceOnly == other.reduceOnly
                        && Objects.equals(stopLoss, other.stopLoss)
                        && Objects.equals(takeProfit, other.takeProfit)
                        && Objects.equals(createdAt, other.createdAt));
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
}
