package io.openoms.domain.order;

import static io.openoms.domain.order.OrderEventType.ACCEPTED;
import static io.openoms.domain.order.OrderEventType.CANCELLED;
import static io.openoms.domain.order.OrderEventType.CANCEL_REJECTED;
import static io.openoms.domain.order.OrderEventType.CANCEL_REQUESTED;
import static io.openoms.domain.order.OrderEventType.ERRORED;
import static io.openoms.domain.order.OrderEventType.EXPIRED;
import static io.openoms.domain.order.OrderEventType.FILLED;
import static io.openoms.domain.order.OrderEventType.LOCKED;
import static io.openoms.domain.order.OrderEventType.MODIFIED;
import static io.openoms.domain.order.OrderEventType.MODIFY_REJECTED;
import static io.openoms.domain.order.OrderEventType.MODIFY_REQUESTED;
import static io.openoms.domain.order.OrderEventType.OUTCOME_UNKNOWN;
import static io.openoms.domain.order.OrderEventType.REJECTED;
import static io.openoms.domain.order.OrderEventType.RELEASED;
import static io.openoms.domain.order.OrderEventType.SUBMITTED;
import static java.util.Map.entry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The order state machine: the one table of which event may happen in which state, and what the
 * state becomes. A cell holds a {@link Transition}: {@code to(S)} moves to S; {@code FILL} moves to
 * {@code PARTIALLY_FILLED}, or {@code FILLED} when nothing remains (in a pending state a partial fill
 * keeps the pending state and records {@code PARTIALLY_FILLED} as the state to return to);
 * {@code RESUME} leaves a pending state for the state it came from (as updated while pending) or
 * for the other request still pending; {@code KEEP} leaves the status as it is (the event may still
 * record data: a broker order id, a late fill, a lock). A missing cell is an illegal transition.
 * {@code OrderCreated} is never in the table: it only starts an order.
 *
 * <pre>
 * state               event              → result     why
 * CREATED             Released           → PENDING_SUBMISSION
 *                     Rejected           → REJECTED   (pre-trade risk or the system refused it)
 *                     Cancelled          → CANCELLED  (never sent, so no broker is involved)
 *                     Errored            → ERROR
 *                     Locked             → KEEP
 *                     Filled             refused      (never sent: a fill is a bug or a foreign trade)
 * PENDING_SUBMISSION  Submitted          → SUBMITTED
 *                     Accepted           → ACCEPTED   (the ack raced ahead of the submit call's return)
 *                     Rejected           → REJECTED   (the broker refused the place call)
 *                     Errored            → ERROR
 *                     Filled             → FILL       (a fill can race ahead of the submit call's return)
 *                     CancelRequested    → PENDING_CANCEL (the place call may be in flight)
 *                     Cancelled          → CANCELLED  (the engine withdrew it before sending)
 *                     Expired            → EXPIRED    (its time ran out before it was sent)
 *                     Locked             → KEEP
 *                     OutcomeUnknown     → KEEP       (SUBMIT: found PENDING_SUBMISSION at start-up)
 * SUBMITTED           Submitted          → KEEP       (duplicate, no event is recorded)
 *                     Accepted           → ACCEPTED
 *                     Rejected           → REJECTED
 *                     Errored            → ERROR
 *                     Filled             → FILL       (fill before ack)
 *                     CancelRequested    → PENDING_CANCEL
 *                     Cancelled          → CANCELLED  (e.g. an unfilled IOC reported before its ack)
 *                     Expired            → EXPIRED    (likewise)
 *                     Locked             → KEEP
 *                     OutcomeUnknown     → KEEP       (SUBMIT: the place call's outcome is unknown)
 * ACCEPTED            Submitted          → KEEP       (late return of the submit call)
 *                     Accepted           → KEEP       (duplicate ack; a different broker id is refused)
 *                     Rejected           → REJECTED   (the exchange may refuse after the broker acked)
 *                     Errored            → ERROR
 *                     Filled             → FILL
 *                     CancelRequested    → PENDING_CANCEL
 *                     ModifyRequested    → PENDING_MODIFY
 *                     Cancelled          → CANCELLED  (the venue cancelled it on its own)
 *                     Expired            → EXPIRED
 *                     Locked             → KEEP
 * PARTIALLY_FILLED    as ACCEPTED, except Rejected: an order that traded cannot be rejected
 *                     (Accepted → KEEP is also the ack that arrives after a fill)
 * PENDING_CANCEL      Cancelled          → CANCELLED
 *                     CancelRejected     → RESUME     (to PENDING_MODIFY if a modify is still open)
 *                     Filled             → FILL       (a partial fill stays PENDING_CANCEL)
 *                     Expired            → EXPIRED
 *                     Rejected           → REJECTED   (the order itself was refused; only without fills)
 *                     Errored            → ERROR
 *                     Submitted          → KEEP       (records SUBMITTED as the state to return to)
 *                     Accepted           → KEEP       (records ACCEPTED as the state to return to)
 *                     Modified           → RESUME     (answer to a modify sent before the cancel:
 *                     ModifyRejected     → RESUME      applied, and the order stays PENDING_CANCEL)
 *                     Locked             → KEEP
 *                     OutcomeUnknown     → KEEP       (CANCEL; MODIFY sent before the cancel; SUBMIT
 *                                                      when the cancel overtook an unacknowledged place)
 * PENDING_MODIFY      Modified           → RESUME     (applies the modification)
 *                     ModifyRejected     → RESUME
 *                     Filled             → FILL       (a partial fill stays PENDING_MODIFY)
 *                     CancelRequested    → PENDING_CANCEL (a cancel is never blocked by a modify)
 *                     Cancelled          → CANCELLED
 *                     Expired            → EXPIRED
 *                     Errored            → ERROR
 *                     Submitted/Accepted → KEEP       (late or duplicate)
 *                     Locked             → KEEP
 *                     OutcomeUnknown     → KEEP       (MODIFY: the modify call's outcome is unknown)
 * FILLED              Submitted/Accepted → KEEP       (late; an ack may record the broker order id)
 *                     everything else    illegal      (a fill is refused: it would overfill)
 * CANCELLED, EXPIRED, Filled             → KEEP       (a late fill is recorded; the status stays)
 * ERROR               Submitted/Accepted → KEEP       (late; an ack may record the broker order id)
 *                     everything else    illegal
 * REJECTED            everything         illegal
 * </pre>
 *
 * <p>Guards outside the table, checked by {@link Order#apply}: a risk rejection only in
 * {@code CREATED}; no rejection of an order that has fills; no second, different broker order id;
 * Modified/ModifyRejected only while a modification is pending; a fill must not repeat a trade id or
 * overfill; a modification must fit the order; an OutcomeUnknown only for an operation that can be in
 * flight (SUBMIT before any ack or fill, CANCEL in PENDING_CANCEL, MODIFY while a modification is
 * pending).
 */
final class OrderTransitions {

    enum Effect {
        TO,
        FILL,
        RESUME,
        KEEP
    }

    /** One cell: what happens to the status; {@code target} only for {@link Effect#TO}. */
    record Transition(Effect effect, Optional<OrderStatus> target) {
        static Transition to(OrderStatus target) {
            return new Transition(Effect.TO, Optional.of(target));
        }

        static final Transition FILL = new Transition(Effect.FILL, Optional.empty());
        static final Transition RESUME = new Transition(Effect.RESUME, Optional.empty());
        static final Transition KEEP = new Transition(Effect.KEEP, Optional.empty());
    }

    private static final Map<OrderStatus, Map<OrderEventType, Transition>> TABLE = table();

    private OrderTransitions() {}

    /** The cell for {@code event} in {@code state}, or empty when the transition is illegal. */
    static Optional<Transition> find(OrderStatus state, OrderEventType event) {
        return Optional.ofNullable(TABLE.get(state).get(event));
    }

    static boolean isAllowed(OrderStatus state, OrderEventType event) {
        return find(state, event).isPresent();
    }

    private static Map<OrderStatus, Map<OrderEventType, Transition>> table() {
        Transition keep = Transition.KEEP;
        Transition fill = Transition.FILL;
        Transition resume = Transition.RESUME;
        EnumMap<OrderStatus, Map<OrderEventType, Transition>> table = new EnumMap<>(OrderStatus.class);
        table.put(
                OrderStatus.CREATED,
                Map.ofEntries(
                        entry(RELEASED, to(OrderStatus.PENDING_SUBMISSION)),
                        entry(REJECTED, to(OrderStatus.REJECTED)),
                        entry(CANCELLED, to(OrderStatus.CANCELLED)),
                        entry(ERRORED, to(OrderStatus.ERROR)),
                        entry(LOCKED, keep)));
        table.put(
                OrderStatus.PENDING_SUBMISSION,
                Map.ofEntries(
                        entry(SUBMITTED, to(OrderStatus.SUBMITTED)),
                        entry(ACCEPTED, to(OrderStatus.ACCEPTED)),
                        entry(REJECTED, to(OrderStatus.REJECTED)),
                        entry(ERRORED, to(OrderStatus.ERROR)),
                        entry(FILLED, fill),
                        entry(CANCEL_REQUESTED, to(OrderStatus.PENDING_CANCEL)),
                        entry(CANCELLED, to(OrderStatus.CANCELLED)),
                        entry(EXPIRED, to(OrderStatus.EXPIRED)),
                        entry(LOCKED, keep),
                        entry(OUTCOME_UNKNOWN, keep)));
        table.put(
                OrderStatus.SUBMITTED,
                Map.ofEntries(
                        entry(SUBMITTED, keep),
                        entry(ACCEPTED, to(OrderStatus.ACCEPTED)),
                        entry(REJECTED, to(OrderStatus.REJECTED)),
                        entry(ERRORED, to(OrderStatus.ERROR)),
                        entry(FILLED, fill),
                        entry(CANCEL_REQUESTED, to(OrderStatus.PENDING_CANCEL)),
                        entry(CANCELLED, to(OrderStatus.CANCELLED)),
                        entry(EXPIRED, to(OrderStatus.EXPIRED)),
                        entry(LOCKED, keep),
                        entry(OUTCOME_UNKNOWN, keep)));
        table.put(
                OrderStatus.ACCEPTED,
                Map.ofEntries(
                        entry(SUBMITTED, keep),
                        entry(ACCEPTED, keep),
                        entry(REJECTED, to(OrderStatus.REJECTED)),
                        entry(ERRORED, to(OrderStatus.ERROR)),
                        entry(FILLED, fill),
                        entry(CANCEL_REQUESTED, to(OrderStatus.PENDING_CANCEL)),
                        entry(MODIFY_REQUESTED, to(OrderStatus.PENDING_MODIFY)),
                        entry(CANCELLED, to(OrderStatus.CANCELLED)),
                        entry(EXPIRED, to(OrderStatus.EXPIRED)),
                        entry(LOCKED, keep)));
        table.put(
                OrderStatus.PARTIALLY_FILLED,
                Map.ofEntries(
                        entry(SUBMITTED, keep),
                        entry(ACCEPTED, keep),
                        entry(ERRORED, to(OrderStatus.ERROR)),
                        entry(FILLED, fill),
                        entry(CANCEL_REQUESTED, to(OrderStatus.PENDING_CANCEL)),
                        entry(MODIFY_REQUESTED, to(OrderStatus.PENDING_MODIFY)),
                        entry(CANCELLED, to(OrderStatus.CANCELLED)),
                        entry(EXPIRED, to(OrderStatus.EXPIRED)),
                        entry(LOCKED, keep)));
        table.put(
                OrderStatus.PENDING_CANCEL,
                Map.ofEntries(
                        entry(CANCELLED, to(OrderStatus.CANCELLED)),
                        entry(CANCEL_REJECTED, resume),
                        entry(FILLED, fill),
                        entry(EXPIRED, to(OrderStatus.EXPIRED)),
                        entry(REJECTED, to(OrderStatus.REJECTED)),
                        entry(ERRORED, to(OrderStatus.ERROR)),
                        entry(SUBMITTED, keep),
                        entry(ACCEPTED, keep),
                        entry(MODIFIED, resume),
                        entry(MODIFY_REJECTED, resume),
                        entry(LOCKED, keep),
                        entry(OUTCOME_UNKNOWN, keep)));
        table.put(
                OrderStatus.PENDING_MODIFY,
                Map.ofEntries(
                        entry(MODIFIED, resume),
                        entry(MODIFY_REJECTED, resume),
                        entry(FILLED, fill),
                        entry(CANCEL_REQUESTED, to(OrderStatus.PENDING_CANCEL)),
                        entry(CANCELLED, to(OrderStatus.CANCELLED)),
                        entry(EXPIRED, to(OrderStatus.EXPIRED)),
                        entry(ERRORED, to(OrderStatus.ERROR)),
                        entry(SUBMITTED, keep),
                        entry(ACCEPTED, keep),
                        entry(LOCKED, keep),
                        entry(OUTCOME_UNKNOWN, keep)));
        table.put(OrderStatus.FILLED, Map.ofEntries(entry(SUBMITTED, keep), entry(ACCEPTED, keep)));
        Map<OrderEventType, Transition> lateFillsAndAcks =
                Map.ofEntries(entry(FILLED, keep), entry(SUBMITTED, keep), entry(ACCEPTED, keep));
        table.put(OrderStatus.CANCELLED, lateFillsAndAcks);
        table.put(OrderStatus.EXPIRED, lateFillsAndAcks);
        table.put(OrderStatus.ERROR, lateFillsAndAcks);
        table.put(OrderStatus.REJECTED, Map.of());
        return Collections.unmodifiableMap(table);
    }

    private static Transition to(OrderStatus target) {
        return Transition.to(target);
    }
}
