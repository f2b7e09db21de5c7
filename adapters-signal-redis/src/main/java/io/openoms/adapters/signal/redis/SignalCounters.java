package io.openoms.adapters.signal.redis;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of what the Redis intakes did, for metrics ({@code oms-app} publishes them to Micrometer):
 * signals received, placed (accepted orders), refused (rejected by a check, or failed for good),
 * parked (malformed, to the dead-letter stream) and deferred (a passing failure: offered again). The
 * consumer group's lag is read from Redis on demand. Thread safety: safe from any thread.
 */
public final class SignalCounters {
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();

    public long received() {
        return received.get();
    }

    public long placed() {
        return placed.get();
    }

    public long refused() {
        return refused.get();
    }

    public long parked() {
        return parked.get();
    }

    public long deferred() {
        return deferred.get();
    }

    void receivedOne() {
        received.incrementAndGet();
    }

    void placedOne() {
        placed.incrementAndGet();
    }

    void refusedOne() {
        refused.incrementAndGet();
    }

    void parkedOne() {
        parked.incrementAndGet();
    }

    void deferredOne() {
        deferred.incrementAndGet();
    }
}
