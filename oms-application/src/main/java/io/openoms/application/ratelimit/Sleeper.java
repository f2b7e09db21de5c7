package io.openoms.application.ratelimit;

import java.util.concurrent.TimeUnit;

/**
 * How the rate-limit guard lets ticker time pass while a request waits. Injected so that tests
 * can drive a fake ticker instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits on {@code monitor}, whose lock the caller holds, until it is notified or about
     * {@code nanos} of ticker time have passed. May return early; callers re-check their condition.
     */
    void await(Object monitor, long nanos) throws InterruptedException;

    /** {@link Object#wait(long, int)} against the system's monotonic clock. */
    static Sleeper monitorWait() {
        return (monitor, nanos) -> TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
    }
}
