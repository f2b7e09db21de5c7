package io.openoms.app.config;

import io.openoms.application.monitor.MonitorConfig;
import java.time.Duration;

/**
 * The order monitor (see {@link MonitorConfig}); how often it runs is {@code schedules.order-monitor}.
 *
 * @param queryPermitWait {@code order-monitor.query-permit-wait}: wait for each broker query permit before
 *     the rest of that broker's pass is skipped (0-1m, default 100ms)
 * @param unconfirmedAfter {@code order-monitor.unconfirmed-after}: an order without a broker id is searched
 *     for by its tag once this old (0-1h, default 2s)
 * @param unknownGraceWindow {@code order-monitor.unknown-grace-window}: an unknown submit is declared never
 *     placed only after this long (0-1h, default 30s)
 * @param unknownMissesBeforeError {@code order-monitor.unknown-misses-before-error}: consecutive searches that
 *     must find nothing first (1-1000, default 3)
 * @param engineTimeout {@code order-monitor.engine-timeout}: wait for each engine command (1s-5m, default 10s)
 */
public record OrderMonitorConfig(
        Duration queryPermitWait,
        Duration unconfirmedAfter,
        Duration unknownGraceWindow,
        int unknownMissesBeforeError,
        Duration engineTimeout) {
    public static final OrderMonitorConfig DEFAULT = new OrderMonitorConfig(
            Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30), 3, Duration.ofSeconds(10));

    public OrderMonitorConfig {
        Durations.require("query-permit-wait", queryPermitWait, Duration.ZERO, Duration.ofMinutes(1));
        Durations.require("unconfirmed-after", unconfirmedAfter, Duration.ZERO, Duration.ofHours(1));
        Durations.require("unknown-grace-window", unknownGraceWindow, Duration.ZERO, Duration.ofHours(1));
        if (unknownMissesBeforeError < 1 || unknownMissesBeforeError > 1000) {
            throw new IllegalArgumentException(
                    "unknown-misses-before-error: must be between 1 and 1000, got " + unknownMissesBeforeError);
        }
        Durations.require("engine-timeout", engineTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public MonitorConfig toMonitorConfig(Duration interval) {
        return MonitorConfig.builder()
                .interval(interval)
                .queryPermitWait(queryPermitWait)
                .unconfirmedAfter(unconfirmedAfter)
                .unknownGraceWindow(unknownGraceWindow)
                .unknownMissesBeforeError(unknownMissesBeforeError)
                .engineTimeout(engineTimeout)
                .build();
    }
}
