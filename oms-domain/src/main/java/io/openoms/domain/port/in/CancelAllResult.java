package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import java.util.List;
import java.util.Map;

/** The outcome of {@link OrderEntry#cancelAll}: the cancels requested, or a failure with nothing done. */
public sealed interface CancelAllResult {
    /** The orders whose cancel was requested (durably), and those that could not be, with the reason. */
    record Requested(List<ClientOrderId> requested, Map<ClientOrderId, String> refused) implements CancelAllResult {
        public Requested {
            requested = List.copyOf(requireNonNull(requested, "requested is null"));
            refused = Map.copyOf(requireNonNull(refused, "refused is null"));
        }
    }

    /** Nothing was done; {@code code} says why (engine busy or stopped, journal unavailable, a bug). */
    record Failed(FailureCode code, String message) implements CancelAllResult {
        public Failed {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }
    }
}
