package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderEvent.OrderAccepted;
import io.openoms.domain.order.OrderEvent.OrderCancelRejected;
import io.openoms.domain.order.OrderEvent.OrderCancelRequested;
import io.openoms.domain.order.OrderEvent.OrderCancelled;
import io.openoms.domain.order.OrderEvent.OrderCreated;
import io.openoms.domain.order.OrderEvent.OrderErrored;
import io.openoms.domain.order.OrderEvent.OrderExpired;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.order.OrderEvent.OrderLocked;
import io.openoms.domain.order.OrderEvent.OrderModified;
import io.openoms.domain.order.OrderEvent.OrderModifyRejected;
import io.openoms.domain.order.OrderEvent.OrderModifyRequested;
import io.openoms.domain.order.OrderEvent.OrderOutcomeUnknown;
import io.openoms.domain.order.OrderEvent.OrderRejected;
import io.openoms.domain.order.OrderEvent.OrderReleased;
import io.openoms.domain.order.OrderEvent.OrderSubmitted;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The domain service that owns the orders: creates them from requests, applies broker updates,
 * requests cancels and modifications, and finds the orders due for expiry. It is deterministic: it
 * never reads a clock (every method takes {@code now}) and never makes ids (they are passed in).
 *
 * <p>Every mutating method returns the events it produced, in order, for the caller to journal; an
 * update that changes nothing (a duplicate ack, the late return of a submit call after the ack, a
 * lock already set to the same instant) produces no event. An illegal operation throws and leaves
 * the order untouched.
 *
 * <p>Not thread-safe: it is used by the engine's single writer thread only.
 */
public final class OrderManager {
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final Map<BrokerOrderId, ClientOrderId> byBrokerOrderId = new HashMap<>();
    private final Map<ClientOrderId, Order> open = new LinkedHashMap<>();
    private final OpenOrderTotals openTotals = new OpenOrderTotals();
    /** Orders as they became terminal, oldest first, for {@link #evictTerminal}; stale entries are skipped. */
    private final ArrayDeque<Terminal> terminalOrder = new ArrayDeque<>();

    private record Terminal(ClientOrderId id, Instant at) {}

