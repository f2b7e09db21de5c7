package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import java.util.List;
import java.util.Map;

/** The orders whose cancel was requested, and those that could not be, with the reason. */
public record CancelAllResult(List<ClientOrderId> requested, Map<ClientOrderId, String> refused) {
    public CancelAllResult {
        requested = List.copyOf(requireNonNull(requested, "requested is null"));
        refused = Map.copyOf(requireNonNull(refused, "refused is null"));
    }
}
