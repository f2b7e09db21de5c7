package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;

/** What became of an external fill: recorded, already recorded (same trade id), or refused. */
public sealed interface ExternalFillResult {
    /** The fill is durable; {@code order} includes it, and the position and P&L moved with it. */
    record Recorded(Order order) implements ExternalFillResult {
        public Recorded {
            requireNonNull(order, "order is null");
        }
    }

    /** The order already has a fill with this trade id: nothing was recorded; {@code order} as it stands. */
    record AlreadyRecorded(Order order) implements ExternalFillResult {
        public AlreadyRecorded {
            requireNonNull(order, "order is null");
        }
    }

    /**
     * Nothing was recorded: {@code VALIDATION_ORDER_NOT_FOUND}, {@code VALIDATION_EXTERNAL_FILLS_NOT_ACCEPTED}
     * (the order's venue reports its own fills), {@code VALIDATION_FILL_REFUSED} (an overfill, or an order
     * that takes no fills in its state), or an engine failure.
     */
    record Refused(FailureCode code, String message) implements ExternalFillResult {
        public Refused {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }
    }
}
