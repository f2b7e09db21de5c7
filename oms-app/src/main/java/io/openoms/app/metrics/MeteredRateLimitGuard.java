package io.openoms.app.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RateLimitUsage;
import io.openoms.domain.port.out.RequestPriority;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records, per broker and endpoint family, how long each granted permit waited (zero included, so the
 * count is the permits granted), the requests refused for rate, and the backoffs a broker imposed by
 * answering 429. Decisions, exceptions and interrupts reach the caller unchanged.
 */
final class MeteredRateLimitGuard implements RateLimitGuard {
    private final RateLimitGuard delegate;
    private final MeterRegistry registry;
    private final Map<String, Map<EndpointFamily, FamilyMeters>> byBroker = new ConcurrentHashMap<>();

    /** {@code brokers} are registered at once, so their series exist (at zero) before the first request. */
    MeteredRateLimitGuard(RateLimitGuard delegate, MeterRegistry registry, Collection<String> brokers) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.registry = requireNonNull(registry, "registry is null");
        requireNonNull(brokers, "brokers is null").forEach(this::meters);
    }

    @Override
    public RateLimitDecision acquire(String broker, EndpointFamily family, RequestPriority priority, Duration maxWait)
            throws InterruptedException {
        RateLimitDecision decision = delegate.acquire(broker, family, priority, maxWait);
        if (broker != null && family != null) {
            FamilyMeters meters = meters(broker).get(family);
            if (decision instanceof RateLimitDecision.Granted granted) {
                meters.waits.record(granted.waited());
            } else if (decision instanceof RateLimitDecision.Refused) {
                meters.refusals.increment();
            }
        }
        return decision;
    }

    @Override
    public void penalize(String broker, EndpointFamily family, Duration backoff) {
        delegate.penalize(broker, family, backoff);
        if (broker != null && family != null) {
            meters(broker).get(family).backoffs.increment();
        }
    }

    @Override
    public Map<String, Map<EndpointFamily, RateLimitUsage>> usage() {
        return delegate.usage();
    }

    private Map<EndpointFamily, FamilyMeters> meters(String broker) {
        Map<EndpointFamily, FamilyMeters> meters = byBroker.get(broker);
        return meters != null ? meters : byBroker.computeIfAbsent(broker, this::register);
    }

    private Map<EndpointFamily, FamilyMeters> register(String broker) {
        Map<EndpointFamily, FamilyMeters> meters = new EnumMap<>(EndpointFamily.class);
        for (EndpointFamily family : EndpointFamily.values()) {
            meters.put(family, new FamilyMeters(registry, broker, family));
        }
        return meters;
    }

    private static final class FamilyMeters {
        final Timer waits;
        final Counter refusals;
        final Counter backoffs;

        FamilyMeters(MeterRegistry registry, String broker, EndpointFamily family) {
            String familyTag = family.name();
            this.waits = Timer.builder("oms.rate.limit.wait")
                    .description("How long granted broker requests waited for their rate-limit permit")
                    .tag("broker", broker)
                    .tag("family", familyTag)
                    .serviceLevelObjectives(Buckets.BROKER)
                    .register(registry);
            this.refusals = Counter.builder("oms.rate.limit.refusals")
                    .description("Broker requests refused because no permit came within their maximum wait")
                    .tag("broker", broker)
                    .tag("family", familyTag)
                    .register(registry);
            this.backoffs = Counter.builder("oms.rate.limit.backoffs")
                    .description("Backoffs imposed because the broker answered a request with a rate-limit refusal")
                    .tag("broker", broker)
                    .tag("family", familyTag)
                    .register(registry);
        }
    }
}
