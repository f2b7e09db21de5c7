package io.openoms.domain.risk;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An account's trading state as last set: by whom (an admin, or an automatic trigger), why and when. */
public record TradingStateChange(TradingState state, String reason, String changedBy, Instant changedAt) {
    public TradingStateChange {
        requireNonNull(state, "state is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(changedBy, "changedBy is null");
        requireNonNull(changedAt, "changedAt is null");
        if (changedBy.isBlank()) {
            throw new IllegalArgumentException("changedBy is blank");
        }
    }
}
