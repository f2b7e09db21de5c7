package io.openoms.application.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A ticker, a clock on the same timeline, and a sleeper. Automatic: a wait lets exactly the asked
 * time pass at once (single-threaded tests). Manual: a wait blocks until the test advances time.
 */
final class FakeTime implements LongSupplier, Sleeper {
    private final Instant origin;
    private final boolean automatic;
    private final AtomicLong nanos = new AtomicLong();
    private final Set<Object> monitors = ConcurrentHashMap.newKeySet();

    private FakeTime(Instant origin, boolean automatic) {
        this.origin = origin;
        this.automatic = automatic;
    }

    static FakeTime automatic(Instant origin) {
        return new FakeTime(origin, true);
    }

    static FakeTime manual(Instant origin) {
        return new FakeTime(origin, false);
    }

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
        for (Object monitor : monitors) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    @Override
    public void await(Object monitor, long waitNanos) throws InterruptedException {
        if (automatic) {
            nanos.addAndGet(waitNanos);
            return;
        }
        monitors.add(monitor);
        // A real bound only so that a broken test fails instead of hanging; the caller re-checks.
        TimeUnit.SECONDS.timedWait(monitor, 10);
    }

    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return origin.plusNanos(nanos.get());
            }
        };
    }
}
