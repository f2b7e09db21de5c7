package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A broker request that may or may not have taken effect (a timeout, a reset connection, a 5xx, an
 * unparseable reply), unresolved since {@code since}. While a {@link UnknownOperation#SUBMIT} is
 * unknown the order must never be sent again: a resolver finds it at the broker by its tag, or
 * proves it absent.
 */
public record UnknownOutcome(UnknownOperation operation, String reason, Instant since) {
    public UnknownOutcome {
        requireNonNull(operation, "operation is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(since, "since is null");
    }
}
