package io.openoms.app.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ScheduledTask}'s body every interval on its own thread ({@code oms-<name>}), with a
 * fixed delay between runs, so a slow pass never overlaps the next. An exception in the body is
 * logged (the first of a streak with its stack trace, the rest on one line) and the loop goes on.
 * {@link #runOnce()} is one pass on the caller's thread: tests call it, and the runtime calls it for
 * tasks that also run at start-up. Thread safety: safe from any thread.
 */
public final class ScheduledLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledLoop.class);

    private final ScheduledTask task;
    private final Clock clock;
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong failureStreak = new AtomicLong();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService executor;

    public ScheduledLoop(ScheduledTask task, Clock clock) {
        this.task = requireNonNull(task, "task is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public String name() {
        return task.name();
    }

    /** One pass of the body; returns whether it completed without an exception. Never throws. */
    public boolean runOnce() {
        try {
            task.body().run();
            lastSuccess.set(clock.instant());
            long streak = failureStreak.getAndSet(0);
            if (streak > 0) {
                LOG.info("{}: recovered after {} failed runs", task.name(), streak);
            }
            return true;
        } catch (RuntimeException | Error e) {
            // Never rethrown: an executor suppresses every later run of a task that threw once.
            failures.incrementAndGet();
            if (failureStreak.incrementAndGet() == 1) {
                LOG.error("{}: run failed; retrying every {}", task.name(), task.interval(), e);
            } else {
                LOG.warn("{}: run failed again: {}", task.name(), e.toString());
            }
            return false;
        }
    }

    /** Starts the loop; the first run comes one interval from now. */
    public void start() {
        synchronized (lifecycle) {
            if (executor != null) {
                throw new IllegalStateException(task.name() + " was already started");
            }
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "oms-" + task.name());
                thread.setDaemon(true);
                return thread;
            });
            pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            long nanos = task.interval().toNanos();
            pool.scheduleWithFixedDelay(this::runOnce, nanos, nanos, TimeUnit.NANOSECONDS);
            executor = pool;
        }
    }

    /**
     * Stops the loop: no new run starts; a run under way may finish within {@code timeoutMillis},
     * after which it is interrupted. Returns whether the loop ended in time. Idempotent.
     */
    public boolean stop(long timeoutMillis) {
        ScheduledExecutorService pool;
        synchronized (lifecycle) {
            pool = executor;
            if (pool == null) {
                return true;
            }
        }
        pool.shutdown();
        try {
            if (pool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return true;
            }
            LOG.warn("{}: a run did not finish within {}ms; interrupting it", task.name(), timeoutMillis);
            pool.shutdownNow();
            return pool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            return false;
        }
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess.get());
    }

    public long failures() {
        return failures.get();
    }
}
