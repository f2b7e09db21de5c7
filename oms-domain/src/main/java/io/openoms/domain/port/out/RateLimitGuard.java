package io.openoms.domain.port.out;

import java.time.Duration;
import java.util.Map;

/**
 * Keeps broker requests within each broker's limits (per second, minute and day, per endpoint
 * family). {@link #acquire} blocks the calling thread — a broker-dispatch thread, never the
 * engine's — until a permit is free or {@code maxWait} has passed; waiting requests are served by
 * {@link RequestPriority}. Thread safety: safe from any thread.
 */
public interface RateLimitGuard {
    RateLimitDecision acquire(String broker, EndpointFamily family, RequestPriority priority, Duration maxWait)
            throws InterruptedException;

    /** The broker refused for rate (HTTP 429): hold the family back for {@code backoff}. */
    void penalize(String broker, EndpointFamily family, Duration backoff);

    /** Current usage per broker and family, for the API and metrics. */
    Map<String, Map<EndpointFamily, RateLimitUsage>> usage();
}
