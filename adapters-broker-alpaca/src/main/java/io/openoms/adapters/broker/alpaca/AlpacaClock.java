package io.openoms.adapters.broker.alpaca;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** What {@code GET /v2/clock} says: whether US equities trade now, and the next open and close. */
public record AlpacaClock(Instant timestamp, boolean open, Instant nextOpen, Instant nextClose) {
    public AlpacaClock {
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(nextOpen, "nextOpen is null");
        requireNonNull(nextClose, "nextClose is null");
    }
}
