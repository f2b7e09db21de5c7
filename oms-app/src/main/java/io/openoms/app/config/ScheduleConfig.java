package io.openoms.app.config;

import java.time.Duration;

/**
 * How often the background loops run (each between 10ms and 1h).
 *
 * @param venueTick {@code schedules.venue-tick}: one simulated-venue step (prices, matching; default 250ms)
 * @param engineTimer {@code schedules.engine-timer}: the engine's timer tick (day roll, held orders; default 1s)
 * @param orderMonitor {@code schedules.order-monitor}: the order monitor's pass (default 1s)
 * @param reconciliation {@code schedules.reconciliation}: a reconciliation with the broker (default 30s);
 *     one also runs at start-up, after recovery
 */
public record ScheduleConfig(Duration venueTick, Duration engineTimer, Duration orderMonitor, Duration reconciliation) {
    private static final Duration MIN = Duration.ofMillis(10);
    private static final Duration MAX = Duration.ofHours(1);

    public static final ScheduleConfig DEFAULT = new ScheduleConfig(
            Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30));

    public ScheduleConfig {
        Durations.require("venue-tick", venueTick, MIN, MAX);
        Durations.require("engine-timer", engineTimer, MIN, MAX);
        Durations.require("order-monitor", orderMonitor, MIN, MAX);
        Durations.require("reconciliation", reconciliation, MIN, MAX);
    }
}
