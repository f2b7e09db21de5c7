package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One change of one order. Every event carries the order's id, its sequence number within that
 * order (the {@link OrderCreated} is 1, then 2, 3, … without gaps) and when it happened. Applying
 * an order's events in sequence with {@link Order#replay} rebuilds the order exactly.
 */
public sealed interface OrderEvent {
    ClientOrderId orderId();

    long sequence();

    Instant occurredAt();

    OrderEventType eventType();

    /** The stable name the journal stores, e.g. {@code OrderFilled}. */
    default String type() {
        return eventType().typeName();
    }

    private static void check(ClientOrderId orderId, long sequence, Instant occurredAt) {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(occurredAt, "occurredAt is null");
        if (sequence < 1) {
            throw new IllegalArgumentException("order " + orderId + ": sequence must be at least 1, got " + sequence);
        }
    }

    private static String requireReason(String reason) {
        requireNonNull(reason, "reason is null");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason is blank");
        }
        return reason;
    }

    /**
     * The order was entered. Carries everything needed to rebuild it: the request and the resolved
     * expiry (the GTD instant, or the session close of a DAY order whose instrument is known).
     */
    record OrderCreated(
            ClientOrderId orderId, long sequence, Instant occurredAt, OrderRequest request, Optional<Instant> expiresAt)
            implements OrderEvent {
        public OrderCreated {
            check(orderId, sequence, occurredAt);
            requireNonNull(request, "request is null");
            requireNonNull(expiresAt, "expiresAt is null");
            if (sequence != 1) {
                throw new IllegalArgumentException(
                        "order " + orderId + ": OrderCreated must be sequence 1, got " + sequence);
            }
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.CREATED;
        }
    }

    /** The order passed pre-trade risk and may be sent. */
    record OrderReleased(ClientOrderId orderId, long sequence, Instant occurredAt) implements OrderEvent {
        public OrderReleased {
            check(orderId, sequence, occurredAt);
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.RELEASED;
        }
    }

    /** The order was handed to the broker. */
    record OrderSubmitted(ClientOrderId orderId, long sequence, Instant occurredAt) implements OrderEvent {
        public OrderSubmitted {
            check(orderId, sequence, occurredAt);
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.SUBMITTED;
        }
    }

    /** The broker acknowledged the order under its own id. */
    record OrderAccepted(ClientOrderId orderId, long sequence, Instant occurredAt, BrokerOrderId brokerOrderId)
            implements OrderEvent {
        public OrderAccepted {
            check(orderId, sequence, occurredAt);
            requireNonNull(brokerOrderId, "brokerOrderId is null");
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.ACCEPTED;
        }
    }

    /** Risk, the broker or the system refused the order. */
    record OrderRejected(ClientOrderId orderId, long sequence, Instant occurredAt, Rejection rejection)
            implements OrderEvent {
        public OrderRejected {
            check(orderId, sequence, occurredAt);
            requireNonNull(rejection, "rejection is null");
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.REJECTED;
        }
    }

    /** The order (partly) executed. */
    record OrderFilled(ClientOrderId orderId, long sequence, Instant occurredAt, Fill fill) implements OrderEvent {
        public OrderFilled {
            check(orderId, sequence, occurredAt);
            requireNonNull(fill, "fill is null");
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.FILLED;
        }
    }

    /** We asked to cancel the order. */
    record OrderCancelRequested(ClientOrderId orderId, long sequence, Instant occurredAt) implements OrderEvent {
        public OrderCancelRequested {
            check(orderId, sequence, occurredAt);
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.CANCEL_REQUESTED;
        }
    }

    /** The order is cancelled: at our request, by the venue, or before it was ever sent. */
    record OrderCancelled(ClientOrderId orderId, long sequence, Instant occurredAt) implements OrderEvent {
        public OrderCancelled {
            check(orderId, sequence, occurredAt);
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.CANCELLED;
        }
    }

    /** The broker refused our cancel; the order works on. */
    record OrderCancelRejected(ClientOrderId orderId, long sequence, Instant occurredAt, String reason)
            implements OrderEvent {
        public OrderCancelRejected {
            check(orderId, sequence, occurredAt);
            requireReason(reason);
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.CANCEL_REJECTED;
        }
    }

    /** We asked to modify the order. */
    record OrderModifyRequested(
            ClientOrderId orderId, long sequence, Instant occurredAt, OrderModification modification)
            implements OrderEvent {
        public OrderModifyRequested {
            check(orderId, sequence, occurredAt);
            requireNonNull(modification, "modification is null");
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.MODIFY_REQUESTED;
        }
    }

    /** The broker applied the modification. */
    record OrderModified(ClientOrderId orderId, long sequence, Instant occurredAt, OrderModification modification)
            implements OrderEvent {
        public OrderModified {
            check(orderId, sequence, occurredAt);
            requireNonNull(modification, "modification is null");
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.MODIFIED;
        }
    }

    /** The broker refused our modification; the order works on unchanged. */
    record OrderModifyRejected(ClientOrderId orderId, long sequence, Instant occurredAt, String reason)
            implements OrderEvent {
        public OrderModifyRejected {
            check(orderId, sequence, occurredAt);
            requireReason(reason);
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.MODIFY_REJECTED;
        }
    }

    /** The order's time ran out (GTD instant, DAY session close, or the venue said so). */
    record OrderExpired(ClientOrderId orderId, long sequence, Instant occurredAt) implements OrderEvent {
        public OrderExpired {
            check(orderId, sequence, occurredAt);
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.EXPIRED;
        }
    }

    /** The system can no longer track the order (a failure that is not a rejection). */
    record OrderErrored(ClientOrderId orderId, long sequence, Instant occurredAt, String reason) implements OrderEvent {
        public OrderErrored {
            check(orderId, sequence, occurredAt);
            requireReason(reason);
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.ERRORED;
        }
    }

    /** Cancelling or modifying the order is forbidden before {@code until}. */
    record OrderLocked(ClientOrderId orderId, long sequence, Instant occurredAt, OrderLock lock, Instant until)
            implements OrderEvent {
        public OrderLocked {
            check(orderId, sequence, occurredAt);
            requireNonNull(lock, "lock is null");
            requireNonNull(until, "until is null");
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.LOCKED;
        }
    }

    /**
     * A broker request was sent and its outcome is unknown: it may or may not have taken effect. The
     * status stays; {@link Order#outcomeUnknown()} shows it until a definitive event answers it.
     */
    record OrderOutcomeUnknown(
            ClientOrderId orderId, long sequence, Instant occurredAt, UnknownOperation operation, String reason)
            implements OrderEvent {
        public OrderOutcomeUnknown {
            check(orderId, sequence, occurredAt);
            requireNonNull(operation, "operation is null");
            requireReason(reason);
        }

        @Override
        public OrderEventType eventType() {
            return OrderEventType.OUTCOME_UNKNOWN;
        }
    }
}
