package io.openoms.application.events;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * @param maxQueuedEventsPerListener how far a listener may fall behind before it is unsubscribed
 *     (see {@link EventBus})
 * @param closeTimeout how long closing the bus waits for listeners to take the events already
 *     published
 */
public record EventBusConfig(int maxQueuedEventsPerListener, Duration closeTimeout) {
    public static final EventBusConfig DEFAULT = new EventBusConfig(100_000, Duration.ofSeconds(5));

    public EventBusConfig {
        if (maxQueuedEventsPerListener < 1) {
            throw new IllegalArgumentException(
                    "maxQueuedEventsPerListener must be positive: " + maxQueuedEventsPerListener);
        }
        requireNonNull(closeTimeout, "closeTimeout is null");
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout is negative: " + closeTimeout);
        }
    }
}
