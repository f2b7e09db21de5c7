package io.openoms.application.intake;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.in.FailureCode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What became of one signal, for the way in to report back ({@link #fields()}: the same words on the
 * Redis results stream and in a webhook's answer). {@link #durable()} says whether the outcome is
 * final and stored, so the message carrying the signal may be acknowledged; when it is not, the signal
 * must be offered again later (and, thanks to its id, will not place a second order).
 */
public sealed interface SignalOutcome {
    /** Failures that pass: the signal is offered again later rather than answered. */
    Set<FailureCode> TRANSIENT = EnumSet.of(
            FailureCode.ENGINE_BUSY,
            FailureCode.ENGINE_STOPPED,
            FailureCode.JOURNAL_UNAVAILABLE,
            FailureCode.BROKER_OUTCOME_UNKNOWN_HOLD,
            FailureCode.BROKER_RATE_LIMITED);

    /** The outcome as flat text fields: {@code status} and what goes with it. */
    Map<String, String> fields();

    /** Whether the outcome is final and stored (or final with nothing to store: an invalid signal). */
    boolean durable();

    /** The signal is malformed: nothing was submitted. */
    record Invalid(ParsedSignal.Invalid problems) implements SignalOutcome {
        public Invalid {
            requireNonNull(problems, "problems is null");
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("status", "invalid", "reason", problems.summary());
        }

        @Override
        public boolean durable() {
            return true;
        }
    }

    /** The order passed the pre-trade checks and is stored (a repeated signal answers its first order). */
    record Accepted(Order order) implements SignalOutcome {
        public Accepted {
            requireNonNull(order, "order is null");
        }

        @Override
        public Map<String, String> fields() {
            return orderFields("accepted", order);
        }

        @Override
        public boolean durable() {
            return true;
        }
    }

    /** A pre-trade check refused the order; it is stored as {@code REJECTED}. */
    record Rejected(Order order) implements SignalOutcome {
        public Rejected {
            requireNonNull(order, "order is null");
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = orderFields("rejected", order);
            order.rejection().ifPresent(rejection -> {
                rejection.check().ifPresent(check -> fields.put("check", check));
                fields.put("reason", rejection.reason());
            });
            return fields;
        }

        @Override
        public boolean durable() {
            return true;
        }
    }

    /** The signal's id is the id of a different order: nothing was submitted. */
    record Conflict(ClientOrderId existing) implements SignalOutcome {
        public Conflict {
            requireNonNull(existing, "existing is null");
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("status", "failed");
            fields.put("orderId", existing.value());
            fields.put("code", "CLIENT_ORDER_ID_CONFLICT");
            fields.put(
                    "message",
                    "id " + existing.value() + " is the id of a different order; a repeated signal must be"
                            + " the same signal");
            return fields;
        }

        @Override
        public boolean durable() {
            return true;
        }
    }

    /** Nothing was stored: {@code code} says why; a {@link #TRANSIENT} code is not durable. */
    record Failed(FailureCode code, String message) implements SignalOutcome {
        public Failed {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("status", "failed");
            fields.put("code", code.name());
            fields.put("message", message);
            return fields;
        }

        @Override
        public boolean durable() {
            return !TRANSIENT.contains(code);
        }
    }

    private static Map<String, String> orderFields(String status, Order order) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("orderId", order.id().value());
        fields.put("orderStatus", order.status().name());
        return fields;
    }
}
