package io.openoms.app.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * One entry of the schedule registry: a body the runtime runs every {@code interval} on its own
 * thread, after recovery. Modules contribute tasks with a Guice multibinder ({@code
 * Multibinder.newSetBinder(binder(), ScheduledTask.class)}), so a new loop never edits the runtime.
 *
 * <p>Where the loops of {@code io.openoms.application} plug in, when they land: the order monitor
 * ({@code schedules.order-monitor}, default 1s) as {@code every("order-monitor", interval,
 * monitor::runOnce)}; reconciliation ({@code schedules.reconciliation}, default 30s) as {@code
 * every(RECONCILIATION, interval, reconciler::runOnce).alsoAtStartup()}, which also runs it once at
 * start-up right after recovery, before any loop starts, and lets {@code /health/ready} report its
 * last run.
 *
 * @param name names the thread, the log lines and the health report; unique
 * @param interval the delay between the end of one run and the start of the next
 * @param body one pass; an exception is logged and the next pass runs as usual
 * @param runAtStartup run once, synchronously, after recovery and before the loops start
 */
public record ScheduledTask(String name, Duration interval, Runnable body, boolean runAtStartup) {
    /** The name the reconciliation loop registers under; {@code /health/ready} reports its last run. */
    public static final String RECONCILIATION = "reconciliation";

    public ScheduledTask {
        requireNonNull(name, "name is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(body, "body is null");
        if (!name.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("task name must be lower-case kebab, got '" + name + "'");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + ": interval must be positive, got " + interval);
        }
    }

    public static ScheduledTask every(String name, Duration interval, Runnable body) {
        return new ScheduledTask(name, interval, body, false);
    }

    public ScheduledTask alsoAtStartup() {
        return new ScheduledTask(name, interval, body, true);
    }
}
