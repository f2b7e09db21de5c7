package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** The session's health for {@code /health}: its state, the token's expiry if known, and what to do. */
public record KiteSessionHealth(KiteSessionState state, Optional<Instant> expiresAt, String detail) {
    public KiteSessionHealth {
        requireNonNull(state, "state is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(detail, "detail is null");
    }
}
