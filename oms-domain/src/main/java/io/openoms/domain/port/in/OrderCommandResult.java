package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;
import java.util.Map;

/**
 * The outcome of an order command: accepted, rejected by a check (and stored), a modification
 * refused by a check (nothing stored), or failed (nothing stored).
 */
public sealed interface OrderCommandResult {
    /** The command took effect; {@code order} is its durable state. */
    record Accepted(Order order) implements OrderCommandResult {
        public Accepted {
            requireNonNull(order, "order is null");
        }
    }

    /** A pre-trade check refused the order; it is stored as {@code REJECTED} and {@code order.rejection()} says why. */
    record Rejected(Order order) implements OrderCommandResult {
        public Rejected {
            requireNonNull(order, "order is null");
        }
    }

    /**
     * A pre-trade check refused a modification: nothing was stored or sent to the broker, and
     * {@code order} is the order as it still stands, unchanged and working. {@code check} names the
     * check and {@code reason} says why.
     */
    record ModificationRefused(Order order, String check, String reason) implements OrderCommandResult {
        public ModificationRefused {
            requireNonNull(order, "order is null");
            requireNonNull(check, "check is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * Nothing was done; {@code code} says which kind of failure, {@code message} says what to do about
     * it, and {@code fields} names each request field at fault with its problem (empty unless the code
     * is {@code VALIDATION_INVALID_REQUEST}), so callers never parse the message.
     */
    record Failed(FailureCode code, String message, Map<String, String> fields) implements OrderCommandResult {
        public Failed {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
            fields = Map.copyOf(requireNonNull(fields, "fields is null"));
        }

        /** A failure that names no field. */
        public Failed(FailureCode code, String message) {
            this(code, message, Map.of());
        }

        /** {@code VALIDATION_INVALID_REQUEST} naming {@code field}: "field: problem". */
        public static Failed invalidField(String field, String problem) {
            return new Failed(FailureCode.VALIDATION_INVALID_REQUEST, field + ": " + problem, Map.of(field, problem));
        }
    }
}