    /**
     * Enters a new order in {@code CREATED}. When the instrument is known, the quantity must fit its
     * lot and limits and the prices its tick grid, and a {@code DAY} order expires at the session
     * close; a GTD expiry must lie after {@code now}. Throws {@link InvalidOrderRequestException}
     * naming the field, or {@link DuplicateOrderException} when the id is taken.
     */
    public List<OrderEvent> create(
            ClientOrderId id, OrderRequest request, Optional<Instrument> instrument, Instant now) {
        requireNonNull(id, "id is null");
        requireNonNull(request, "request is null");
        requireNonNull(instrument, "instrument is null");
        requireNonNull(now, "now is null");
        if (orders.containsKey(id)) {
            throw new DuplicateOrderException(id);
        }
        Optional<Instant> expiresAt = request.expiryAt(now);
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw new InvalidOrderRequestException(
                    "expiresAt", "expiry " + expiresAt.get() + " is not after now " + now);
        }
        if (instrument.isPresent()) {
            Instrument known = instrument.get();
            if (!known.id().equals(request.instrument())) {
                throw new InvalidOrderRequestException(
                        "instrument",
                        "request is for " + request.instrument() + " but the instrument is " + known.id());
            }
            requireFits(known, request.quantity(), request.limitPrice(), request.triggerPrice());
            if (request.timeInForce() == TimeInForce.DAY) {
                expiresAt = known.session().dayOrderExpiry(now);
            }
        }
        OrderCreated event = new OrderCreated(id, 1, now, request, expiresAt);
        store(Order.created(event));
        return List.of(event);
    }

    private static void requireFits(
            Instrument instrument, Quantity quantity, Optional<Price> limitPrice, Optional<Price> triggerPrice) {
        instrument.quantityProblem(quantity).ifPresent(problem -> {
            throw new InvalidOrderRequestException("quantity", problem);
        });
        limitPrice.flatMap(instrument::priceProblem).ifPresent(problem -> {
            throw new InvalidOrderRequestException("price", problem);
        });
        triggerPrice.flatMap(instrument::priceProblem).ifPresent(problem -> {
            throw new InvalidOrderRequestException("triggerPrice", problem);
        });
    }

    /** The order passed pre-trade risk: {@code CREATED → PENDING_SUBMISSION}. */
    public List<OrderEvent> release(ClientOrderId id, Instant now) {
        Order order = get(id);
        return record(order, new OrderReleased(id, next(order), now));
    }

    /** The order was handed to the broker; no event when an ack or fill already moved it on. */
    public List<OrderEvent> markSubmitted(ClientOrderId id, Instant now) {
        Order order = get(id);
        return record(order, new OrderSubmitted(id, next(order), now));
    }

    /**
     * The broker acknowledged the order. After a fill the status stays (the ack only records the
     * broker order id); a repeated ack with the same id produces no event; a different id throws.
     */
    public List<OrderEvent> accept(ClientOrderId id, BrokerOrderId brokerOrderId, Instant now) {
        Order order = get(id);
        return record(order, new OrderAccepted(id, next(order), now, brokerOrderId));
    }

    /** Pre-trade risk refused the order (only in {@code CREATED}). */
    public List<OrderEvent> rejectByRisk(ClientOrderId id, String check, String reason, Instant now) {
        return reject(id, Rejection.byRisk(check, reason), now);
    }

    /** The broker definitively refused the order. */
    public List<OrderEvent> rejectByBroker(ClientOrderId id, String reason, Instant now) {
        return reject(id, Rejection.byBroker(reason), now);
    }

    public List<OrderEvent> reject(ClientOrderId id, Rejection rejection, Instant now) {
        Order order = get(id);
        return record(order, new OrderRejected(id, next(order), now, rejection));
    }

    /** The system can no longer track the order. */
    public List<OrderEvent> error(ClientOrderId id, String reason, Instant now) {
        Order order = get(id);
        return record(order, new OrderErrored(id, next(order), now, reason));
    }

    /**
     * Applies a fill reported by the broker. A trade id already recorded is a {@link
     * FillOutcome.Duplicate}; a fill the order cannot take is {@link FillOutcome.Refused} (the order
     * is unchanged). A late fill on a {@code CANCELLED}, {@code EXPIRED} or {@code ERROR} order is
     * applied and the status stays.
     */
    public FillOutcome applyFill(ClientOrderId id, Fill fill, Instant now) {
        requireNonNull(fill, "fill is null");
        Order order = get(id);
        if (order.hasFill(fill.tradeId())) {
            return new FillOutcome.Duplicate(fill.tradeId());
        }
        Optional<String> problem = order.fillProblem(fill);
        if (problem.isPresent()) {
            return new FillOutcome.Refused(problem.get());
        }
        OrderFilled event = new OrderFilled(id, next(order), now, fill);
        Order filled = order.apply(event);
        store(filled);
        return new FillOutcome.Applied(event, filled);
    }

    /**
     * Asks to cancel the order. In {@code CREATED} (never sent) it is cancelled at once and the
     * result is an {@code OrderCancelled}; a sent order moves to {@code PENDING_CANCEL} and the
     * result is an {@code OrderCancelRequested} the caller sends to the broker. Throws {@link
     * OrderNotCancellableException} when the state or a cancel lock forbids it.
     */
    public List<OrderEvent> requestCancel(ClientOrderId id, Instant now) {
        requireNonNull(now, "now is null");
        Order order = get(id);
        if (order.status() == OrderStatus.PENDING_CANCEL) {
            throw new OrderNotCancellableException(id, order.status(), "a cancel is already pending");
        }
        if (order.isTerminal()) {
            throw new OrderNotCancellableException(id, order.status(), "the order is " + order.status());
        }
        if (order.isCancelLocked(now)) {
            throw new OrderNotCancellableException(
                    id,
                    order.status(),
                    "cancel locked until " + order.cancelLockedUntil().orElseThrow());
        }
        if (order.status() == OrderStatus.CREATED) {
            return record(order, new OrderCancelled(id, next(order), now));
        }
        return record(order, new OrderCancelRequested(id, next(order), now));
    }

    /** The broker (or the venue) cancelled the order. */
    public List<OrderEvent> confirmCancel(ClientOrderId id, Instant now) {
        Order order = get(id);
        return record(order, new OrderCancelled(id, next(order), now));
    }

    /** The broker refused our cancel: the order returns to the state it came from. */
    public List<OrderEvent> rejectCancel(ClientOrderId id, String reason, Instant now) {
        Order order = get(id);
        return record(order, new OrderCancelRejected(id, next(order), now, reason));
    }

    /**
     * Asks to modify an {@code ACCEPTED} or {@code PARTIALLY_FILLED} order. Throws {@link
     * OrderNotModifiableException} in any other state, under a modify lock, or when the modification
     * does not fit (a new quantity not above the filled quantity, a price the order type does not
     * have, no actual change).
     */
    public List<OrderEvent> requestModify(ClientOrderId id, OrderModification modification, Instant now) {
        requireNonNull(modification, "modification is null");
        requireNonNull(now, "now is null");
        Order order = get(id);
        requireModifiable(order, modification, now);
        return record(order, new OrderModifyRequested(id, next(order), now, modification));
    }

    /**
     * Checks {@code modification} as {@link #requestModify} would, and, when the instrument is known,
     * that the order as it would stand after it fits the instrument as {@link #create} checks a new
     * order: the new total quantity against the lot and the quantity limits, the limit and trigger
     * prices against the tick grid. Records nothing. Throws {@link OrderNotModifiableException}, or
     * {@link InvalidOrderRequestException} naming the field ({@code quantity}, {@code price},
     * {@code triggerPrice}).
     */
    public void checkModification(
            ClientOrderId id, OrderModification modification, Optional<Instrument> instrument, Instant now) {
        requireNonNull(modification, "modification is null");
        requireNonNull(instrument, "instrument is null");
        requireNonNull(now, "now is null");
        Order order = get(id);
        requireModifiable(order, modification, now);
        if (instrument.isPresent()) {
            requireFits(
                    instrument.get(),
                    modification.quantity().orElse(order.quantity()),
                    modification.limitPrice().or(order::limitPrice),
                    modification.triggerPrice().or(order::triggerPrice));
        }
    }

    private static void requireModifiable(Order order, OrderModification modification, Instant now) {
        ClientOrderId id = order.id();
        if (order.status() != OrderStatus.ACCEPTED && order.status() != OrderStatus.PARTIALLY_FILLED) {
            throw new OrderNotModifiableException(
                    id, order.status(), "only an ACCEPTED or PARTIALLY_FILLED order can be modified");
        }
        if (order.isModifyLocked(now)) {
            throw new OrderNotModifiableException(
                    id,
                    order.status(),
                    "modify locked until " + order.modifyLockedUntil().orElseThrow());
        }
        Optional<String> problem = order.modificationProblem(modification);
        if (problem.isPresent()) {
            throw new OrderNotModifiableException(id, order.status(), problem.get());
        }
    }

    /** The broker applied the pending modification. */
    public List<OrderEvent> confirmModify(ClientOrderId id, Instant now) {
        Order order = get(id);
        OrderModification pending = order.pendingModification()
                .orElseThrow(() -> new IllegalOrderTransitionException(
                        id, order.status(), OrderEventType.MODIFIED, Optional.of("no modification is pending")));
        return record(order, new OrderModified(id, next(order), now, pending));
    }

    /** The broker refused the pending modification: the order returns to the state it came from. */
    public List<OrderEvent> rejectModify(ClientOrderId id, String reason, Instant now) {
        Order order = get(id);
        return record(order, new OrderModifyRejected(id, next(order), now, reason));
    }

    /**
     * The order expired. For an order the broker still works, the caller first cancels it there and
     * calls this when the cancel is confirmed ({@code PENDING_CANCEL → EXPIRED}).
     */
    public List<OrderEvent> expire(ClientOrderId id, Instant now) {
        Order order = get(id);
        return record(order, new OrderExpired(id, next(order), now));
    }

    /**
     * A broker request for the order was sent and its outcome is unknown. The status stays and
     * {@link Order#outcomeUnknown()} shows it until a definitive event answers it. No event when the
     * same operation is already unknown, or when a submit is (it takes precedence). Throws {@link
     * IllegalOrderTransitionException} when the operation cannot be in flight (a SUBMIT after an ack
     * or a fill, a CANCEL without a pending cancel, a MODIFY without a pending modification).
     */
    public List<OrderEvent> recordOutcomeUnknown(
            ClientOrderId id, UnknownOperation operation, String reason, Instant now) {
        Order order = get(id);
        return record(order, new OrderOutcomeUnknown(id, next(order), now, operation, reason));
    }

    /** Forbids cancelling the order before {@code until}. */
    public List<OrderEvent> lockCancelUntil(ClientOrderId id, Instant until, Instant now) {
        Order order = get(id);
        return record(order, new OrderLocked(id, next(order), now, OrderLock.CANCEL, until));
    }

    /** Forbids modifying the order before {@code until}. */
    public List<OrderEvent> lockModifyUntil(ClientOrderId id, Instant until, Instant now) {
        Order order = get(id);
        return record(order, new OrderLocked(id, next(order), now, OrderLock.MODIFY, until));
    }

    /**
     * The open orders whose expiry (GTD instant or DAY session close) is at or before {@code now},
     * in entry order. Orders with a cancel already pending are left to that cancel.
     */
    public List<Order> dueForExpiry(Instant now) {
        requireNonNull(now, "now is null");
        return open.values().stream()
                .filter(o -> o.status() != OrderStatus.PENDING_CANCEL)
                .filter(o -> o.expiresAt().filter(at -> !at.isAfter(now)).isPresent())
                .toList();
    }

    public Optional<Order> find(ClientOrderId id) {
        return Optional.ofNullable(orders.get(requireNonNull(id, "id is null")));
    }

    /** The order, or {@link OrderNotFoundException}. */
    public Order get(ClientOrderId id) {
        return find(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    public Optional<Order> findByBrokerOrderId(BrokerOrderId brokerOrderId) {
        return Optional.ofNullable(byBrokerOrderId.get(requireNonNull(brokerOrderId, "brokerOrderId is null")))
                .map(orders::get);
    }

    /**
     * The orders that may still trade, in the order they became open. Kept as an index so that the
     * risk checks, which ask for it on every submit, cost the open orders and not the whole session.
     */
    public List<Order> openOrders() {
        return List.copyOf(open.values());
    }

    /**
     * The same open orders as {@link #openOrders()}, as a read-only view without the copy: for a
     * caller on the owning thread that reads it at once and does not keep it across changes.
     */
    public Collection<Order> openOrderView() {
        return Collections.unmodifiableCollection(open.values());
    }

    /** Running totals over the open orders (counts, quantities, notional), kept as orders change. */
    public OpenOrderTotals openOrderTotals() {
        return openTotals;
    }

    /** The first open order of the account in the instrument whose submit's outcome is unknown. */
    public Optional<Order> unknownSubmit(AccountId account, InstrumentId instrument) {
        return openTotals.unknownSubmit(account, instrument).map(orders::get);
    }

    /**
     * Forgets the terminal orders whose last change is before {@code cutoff}, and their broker ids: the
     * caller's store holds them (a later {@link #find} returns empty, and {@link #restore(Order)} puts
     * one back, e.g. for a late fill). Costs the orders forgotten, not the orders held. Returns how many.
     */
    public int evictTerminal(Instant cutoff) {
        requireNonNull(cutoff, "cutoff is null");
        int evicted = 0;
        while (!terminalOrder.isEmpty() && terminalOrder.peekFirst().at().isBefore(cutoff)) {
            Terminal entry = terminalOrder.pollFirst();
            Order order = orders.get(entry.id());
            // Skip an order reopened or changed again since (a newer entry stands for it) or already gone.
            if (order == null || !order.isTerminal() || !order.updatedAt().equals(entry.at())) {
                continue;
            }
            orders.remove(entry.id());
            order.brokerOrderId().ifPresent(brokerId -> byBrokerOrderId.remove(brokerId, entry.id()));
            evicted++;
        }
        return evicted;
    }

    /** How many orders are held in memory, open and terminal. */
    public int size() {
        return orders.size();
    }

    /** Every order, in entry order. */
    public List<Order> all() {
        return List.copyOf(orders.values());
    }

    /** Puts back an order during recovery; throws {@link DuplicateOrderException} when it is known. */
    public Order restore(Order order) {
        requireNonNull(order, "order is null");
        if (orders.containsKey(order.id())) {
            throw new DuplicateOrderException(order.id());
        }
        store(order);
        return order;
    }

    /** Rebuilds an order from its events and puts it back, as {@link #restore(Order)}. */
    public Order restore(List<OrderEvent> events) {
        return restore(Order.replay(events));
    }

    private List<OrderEvent> record(Order order, OrderEvent event) {
        Order next = order.apply(event);
        if (next.sameStateAs(order)) {
            return List.of();
        }
        store(next);
        return List.of(event);
    }

    private void store(Order order) {
        Order before = orders.put(order.id(), order);
        openTotals.replace(before, order);
        if (order.isOpen()) {
            open.put(order.id(), order);
        } else {
            open.remove(order.id());
        }
        if (order.isTerminal()) {
            terminalOrder.addLast(new Terminal(order.id(), order.updatedAt()));
        }
        order.brokerOrderId().ifPresent(brokerId -> byBrokerOrderId.put(brokerId, order.id()));
    }

    private static long next(Order order) {
        return order.lastSequence() + 1;
    }
}
