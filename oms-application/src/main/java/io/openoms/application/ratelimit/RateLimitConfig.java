package io.openoms.application.ratelimit;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.BrokerRateLimits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate limits per broker name, and how long a broker request waits for a permit unless its caller
 * says otherwise. A broker that is not listed here has no limits configured, and asking the guard
 * for it is a wiring bug.
 */
public record RateLimitConfig(Map<String, BrokerRateLimits> brokers, Duration defaultMaxWait) {
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    public RateLimitConfig {
        brokers = Map.copyOf(requireNonNull(brokers, "brokers is null"));
        requireNonNull(defaultMaxWait, "defaultMaxWait is null");
        if (defaultMaxWait.isNegative()) {
            throw new IllegalArgumentException("defaultMaxWait is negative: " + defaultMaxWait);
        }
    }

    public RateLimitConfig withBroker(String name, BrokerRateLimits limits) {
        requireNonNull(name, "name is null");
        requireNonNull(limits, "limits is null");
        Map<String, BrokerRateLimits> copy = new LinkedHashMap<>(brokers);
        copy.put(name, limits);
        return new RateLimitConfig(copy, defaultMaxWait);
    }

    public RateLimitConfig withDefaultMaxWait(Duration maxWait) {
        return new RateLimitConfig(brokers, maxWait);
    }
}
