package io.openoms.app;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.EngineControl;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One engine timer tick (day roll of the daily P&amp;L, release of held orders), waiting until the
 * engine applied it so a slow engine shows up as a failed pass in {@code /health/ready} rather than a
 * silent backlog of ticks. Thread safety: safe from any thread.
 */
final class EngineTimerLoop implements Runnable {
    /** Five intervals, at least 5 s: a tick that takes longer means the engine is stuck, not busy. */
    private static final long MIN_WAIT_MILLIS = 5_000;

    private final EngineControl engine;
    private final long waitMillis;

    EngineTimerLoop(EngineControl engine, Duration interval) {
        this.engine = requireNonNull(engine, "engine is null");
        this.waitMillis = Math.max(
                MIN_WAIT_MILLIS, requireNonNull(interval, "interval is null").toMillis() * 5);
    }

    @Override
    public void run() {
        try {
            engine.timerTick().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("engine timer tick failed: " + e, e);
        }
    }
}
