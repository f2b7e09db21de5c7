package io.openoms.application.monitor;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import java.time.Instant;
import java.util.List;

/**
 * What one monitor pass did.
 *
 * @param ordersPolled open orders whose broker view was asked for
 * @param updatesApplied broker views handed to the engine because they differed from ours
 * @param tradesApplied executions handed to the engine that our orders lacked
 * @param expiryRequested orders whose expiry had come, cancelled at the broker to be recorded expired
 * @param unknownsResolved unknown outcomes resolved with evidence from the broker
 * @param declaredNeverPlaced unknown submits declared never placed ({@code ERROR}) after the grace
 *     window and the misses
 * @param brokerFailures broker calls that did not succeed (retried next pass)
 * @param ordersSkipped open orders not looked at because a broker's pass stopped (no rate-limit
 *     permit, the broker's own rate limit, a lost session)
 * @param closedNotKnownAtBroker open orders the broker did not know after the grace window and the
 *     misses, closed ({@code CANCELLED} when a cancel was asked for, else {@code ERROR})
 */
public record MonitorReport(
        Instant startedAt,
        int ordersPolled,
        int updatesApplied,
        int tradesApplied,
        List<ClientOrderId> expiryRequested,
        int unknownsResolved,
        int declaredNeverPlaced,
        int brokerFailures,
        int ordersSkipped,
        int closedNotKnownAtBroker) {
    public MonitorReport {
        requireNonNull(startedAt, "startedAt is null");
        expiryRequested = List.copyOf(requireNonNull(expiryRequested, "expiryRequested is null"));
    }
}
